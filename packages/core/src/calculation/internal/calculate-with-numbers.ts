import { minorUnitsOf } from "../../money/currencies";
import type { DecimalValue } from "../../money/decimal-value";
import { divideAndRound, type RoundingMode } from "../../money/rounding-mode";
import type {
  CalculatedLine,
  CalculatedTax,
  InvoiceCalculation,
  LineTax,
} from "../invoice-calculation";
import type { ParsedInvoiceInput } from "../invoice-input-schema";
import {
  allocateByLargestRemainder,
  allocateNumbersByLargestRemainder,
} from "./allocate-by-largest-remainder";
import { createNumberMoneyFormatter } from "./create-money-formatter";

// The invoice math of calculate-with-bigints.ts, step for step, in JS numbers. A whole number
// below 2^53 is exact in a double, and so are the sum, difference and product of two of them when
// the result stays below 2^53; a product or sum that would not is caught (`exact`) and the whole
// invoice goes back to the bigint engine. A quotient's floor is exact when the dividend is below
// 2^53 (it falls at least 1/divisor short of the next whole number, more than the double's
// rounding error), so rounding by the remainder is exact too. What this buys: no bigint is made
// per operation, so the common invoice allocates far less and runs several times faster.

/** Thrown inside this engine when a figure would reach 2^53; never escapes it. */
const tooLarge = new RangeError("A figure does not fit a JS number exactly");
const largestExact = Number.MAX_SAFE_INTEGER;
const hundredPercentMicros = 100_000_000;
const largestExactUnits = BigInt(largestExact);

function exact(value: number): number {
  if (value > largestExact) throw tooLarge;
  return value;
}

/** A decimal's digits as a number, when they fit exactly. */
function unitsOf(value: DecimalValue): number {
  if (value.units > largestExactUnits || value.units < 0n) throw tooLarge;
  return Number(value.units);
}

/** 10^exponent, exact in a double up to 10^22. */
function powerOfTen(exponent: number): number {
  if (exponent > 22) throw tooLarge;
  return 10 ** exponent;
}

type RoundQuotient = (numerator: number, denominator: number) => number;
/** round(a × b / denominator) for whole a, b ≥ 0 below 2^53. */
type RoundProduct = (a: number, b: number, denominator: number) => number;

/** numerator / denominator rounded half up, for a whole numerator below 2^53 and denominator ≥ 1. */
const roundHalfUp: RoundQuotient = (numerator, denominator) => {
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = (numerator - quotient * denominator) * 2;
  return twiceRemainder >= denominator ? quotient + 1 : quotient;
};

/** The same, halves to the even neighbour. */
const roundHalfEven: RoundQuotient = (numerator, denominator) => {
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = (numerator - quotient * denominator) * 2;
  if (twiceRemainder > denominator) return quotient + 1;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2 === 0 ? quotient : quotient + 1;
};

/** A figure worked out in bigints, as a number when it fits one exactly. */
function fitted(value: bigint): number {
  if (value > largestExactUnits || value < 0n) throw tooLarge;
  return Number(value);
}

/**
 * round(a × b / denominator) in numbers while a × b stays below 2^53; past that (many decimals on
 * a price, a large amount at a tax with many decimals) the quotient is worked out in bigints, and
 * only a quotient that does not fit a number sends the invoice to the bigint engine.
 */
function createRoundProduct(mode: RoundingMode): RoundProduct {
  // As `divideAndRound` reads the mode: half up, or else half even.
  const round = mode === "half_up" ? roundHalfUp : roundHalfEven;
  return (a, b, denominator) => {
    const product = a * b;
    if (product <= largestExact) return round(product, denominator);
    return fitted(divideAndRound(BigInt(a) * BigInt(b), BigInt(denominator), mode));
  };
}

