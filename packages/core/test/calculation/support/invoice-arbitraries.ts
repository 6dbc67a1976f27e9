import Decimal from "decimal.js";
import fc from "fast-check";
import { currencies, type InvoiceInput } from "../../../src/index";

// Arbitraries for random VALID invoice inputs. Parts are generated independently (so fast-check
// can shrink a failure to a small invoice) and then assembled by `assembleInvoice`, which applies
// the contract's cross-field rules: unique ids, amounts with the currency's digits, no line with
// an inclusive and a compound rate, at most one inclusive rate per line with per-document tax.

type LineKind = "labor" | "material" | "service" | "other" | "late_fee";
type Discount = { type: "percent"; value: string } | { type: "amount"; value: string };

const codes = Object.keys(currencies);
/** Currency codes by their number of minor-unit digits. */
export const currenciesByDigits = (digits: number) =>
  codes.filter((code) => currencies[code]?.minorUnits === digits);

/** Every digit count (0, 2, 3, 4) is picked equally often, so JPY and CLF are not rare. */
export const currencyArbitrary = fc.oneof(
  ...[0, 2, 3, 4].map((digits) => fc.constantFrom(...currenciesByDigits(digits))),
);

/** A plain decimal string: an integer part below `integerBelow` and up to `maxDecimals` digits. */
export function decimalString(options: {
  integerBelow: bigint;
  maxDecimals: number;
}): fc.Arbitrary<string> {
  const integer = fc.oneof(
    { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: 99n }) },
    { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 9_999n }) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: options.integerBelow - 1n }) },
  );
  const fractionDigits = fc.bigInt({ min: 0n, max: 10n ** BigInt(options.maxDecimals) - 1n });
  return fc
    .tuple(integer, fc.nat({ max: options.maxDecimals }), fractionDigits, fc.nat({ max: 19 }))
    .map(([whole, decimals, digits, leadingZeros]) => {
      const fraction = digits.toString().padStart(options.maxDecimals, "0").slice(0, decimals);
      // Now and then a number written with leading zeros ("007"), which is echoed as written.
      const prefix = leadingZeros === 0 ? "00" : "";
      return fraction === "" ? `${prefix}${whole}` : `${prefix}${whole}.${fraction}`;
    });
}

const descriptionArbitrary = fc.constantFrom("", "Labour", "Trip charge", "Ünïcode ✓", " ");

const quantityArbitrary = fc.oneof(
  {
    weight: 8,
    arbitrary: decimalString({ integerBelow: 1_000_000_000n, maxDecimals: 6 }).filter(
      (value) => !new Decimal(value).isZero(),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(1, 2, 0.5, 0.1, 1.005, 2.675, 1e-6) },
);
const unitPriceArbitrary = fc.oneof(
  { weight: 8, arbitrary: decimalString({ integerBelow: 1_000_000_000_000n, maxDecimals: 10 }) },
  { weight: 2, arbitrary: decimalString({ integerBelow: 1_000n, maxDecimals: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 19.99, 0.1, 1e-7, 85) },
);

const percentUpTo = (limit: bigint) =>
  decimalString({ integerBelow: limit + 1n, maxDecimals: 6 }).map((value) =>
    new Decimal(value).greaterThan(limit.toString()) ? `${limit}` : value,
  );

const commonPercents = ["0", "5", "6.25", "7.25", "8.25", "8.875", "10", "12.5", "20", "21"];
const taxPercentArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...commonPercents, "9.975", "33.333333", "1000") },
  { weight: 2, arbitrary: percentUpTo(1000n) },
);
const discountPercentArbitrary = fc.oneof(
  fc.constantFrom("0", "5", "10", "12.5", "33.333333", "50", "100"),
  percentUpTo(100n),
);
// Amounts get up to four decimals here and are cut to the currency's digits on assembly.
const amountArbitrary = fc.oneof(
  { weight: 4, arbitrary: decimalString({ integerBelow: 1_000n, maxDecimals: 4 }) },
  { weight: 1, arbitrary: decimalString({ integerBelow: 1_000_000_000_000_000n, maxDecimals: 4 }) },
);
const discountArbitrary: fc.Arbitrary<Discount> = fc.oneof(
  discountPercentArbitrary.map((value) => ({ type: "percent" as const, value })),
  amountArbitrary.map((value) => ({ type: "amount" as const, value })),
);

/** Picks among up to six tax rates, by index, in any order. */
const ratePicksArbitrary = fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 });

const lineArbitrary = fc.record(
  {
    hasId: fc.boolean(),
    kind: fc.constantFrom<LineKind>("labor", "material", "service", "other", "late_fee"),
    description: descriptionArbitrary,
    quantity: quantityArbitrary,
    unitPrice: unitPriceArbitrary,
    ratePicks: ratePicksArbitrary,
    discount: discountArbitrary,
  },
  { requiredKeys: ["hasId", "quantity", "unitPrice", "ratePicks"] },
);
type LineSpec = typeof lineArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Lines that are all different, or a few templates repeated: repeats make ties in the shares. */
const linesArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.array(lineArbitrary, { maxLength: 30, size: "max" }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.array(lineArbitrary, { minLength: 1, maxLength: 3 }),
        fc.nat({ max: 30 }),
        fc.array(fc.nat({ max: 2 }), { minLength: 30, maxLength: 30 }),
      )
      .map(([templates, count, picks]) =>
        picks.slice(0, count).map((pick) => templates[pick % templates.length] as LineSpec),
      ),
  },
);

