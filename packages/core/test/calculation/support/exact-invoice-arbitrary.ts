import fc from "fast-check";
import type { InvoiceInput } from "../../../src/index";
import { currenciesByDigits } from "./invoice-arbitraries";

// Random invoices in a two-decimal currency on which no step of the contract has to round or cut
// anything off, so that scaling every price by 10 must scale every figure by exactly 10.
//
// Every percent p used here makes p / 100 (or p / (100 + p) for an included rate) a fraction whose
// denominator divides 20, so each percent step divides an amount's granularity by at most 20.
// Gross amounts are multiples of 20^5 cents (the quantity carries the factor, the price is any
// whole number of cents): a line discount, one invoice discount and two tax steps (an included or
// compound rate, and the added rates) leave whole cents; fees are multiples of 20^2 cents, which
// is enough for their two tax steps.

const quantityUnit = 20n ** 5n;
const simplePercents = ["0", "5", "10", "20", "25", "50", "75", "100"];
const taxPercents = ["0", "5", "10", "20", "25", "50"];
// p / (100 + p) is 1/5, 1/2, 3/5, 3/4, 4/5 or 9/10.
const includedPercents = ["0", "25", "100", "150", "300", "400", "900"];

const centsArbitrary = fc
  .integer({ min: 0, max: 99_999 })
  .map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);

const percentDiscount = fc.constantFrom(...simplePercents).map((value) => ({
  type: "percent" as const,
  value,
}));

const taxRateArbitrary = fc.oneof(
  fc
    .constantFrom(...taxPercents)
    .map((percent) => ({ percent, inclusive: false, compound: false })),
  fc.constantFrom(...taxPercents).map((percent) => ({ percent, inclusive: false, compound: true })),
  fc.constantFrom(...includedPercents).map((percent) => ({
    percent,
    inclusive: true,
    compound: false,
  })),
);

const ratePicks = fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 4 });

export const exactInvoiceArbitrary: fc.Arbitrary<InvoiceInput> = fc
  .record({
    currency: fc.constantFrom(...currenciesByDigits(2)),
    lines: fc.array(
      fc.record({
        quantityFactor: fc.integer({ min: 1, max: 9 }),
        unitPrice: centsArbitrary,
        discount: fc.option(
          fc.oneof(
            percentDiscount,
            // An amount in whole multiples of 20^4 cents.
            fc.integer({ min: 0, max: 40 }).map((multiple) => ({
              type: "amount" as const,
              value: `${multiple * 1_600}.00`,
            })),
          ),
          { nil: undefined },
        ),
        ratePicks,
      }),
      { maxLength: 30 },
    ),
    taxRates: fc.array(taxRateArbitrary, { maxLength: 5 }),
    invoiceDiscount: fc.option(percentDiscount, { nil: undefined }),
    fullDiscount: fc.nat({ max: 9 }).map((draw) => draw === 0),
    fees: fc.array(
      fc.record({
        charge: fc.oneof(
          percentDiscount,
          fc.integer({ min: 0, max: 250 }).map((multiple) => ({
            type: "amount" as const,
            value: `${multiple * 4}.00`,
          })),
        ),
        ratePicks,
      }),
      { maxLength: 3 },
    ),
    mode: fc.constantFrom("half_up" as const, "half_even" as const),
    tax: fc.constantFrom("per_line" as const, "per_document" as const),
  })
  .map((parts): InvoiceInput => {
    const taxRates = parts.taxRates.map((rate, index) => ({ id: `tax-${index + 1}`, ...rate }));
    // At most one included rate per line, and never with a compound rate.
    const taxRateIdsOf = (picks: readonly number[]) => {
      const chosen = picks.flatMap((pick) => taxRates.slice(pick, pick + 1));
      const included = chosen.find((rate) => rate.inclusive);
      return chosen
        .filter((rate) => !rate.inclusive || rate === included)
        .filter((rate) => !(included && rate.compound))
        .map((rate) => rate.id);
    };
    const discounts: NonNullable<InvoiceInput["discounts"]> = [];
    if (parts.invoiceDiscount) discounts.push(parts.invoiceDiscount);
    // An amount at least the whole invoice takes every net to zero, exactly.
    if (parts.fullDiscount) discounts.push({ type: "amount", value: "90000000000000" });
    return {
      currency: parts.currency,
      lines: parts.lines.map((line) => ({
        quantity: `${quantityUnit * BigInt(line.quantityFactor)}`,
        unitPrice: line.unitPrice,
        taxRateIds: taxRateIdsOf(line.ratePicks),
        ...(line.discount ? { discount: line.discount } : {}),
      })),
      taxRates,
      discounts,
      fees: parts.fees.map((fee) => ({ ...fee.charge, taxRateIds: taxRateIdsOf(fee.ratePicks) })),
      rounding: { mode: parts.mode, tax: parts.tax },
    };
  });
