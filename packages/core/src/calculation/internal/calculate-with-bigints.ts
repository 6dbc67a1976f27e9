import { minorUnitsOf } from "../../money/currencies";
import { type DecimalValue, unitsAtScale } from "../../money/decimal-value";
import { divideAndRound, type RoundingMode } from "../../money/rounding-mode";
import type { CalculatedTax, InvoiceCalculation, LineTax } from "../invoice-calculation";
import type { ParsedInvoiceInput } from "../invoice-input-schema";
import { allocateByLargestRemainder } from "./allocate-by-largest-remainder";
import { applyTaxesPerDocument } from "./apply-taxes-per-document";
import { applyTaxesPerLine } from "./apply-taxes-per-line";
import { createMoneyFormatter } from "./create-money-formatter";
import type { WorkingLine, WorkingRate } from "./working-line";

const powersOfTen: bigint[] = Array.from({ length: 40 }, (_, exponent) => 10n ** BigInt(exponent));

function powerOfTen(exponent: number): bigint {
  return powersOfTen[exponent] ?? 10n ** BigInt(exponent);
}

/**
 * The invoice math in bigints: exact for every input the contract allows, whatever the size of
 * its figures, and the one engine for tax rounded per document.
 */
export function calculateWithBigInts(input: ParsedInvoiceInput): InvoiceCalculation {
  const minorUnits = minorUnitsOf(input.currency);
  const minorScale = powerOfTen(minorUnits);
  const mode: RoundingMode = input.rounding.mode;
  const toMinor = (amount: DecimalValue) => unitsAtScale(amount, minorUnits);
  const money = createMoneyFormatter(minorUnits);
  const percentOf = (amount: bigint, percent: DecimalValue) =>
    divideAndRound(amount * percent.units, 100n * powerOfTen(percent.scale), mode);

  // 1-2. Gross and line discounts.
  const items: WorkingLine[] = input.lines.map((line, index) => {
    const { quantity, unitPrice } = line;
    const gross = divideAndRound(
      quantity.units * unitPrice.units * minorScale,
      powerOfTen(quantity.scale + unitPrice.scale),
      mode,
    );
    let discount = 0n;
    if (line.discount?.type === "percent") discount = percentOf(gross, line.discount.value);
    else if (line.discount?.type === "amount") {
      const value = toMinor(line.discount.value);
      discount = value < gross ? value : gross;
    }
    return {
      id: line.id ?? `line-${index + 1}`,
      kind: line.kind,
      description: line.description,
      quantity: quantity.text,
      unitPrice: unitPrice.text,
      taxRateIds: line.taxRateIds,
      gross,
      discount,
      net: gross - discount,
      included: 0n,
      taxes: new Map(),
    };
  });

  // 3. Invoice discounts, each shared over the lines' current net; late fees take no share.
  for (const invoiceDiscount of input.discounts) {
    const weights = items.map((line) => (line.kind === "late_fee" ? 0n : line.net));
    let netSum = 0n;
    for (const weight of weights) netSum += weight;
    if (netSum === 0n) continue;
    let amount: bigint;
    if (invoiceDiscount.type === "percent") amount = percentOf(netSum, invoiceDiscount.value);
    else {
      const value = toMinor(invoiceDiscount.value);
      amount = value < netSum ? value : netSum;
    }
    const shares = allocateByLargestRemainder(amount, weights);
    items.forEach((line, index) => {
      const share = shares[index] as bigint;
      line.net -= share;
      line.discount += share;
    });
  }

  // 4. Fees become lines after the items; a percent fee is not taken of late fees.
  let itemsNet = 0n;
  for (const line of items) if (line.kind !== "late_fee") itemsNet += line.net;
  const feeLines: WorkingLine[] = input.fees.map((fee, index) => {
    const amount = fee.type === "percent" ? percentOf(itemsNet, fee.value) : toMinor(fee.value);
    return {
      id: fee.id ?? `fee-${index + 1}`,
      kind: "fee",
      description: fee.description,
      quantity: "1",
      unitPrice: money(amount),
      taxRateIds: fee.taxRateIds,
      gross: amount,
      discount: 0n,
      net: amount,
      included: 0n,
      taxes: new Map(),
    };
  });
  const lines = [...items, ...feeLines];

  // 5. Taxes.
  const rates = new Map<string, WorkingRate>(
    input.taxRates.map((rate) => [
      rate.id,
      {
        id: rate.id,
        name: rate.name,
        percentText: rate.percent.text,
        percentMicros: unitsAtScale(rate.percent, 6),
        inclusive: rate.inclusive,
        compound: rate.compound,
      },
    ]),
  );
  if (input.rounding.tax === "per_document") applyTaxesPerDocument(lines, rates, mode);
  else applyTaxesPerLine(lines, rates, mode);

  return summarize(input, lines, items.length, rates, money);
}

