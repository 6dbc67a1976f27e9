import {
  addMoney,
  type InvoiceCalculation,
  type InvoiceInput,
  isZeroMoney,
  roundMoney,
  subtractMoney,
} from "@remit/core";
import Decimal from "decimal.js";
import { expect } from "vitest";
import type { EInvoiceFigures } from "./read-figures";

/**
 * Every figure of the e-invoice equals `calculateInvoice`'s exactly: each line's net amount is the
 * line's amount without VAT, each charge a fee's, each VAT group the sum of its lines' taxes, the
 * totals Remit's, and each group's tax is BR-CO-17's exact value (the official rules allow ±1).
 */
export function expectFiguresOfCalculation(
  figures: EInvoiceFigures,
  input: InvoiceInput,
  totals: InvoiceCalculation,
  amountPaid = "0",
): void {
  const currency = totals.currency;
  const items = totals.lines.filter((line) => line.kind !== "fee");
  const fees = totals.lines.filter((line) => line.kind === "fee");
  expect(figures.lines.map((line) => [line.id, line.netAmount, line.quantity])).toEqual(
    items.map((line) => [line.id, line.excludingTax, line.quantity]),
  );
  expect(figures.charges).toEqual(fees.map((line) => line.excludingTax));
  expect(figures.tax).toBe(totals.taxTotal);
  expect(figures.taxInclusive).toBe(totals.total);
  expect(figures.lineNet).toBe(addMoney(currency, "0", ...items.map((line) => line.excludingTax)));
  expect(figures.charge).toBe(
    fees.length > 0 ? addMoney(currency, "0", ...fees.map((line) => line.excludingTax)) : undefined,
  );
  expect(figures.taxExclusive).toBe(subtractMoney(currency, totals.total, totals.taxTotal));
  expect(figures.prepaid).toBe(isZeroMoney(amountPaid) ? undefined : amountPaid);
  expect(figures.payable).toBe(subtractMoney(currency, totals.total, amountPaid));
  // Each group: BR-CO-17 to the cent, and the sum of the taxes of the rates in it.
  const rates = new Map((input.taxRates ?? []).map((rate) => [rate.id, rate]));
  let groupTaxes = "0";
  for (const group of figures.groups) {
    const expected = roundMoney(
      new Decimal(group.taxable)
        .times(group.percent ?? "0")
        .dividedBy(100)
        .toFixed(),
      currency,
      "half_up",
    );
    expect(group.tax, `BR-CO-17 for ${group.code} ${group.percent}`).toBe(expected);
    const rateTaxes = totals.taxes
      .filter((tax) => {
        const rate = rates.get(tax.rateId);
        return (
          rate?.vatCategory === group.code &&
          new Decimal(String(rate.percent)).equals(group.percent ?? "0")
        );
      })
      .map((tax) => tax.amount);
    expect(group.tax).toBe(addMoney(currency, "0", ...rateTaxes));
    groupTaxes = addMoney(currency, groupTaxes, group.tax);
  }
  expect(groupTaxes).toBe(totals.taxTotal);
}
