import type { InvoiceCalculation } from "../../../src/index";

/** Every money figure of a calculation, named by where it sits, for checks over all of them. */
export function moneyFiguresOf(result: InvoiceCalculation): [path: string, value: string][] {
  const figures: [string, string][] = [];
  result.lines.forEach((line, index) => {
    const at = `lines[${index}]`;
    figures.push(
      [`${at}.gross`, line.gross],
      [`${at}.discount`, line.discount],
      [`${at}.net`, line.net],
      [`${at}.excludingTax`, line.excludingTax],
      [`${at}.tax`, line.tax],
      [`${at}.total`, line.total],
    );
    // A fee line's unit price is the fee's amount, a money figure like the others.
    if (line.kind === "fee") figures.push([`${at}.unitPrice`, line.unitPrice]);
    line.taxes.forEach((tax, position) => {
      figures.push([`${at}.taxes[${position}].amount`, tax.amount]);
    });
  });
  result.taxes.forEach((tax, index) => {
    figures.push(
      [`taxes[${index}].taxableAmount`, tax.taxableAmount],
      [`taxes[${index}].amount`, tax.amount],
    );
  });
  figures.push(
    ["subtotal", result.subtotal],
    ["discountTotal", result.discountTotal],
    ["feeTotal", result.feeTotal],
    ["taxTotal", result.taxTotal],
    ["total", result.total],
  );
  return figures;
}

/** A money string with exactly `digits` decimals, no sign and no needless leading zero. */
export function moneyPattern(digits: number): RegExp {
  return digits === 0 ? /^(0|[1-9]\d*)$/ : new RegExp(`^(0|[1-9]\\d*)\\.\\d{${digits}}$`);
}