const taxRateArbitrary = fc.record(
  {
    name: descriptionArbitrary,
    percent: taxPercentArbitrary,
    application: fc.constantFrom("added", "added", "inclusive", "compound"),
    writeFlags: fc.boolean(),
  },
  { requiredKeys: ["percent", "application", "writeFlags"] },
);

const invoiceDiscountArbitrary = fc.record({ hasId: fc.boolean(), discount: discountArbitrary });

const feeArbitrary = fc.record(
  {
    hasId: fc.boolean(),
    description: descriptionArbitrary,
    discount: discountArbitrary,
    ratePicks: ratePicksArbitrary,
  },
  { requiredKeys: ["hasId", "discount", "ratePicks"] },
);

const roundingArbitrary = fc.option(
  fc.record(
    {
      mode: fc.constantFrom("half_up" as const, "half_even" as const),
      tax: fc.constantFrom("per_line" as const, "per_document" as const),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** A random valid invoice: any currency, 0 to 30 lines, every feature of the contract. */
export const invoiceInputArbitrary: fc.Arbitrary<InvoiceInput> = fc
  .record({
    currency: currencyArbitrary,
    lines: linesArbitrary,
    taxRates: fc.array(taxRateArbitrary, { maxLength: 6 }),
    discounts: fc.array(invoiceDiscountArbitrary, { maxLength: 3 }),
    fees: fc.array(feeArbitrary, { maxLength: 3 }),
    rounding: roundingArbitrary,
  })
  .map(assembleInvoice);

type Parts = {
  currency: string;
  lines: LineSpec[];
  taxRates: (typeof taxRateArbitrary extends fc.Arbitrary<infer T> ? T : never)[];
  discounts: { hasId: boolean; discount: Discount }[];
  fees: (typeof feeArbitrary extends fc.Arbitrary<infer T> ? T : never)[];
  rounding: InvoiceInput["rounding"];
};

function assembleInvoice(parts: Parts): InvoiceInput {
  const minorUnits = currencies[parts.currency]?.minorUnits ?? 2;
  const perDocument = parts.rounding?.tax === "per_document";
  const taxRates = parts.taxRates.map((rate, index) => ({
    id: `tax-${index + 1}`,
    ...(rate.name === undefined ? {} : { name: rate.name }),
    percent: rate.percent,
    ...(rate.writeFlags || rate.application !== "added"
      ? { inclusive: rate.application === "inclusive", compound: rate.application === "compound" }
      : {}),
  }));

  // Keeps the picks that exist and obey the rules: inclusive and compound never together (the
  // first one listed wins), and one inclusive rate at most with per-document tax.
  const taxRateIdsOf = (picks: readonly number[]) => {
    const ids: string[] = [];
    let inclusive = 0;
    let compound = 0;
    for (const pick of picks) {
      const rate = taxRates[pick];
      if (!rate) continue;
      if (rate.inclusive && (compound > 0 || (perDocument && inclusive > 0))) continue;
      if (rate.compound && inclusive > 0) continue;
      if (rate.inclusive) inclusive++;
      if (rate.compound) compound++;
      ids.push(rate.id);
    }
    return ids;
  };
  const withCurrencyDigits = (discount: Discount): Discount => {
    if (discount.type === "percent") return discount;
    const [whole, fraction = ""] = discount.value.split(".");
    const kept = fraction.slice(0, minorUnits);
    return { type: "amount", value: kept === "" ? `${whole}` : `${whole}.${kept}` };
  };

  return {
    currency: parts.currency,
    lines: parts.lines.map((line, index) => ({
      ...(line.hasId ? { id: `item-${index + 1}` } : {}),
      ...(line.kind === undefined ? {} : { kind: line.kind }),
      ...(line.description === undefined ? {} : { description: line.description }),
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      taxRateIds: taxRateIdsOf(line.ratePicks),
      ...(line.discount === undefined ? {} : { discount: withCurrencyDigits(line.discount) }),
    })),
    taxRates,
    discounts: parts.discounts.map((entry, index) => ({
      ...(entry.hasId ? { id: `discount-${index + 1}` } : {}),
      ...withCurrencyDigits(entry.discount),
    })),
    fees: parts.fees.map((fee, index) => ({
      ...(fee.hasId ? { id: `charge-${index + 1}` } : {}),
      ...(fee.description === undefined ? {} : { description: fee.description }),
      ...withCurrencyDigits(fee.discount),
      taxRateIds: taxRateIdsOf(fee.ratePicks),
    })),
    ...(parts.rounding === undefined ? {} : { rounding: parts.rounding }),
  };
}
