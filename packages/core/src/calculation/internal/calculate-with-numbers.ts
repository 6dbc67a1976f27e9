import { minorUnitsOf } from "../../money/currencies";
import type { DecimalValue } from "../../money/decimal-value";
import { divideAndRound } from "../../money/rounding-mode";
import type { InvoiceCalculation } from "../invoice-calculation";
import type { ParsedInvoiceInput } from "../invoice-input-schema";
import { applyTaxesPerLineInNumbers } from "./apply-taxes-per-line-in-numbers";
import { createNumberMoneyFormatter } from "./create-money-formatter";
import {
  allocateExactly,
  createRoundProduct,
  exact,
  fitted,
  largestExact,
  largestExactUnits,
  powerOfTen,
  tooLarge,
  unitsOf,
} from "./exact-number-arithmetic";
import { type NumberLine, type NumberRate, numberLineTemplate } from "./number-line";
import { summarizeNumberLines } from "./summarize-number-lines";

// The invoice math of calculate-with-bigints.ts, step for step, in JS numbers, exact as
// exact-number-arithmetic.ts explains: a figure that would reach 2^53 sends the whole invoice
// back to the bigint engine. What this buys: no bigint is made per operation, so the common
// invoice allocates far less and runs several times faster.

/**
 * The invoice with tax rounded per line, computed in JS numbers; `undefined` when some figure
 * would not fit one exactly, or the input is of a kind only the bigint engine handles (a rate
 * listed twice on a line, a percent with more than 6 decimals), or anything at all goes wrong:
 * this engine only saves time, the bigint engine decides every other case, errors included.
 */
export function calculateWithNumbers(input: ParsedInvoiceInput): InvoiceCalculation | undefined {
  try {
    return calculate(input);
  } catch {
    return undefined;
  }
}

function calculate(input: ParsedInvoiceInput): InvoiceCalculation {
  const minorUnits = minorUnitsOf(input.currency);
  const minorScale = powerOfTen(minorUnits);
  const mode = input.rounding.mode;
  const roundProduct = createRoundProduct(mode);
  const money = createNumberMoneyFormatter(minorUnits);
  const toMinor = (value: DecimalValue) => {
    if (value.scale > minorUnits) throw tooLarge;
    return exact(unitsOf(value) * powerOfTen(minorUnits - value.scale));
  };
  // An amount discount, never more than `cap`: one too large for a number is more than any cap.
  const toMinorAtMost = (value: DecimalValue, cap: number) => {
    if (value.scale > minorUnits) throw tooLarge;
    const units = value.units > largestExactUnits ? Number.POSITIVE_INFINITY : Number(value.units);
    const amount = units * 10 ** (minorUnits - value.scale);
    return amount < cap ? amount : cap;
  };
  const percentOf = (amount: number, percent: DecimalValue) =>
    roundProduct(amount, unitsOf(percent), 100 * powerOfTen(percent.scale));
  const grossOf = (quantity: DecimalValue, unitPrice: DecimalValue) => {
    const exponent = quantity.scale + unitPrice.scale;
    if (quantity.units < 0n || unitPrice.units < 0n) throw tooLarge;
    if (
      quantity.units <= largestExactUnits &&
      unitPrice.units <= largestExactUnits &&
      exponent <= 22
    ) {
      const units = Number(quantity.units) * Number(unitPrice.units);
      if (units <= largestExact) return roundProduct(units, minorScale, 10 ** exponent);
    }
    return fitted(
      divideAndRound(
        quantity.units * unitPrice.units * BigInt(minorScale),
        10n ** BigInt(exponent),
        mode,
      ),
    );
  };

  // 1-2. Gross and line discounts.
  const itemCount = input.lines.length;
  const items: NumberLine[] = new Array(itemCount);
  for (let index = 0; index < itemCount; index++) {
    const line = input.lines[index] as ParsedInvoiceInput["lines"][number];
    const { quantity, unitPrice } = line;
    const gross = grossOf(quantity, unitPrice);
    let discount = 0;
    if (line.discount?.type === "percent") discount = percentOf(gross, line.discount.value);
    else if (line.discount?.type === "amount") {
      discount = toMinorAtMost(line.discount.value, gross);
    }
    const item = { ...numberLineTemplate };
    item.id = line.id ?? `line-${index + 1}`;
    item.kind = line.kind;
    item.description = line.description;
    item.quantity = quantity.text;
    item.unitPrice = unitPrice.text;
    item.taxRateIds = line.taxRateIds;
    item.gross = gross;
    item.discount = discount;
    item.net = gross - discount;
    items[index] = item;
  }

  // 3. Invoice discounts, each shared over the lines' current net; late fees take no share.
  for (const invoiceDiscount of input.discounts) {
    const weights = items.map((line) => (line.kind === "late_fee" ? 0 : line.net));
    let netSum = 0;
    for (const weight of weights) netSum = exact(netSum + weight);
    if (netSum === 0) continue;
    let amount: number;
    if (invoiceDiscount.type === "percent") amount = percentOf(netSum, invoiceDiscount.value);
    else {
      amount = toMinorAtMost(invoiceDiscount.value, netSum);
    }
    const shares = allocateExactly(amount, weights);
    for (let index = 0; index < itemCount; index++) {
      const line = items[index] as NumberLine;
      const share = shares[index] as number;
      line.net -= share;
      line.discount += share;
    }
  }

  // 4. Fees become lines after the items; a percent fee is not taken of late fees.
  let itemsNet = 0;
  for (const line of items) if (line.kind !== "late_fee") itemsNet = exact(itemsNet + line.net);
  const lines = items.slice();
  input.fees.forEach((fee, index) => {
    const amount = fee.type === "percent" ? percentOf(itemsNet, fee.value) : toMinor(fee.value);
    lines.push({
      id: fee.id ?? `fee-${index + 1}`,
      kind: "fee",
      description: fee.description,
      quantity: "1",
      unitPrice: money(amount),
      taxRateIds: fee.taxRateIds,
      gross: amount,
      discount: 0,
      net: amount,
      included: 0,
      taxOffset: 0,
    });
  });

  // 5. Taxes, rounded per line.
  const rates = new Map<string, NumberRate>();
  for (const rate of input.taxRates) {
    if (rate.percent.scale > 6) throw tooLarge;
    rates.set(rate.id, {
      micros: exact(unitsOf(rate.percent) * powerOfTen(6 - rate.percent.scale)),
      inclusive: rate.inclusive,
      compound: rate.compound,
      taxable: 0,
      amount: 0,
      used: false,
    });
  }
  // Every line's taxes in one array, so that no line needs an array of its own.
  let taxCount = 0;
  for (const line of lines) {
    line.taxOffset = taxCount;
    taxCount += line.taxRateIds.length;
  }
  const taxes: number[] = new Array(taxCount).fill(0);
  for (const line of lines) applyTaxesPerLineInNumbers(line, taxes, rates, roundProduct);

  return summarizeNumberLines(input, lines, taxes, itemCount, rates, money);
}