/** A rate's running totals over the lines that carry it. */
type RateSummary = { rate: WorkingRate; taxable: bigint; amount: bigint; used: boolean };

// 6. Line figures, per-rate totals and invoice totals.
function summarize(
  input: ParsedInvoiceInput,
  lines: readonly WorkingLine[],
  itemCount: number,
  rates: ReadonlyMap<string, WorkingRate>,
  money: (amount: bigint) => string,
): InvoiceCalculation {
  const summaries = new Map<string, RateSummary>();
  for (const [rateId, rate] of rates) {
    summaries.set(rateId, { rate, taxable: 0n, amount: 0n, used: false });
  }
  // One line's tax per position of its taxRateIds, reused from line to line.
  const amounts: bigint[] = [];
  let subtotal = 0n;
  let discountTotal = 0n;
  let feeTotal = 0n;
  let taxTotal = 0n;
  let total = 0n;

  const calculatedLines = lines.map((line, index) => {
    const excludingTax = line.net - line.included;
    const rateIds = line.taxRateIds;
    const rateCount = rateIds.length;
    const lineTaxes: LineTax[] = new Array(rateCount);
    let tax = 0n;
    let addedNonCompound = 0n;
    for (let position = 0; position < rateCount; position++) {
      const rateId = rateIds[position] as string;
      const amount = line.taxes.get(rateId) ?? 0n;
      const rate = summaries.get(rateId)?.rate;
      amounts[position] = amount;
      tax += amount;
      if (rate && !rate.inclusive && !rate.compound) addedNonCompound += amount;
      lineTaxes[position] = { rateId, amount: money(amount) };
    }
    for (let position = 0; position < rateCount; position++) {
      const summary = summaries.get(rateIds[position] as string);
      if (!summary) continue;
      summary.used = true;
      summary.taxable += summary.rate.compound ? excludingTax + addedNonCompound : excludingTax;
      summary.amount += amounts[position] as bigint;
    }
    const lineTotal = excludingTax + tax;
    if (index < itemCount) {
      subtotal += line.gross;
      discountTotal += line.discount;
    } else {
      feeTotal += line.net;
    }
    taxTotal += tax;
    total += lineTotal;
    return {
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      gross: money(line.gross),
      discount: money(line.discount),
      net: money(line.net),
      excludingTax: money(excludingTax),
      tax: money(tax),
      total: money(lineTotal),
      taxes: lineTaxes,
    };
  });

  const taxes: CalculatedTax[] = [];
  for (const rate of input.taxRates) {
    const summary = summaries.get(rate.id);
    if (!summary?.used) continue;
    taxes.push({
      rateId: rate.id,
      name: rate.name,
      percent: rate.percent.text,
      inclusive: rate.inclusive,
      compound: rate.compound,
      taxableAmount: money(summary.taxable),
      amount: money(summary.amount),
    });
  }

  return {
    currency: input.currency,
    lines: calculatedLines,
    taxes,
    subtotal: money(subtotal),
    discountTotal: money(discountTotal),
    feeTotal: money(feeTotal),
    taxTotal: money(taxTotal),
    total: money(total),
  };
}