/** Largest-remainder shares in numbers, or through bigints when the products would not fit. */
function allocate(total: number, weights: readonly number[]): number[] {
  const shares = allocateNumbersByLargestRemainder(total, weights);
  if (shares) return shares;
  return allocateByLargestRemainder(BigInt(total), weights.map(BigInt)).map(fitted);
}

type NumberLine = {
  id: string;
  kind: CalculatedLine["kind"];
  description: string;
  quantity: string;
  unitPrice: string;
  taxRateIds: readonly string[];
  gross: number;
  discount: number;
  net: number;
  included: number;
  /** Where the line's taxes start in the invoice's `taxes`, one per position in `taxRateIds`. */
  taxOffset: number;
};

// Per-line objects are copies of these templates, not object literals, for the reason given
// in read-common-invoice-input.ts (V8 would make them in the old generation after a large invoice).
const numberLineTemplate: NumberLine = {
  id: "",
  kind: "service",
  description: "",
  quantity: "",
  unitPrice: "",
  taxRateIds: [],
  gross: 0,
  discount: 0,
  net: 0,
  included: 0,
  taxOffset: 0,
};
const lineTaxTemplate: LineTax = { rateId: "", amount: "" };
const calculatedLineTemplate: CalculatedLine = {
  id: "",
  kind: "service",
  description: "",
  quantity: "",
  unitPrice: "",
  gross: "",
  discount: "",
  net: "",
  excludingTax: "",
  tax: "",
  total: "",
  taxes: [],
};

type NumberRate = {
  micros: number;
  inclusive: boolean;
  compound: boolean;
  taxable: number;
  amount: number;
  used: boolean;
};

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

  // 3. Invoice discounts, each shared over the lines' current net.
  for (const invoiceDiscount of input.discounts) {
    let netSum = 0;
    for (const line of items) netSum = exact(netSum + line.net);
    if (netSum === 0) continue;
    let amount: number;
    if (invoiceDiscount.type === "percent") amount = percentOf(netSum, invoiceDiscount.value);
    else {
      amount = toMinorAtMost(invoiceDiscount.value, netSum);
    }
    const shares = allocate(
      amount,
      items.map((line) => line.net),
    );
    for (let index = 0; index < itemCount; index++) {
      const line = items[index] as NumberLine;
      const share = shares[index] as number;
      line.net -= share;
      line.discount += share;
    }
  }

  // 4. Fees become lines after the items.
  let itemsNet = 0;
  for (const line of items) itemsNet = exact(itemsNet + line.net);
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
  for (const line of lines) applyTaxes(line, taxes, rates, roundProduct);

  return summarize(input, lines, taxes, itemCount, rates, money);
}

/**
 * A line's taxes, as `applyTaxesPerLine` works them out: the included rates together, shared by
 * their percents; then each added rate on the base; then compound rates on the base plus the
 * added taxes.
 */
function applyTaxes(
  line: NumberLine,
  taxes: number[],
  rates: ReadonlyMap<string, NumberRate>,
  roundProduct: RoundProduct,
) {
  const rateIds = line.taxRateIds;
  const count = rateIds.length;
  const offset = line.taxOffset;
  let includedPercent = 0;
  let includedCount = 0;
  for (let position = 0; position < count; position++) {
    const rateId = rateIds[position] as string;
    // The bigint engine keeps a line's taxes by rate id; a rate listed twice is its affair.
    for (let earlier = 0; earlier < position; earlier++) {
      if (rateIds[earlier] === rateId) throw tooLarge;
    }
    const rate = rates.get(rateId);
    if (rate?.inclusive) {
      includedPercent += rate.micros;
      includedCount++;
    }
  }
  let included = 0;
  if (includedCount > 0) {
    included = roundProduct(line.net, includedPercent, hundredPercentMicros + includedPercent);
    const positions: number[] = [];
    const weights: number[] = [];
    for (let position = 0; position < count; position++) {
      const rate = rates.get(rateIds[position] as string);
      if (rate?.inclusive) {
        positions.push(position);
        weights.push(rate.micros);
      }
    }
    const shares = allocate(included, weights);
    positions.forEach((position, index) => {
      taxes[offset + position] = shares[index] as number;
    });
  }
  line.included = included;
  const base = line.net - included;
  let added = 0;
  for (let position = 0; position < count; position++) {
    const rate = rates.get(rateIds[position] as string);
    if (!rate || rate.inclusive || rate.compound) continue;
    const amount = roundProduct(base, rate.micros, hundredPercentMicros);
    taxes[offset + position] = amount;
    added = exact(added + amount);
  }
  for (let position = 0; position < count; position++) {
    const rate = rates.get(rateIds[position] as string);
    if (!rate?.compound || rate.inclusive) continue;
    taxes[offset + position] = roundProduct(exact(base + added), rate.micros, hundredPercentMicros);
  }
}

// 6. Line figures, per-rate totals and invoice totals.
function summarize(
  input: ParsedInvoiceInput,
  lines: readonly NumberLine[],
  lineTaxes: readonly number[],
  itemCount: number,
  rates: ReadonlyMap<string, NumberRate>,
  money: (units: number) => string,
): InvoiceCalculation {
  let subtotal = 0;
  let discountTotal = 0;
  let feeTotal = 0;
  let taxTotal = 0;
  let total = 0;

  const calculatedLines: CalculatedLine[] = new Array(lines.length);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as NumberLine;
    const excludingTax = line.net - line.included;
    const rateIds = line.taxRateIds;
    const rateCount = rateIds.length;
    const offset = line.taxOffset;
    const calculatedTaxes: CalculatedLine["taxes"] = new Array(rateCount);
    let tax = 0;
    let addedNonCompound = 0;
    for (let position = 0; position < rateCount; position++) {
      const rateId = rateIds[position] as string;
      const amount = lineTaxes[offset + position] as number;
      const rate = rates.get(rateId);
      tax = exact(tax + amount);
      if (rate && !rate.inclusive && !rate.compound) addedNonCompound += amount;
      const lineTax = { ...lineTaxTemplate };
      lineTax.rateId = rateId;
      lineTax.amount = money(amount);
      calculatedTaxes[position] = lineTax;
    }
    for (let position = 0; position < rateCount; position++) {
      const rate = rates.get(rateIds[position] as string);
      if (!rate) continue;
      rate.used = true;
      rate.taxable = exact(
        rate.taxable + (rate.compound ? excludingTax + addedNonCompound : excludingTax),
      );
      rate.amount = exact(rate.amount + (lineTaxes[offset + position] as number));
    }
    const lineTotal = exact(excludingTax + tax);
    if (index < itemCount) {
      subtotal = exact(subtotal + line.gross);
      discountTotal = exact(discountTotal + line.discount);
    } else {
      feeTotal = exact(feeTotal + line.net);
    }
    taxTotal = exact(taxTotal + tax);
    total = exact(total + lineTotal);
    const calculated = { ...calculatedLineTemplate };
    calculated.id = line.id;
    calculated.kind = line.kind;
    calculated.description = line.description;
    calculated.quantity = line.quantity;
    calculated.unitPrice = line.unitPrice;
    calculated.gross = money(line.gross);
    calculated.discount = money(line.discount);
    calculated.net = money(line.net);
    calculated.excludingTax = money(excludingTax);
    calculated.tax = money(tax);
    calculated.total = money(lineTotal);
    calculated.taxes = calculatedTaxes;
    calculatedLines[index] = calculated;
  }

  const taxes: CalculatedTax[] = [];
  for (const rate of input.taxRates) {
    const totals = rates.get(rate.id);
    if (!totals?.used) continue;
    taxes.push({
      rateId: rate.id,
      name: rate.name,
      percent: rate.percent.text,
      inclusive: rate.inclusive,
      compound: rate.compound,
      taxableAmount: money(totals.taxable),
      amount: money(totals.amount),
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
