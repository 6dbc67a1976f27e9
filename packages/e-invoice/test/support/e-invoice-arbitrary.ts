import {
  calculateInvoice,
  fromMinorUnits,
  type InvoiceInput,
  minorUnitsOf,
  roundMoney,
  type UntaxedVatCategory,
  type VatCategoryCode,
} from "@remit/core";
import Decimal from "decimal.js";
import fc from "fast-check";
import type { RenderEInvoiceInput } from "../../src/index";
import { buyer, issuedInvoice, seller } from "./e-invoice-fixture";

/** Who sells to whom, which fixes the VAT categories an invoice can mix (EN 16931 BR-*-02, BR-O-11). */
type Scenario = {
  name: string;
  rates: { code: VatCategoryCode; percents: string[]; reason?: string }[];
  untaxed: UntaxedVatCategory;
  /** Whether its rates may be included in prices. */
  inclusive: boolean;
};

const scenarios: Scenario[] = [
  {
    name: "domestic",
    rates: [
      { code: "S", percents: ["19", "7", "20", "5.5", "8.25", "21", "10", "2.1", "25.5"] },
      { code: "Z", percents: ["0"] },
      { code: "E", percents: ["0"], reason: "Exempt under Article 132 of Directive 2006/112/EC" },
    ],
    untaxed: { code: "E", exemptionReason: "Exempt under §4 UStG" },
    inclusive: true,
  },
  {
    name: "reverse charge",
    rates: [{ code: "AE", percents: ["0"], reason: "Reverse charge" }],
    untaxed: { code: "AE", exemptionReasonCode: "VATEX-EU-AE" },
    inclusive: false,
  },
  {
    name: "intra-community supply",
    rates: [{ code: "K", percents: ["0"], reason: "Intra-community supply" }],
    untaxed: { code: "K", exemptionReasonCode: "VATEX-EU-IC" },
    inclusive: false,
  },
  {
    name: "export outside the EU",
    rates: [{ code: "G", percents: ["0"], reason: "Export outside the EU" }],
    untaxed: { code: "G", exemptionReasonCode: "VATEX-EU-G" },
    inclusive: false,
  },
  {
    name: "outside the scope of VAT",
    rates: [],
    untaxed: { code: "O", exemptionReason: "Not subject to VAT" },
    inclusive: false,
  },
  {
    name: "Canary Islands and Ceuta",
    rates: [
      { code: "L", percents: ["7", "3", "9.5", "15"] },
      { code: "M", percents: ["4", "10", "0.5", "0"] },
    ],
    untaxed: { code: "Z" },
    inclusive: true,
  },
];

const currencies = ["EUR", "USD", "GBP", "CHF", "SEK", "PLN", "CZK", "JPY", "HUF", "ISK"];

const decimalArbitrary = (maxInteger: number, maxDecimals: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: maxInteger }),
      fc.integer({ min: 0, max: 10 ** maxDecimals - 1 }),
    )
    .map(([integer, fraction]) =>
      maxDecimals === 0
        ? String(integer)
        : `${integer}.${String(fraction).padStart(maxDecimals, "0")}`,
    );

const percentArbitrary = fc.oneof(
  fc.constantFrom("0", "2", "5", "10", "12.5", "33.333", "100"),
  decimalArbitrary(100, 2).filter((text) => Number(text) <= 100),
);

/** A random invoice that EN 16931 can express (at most 2 decimals, one VAT category per line). */
export const eInvoiceArbitrary = fc
  .record({
    scenario: fc.constantFrom(...scenarios),
    currency: fc.constantFrom(...currencies),
    rateChoices: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), {
      minLength: 0,
      maxLength: 3,
    }),
    rounding: fc.record({
      mode: fc.constantFrom("half_up", "half_even"),
      tax: fc.constantFrom("per_document", "per_document", "per_line"),
    }),
    lineSeeds: fc.array(
      fc.record({
        kind: fc.constantFrom("labor", "material", "service", "other"),
        quantity: fc.oneof(
          fc.constantFrom("1", "2", "0.5", "2.25", "3", "0.333", "12"),
          decimalArbitrary(40, 3).filter((text) => Number(text) > 0),
        ),
        unitPrice: fc.oneof(decimalArbitrary(2_000, 2), decimalArbitrary(300, 4)),
        rate: fc.option(fc.nat(), { nil: undefined }),
        discount: fc.option(
          fc.oneof(
            percentArbitrary.map((value) => ({ type: "percent" as const, value })),
            fc.nat({ max: 200 }).map((units) => ({ type: "amount" as const, units })),
          ),
          { nil: undefined },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    discountSeeds: fc.array(
      fc.oneof(
        percentArbitrary.map((value) => ({ type: "percent" as const, value })),
        fc.nat({ max: 300 }).map((units) => ({ type: "amount" as const, units })),
      ),
      { maxLength: 2 },
    ),
    feeSeeds: fc.array(
      fc.record({
        amount: fc.oneof(
          percentArbitrary.map((value) => ({ type: "percent" as const, value })),
          fc.nat({ max: 150 }).map((units) => ({ type: "amount" as const, units })),
        ),
        rate: fc.option(fc.nat(), { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
    creditNote: fc.boolean(),
    paid: fc.constantFrom("none", "none", "half", "all"),
  })
  .map((seed) => {
    const { scenario, currency } = seed;
    const digits = minorUnitsOf(currency);
    const amount = (units: number) => fromMinorUnits(BigInt(units) * 10n ** BigInt(digits), digits);
    // Distinct (category, percent) pairs, so each VAT group is one rate.
    const seen = new Set<string>();
    const taxRates: NonNullable<InvoiceInput["taxRates"]> = [];
    for (const [categoryIndex, percentIndex, inclusive] of seed.rateChoices) {
      const category = scenario.rates[categoryIndex % Math.max(1, scenario.rates.length)];
      if (!category) break;
      const percent = category.percents[percentIndex % category.percents.length] as string;
      if (seen.has(`${category.code}|${percent}`)) continue;
      seen.add(`${category.code}|${percent}`);
      taxRates.push({
        id: `rate-${taxRates.length + 1}`,
        name: `${category.code} ${percent}%`,
        percent,
        inclusive: scenario.inclusive && inclusive && percent !== "0",
        vatCategory: category.code,
        ...(category.reason ? { vatExemptionReason: category.reason } : {}),
      });
    }
    const rateIds = (choice: number | undefined) => {
      if (choice === undefined || taxRates.length === 0) return [];
      return [taxRates[choice % taxRates.length]?.id as string];
    };
    const input: InvoiceInput = {
      currency,
      lines: seed.lineSeeds.map((line, index) => ({
        kind: line.kind,
        description: `${line.kind} ${index + 1}`,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        unitCode: line.kind === "labor" ? "HUR" : "C62",
        taxRateIds: rateIds(line.rate),
        ...(line.discount
          ? {
              discount:
                line.discount.type === "percent"
                  ? line.discount
                  : { type: "amount" as const, value: amount(line.discount.units) },
            }
          : {}),
      })),
      taxRates,
      discounts: seed.discountSeeds.map((discount) =>
        discount.type === "percent" ? discount : { type: "amount", value: amount(discount.units) },
      ),
      fees: seed.feeSeeds.map((fee, index) => ({
        description: `Fee ${index + 1}`,
        taxRateIds: rateIds(fee.rate),
        ...(fee.amount.type === "percent"
          ? fee.amount
          : { type: "amount" as const, value: amount(fee.amount.units) }),
      })),
      rounding: seed.rounding,
    };
    const total = calculateInvoice(input).total;
    const amountPaid =
      seed.paid === "all"
        ? total
        : seed.paid === "half"
          ? roundMoney(new Decimal(total).dividedBy(2).toFixed(), currency, "down")
          : "0";
    const renderInput: RenderEInvoiceInput = {
      invoice: issuedInvoice(input, { amountPaid, customer: buyer }),
      tenant: { ...seller, untaxedVatCategory: scenario.untaxed },
      ...(seed.creditNote
        ? {
            documentType: "credit_note" as const,
            precedingInvoice: { number: "RE-2026-0041", issueDate: "2026-02-27" },
          }
        : {}),
      ...(scenario.untaxed.code === "K"
        ? { deliveryDate: "2026-02-27", site: { city: "Lyon", country: "FR" } }
        : {}),
    };
    return { scenario: scenario.name, input, renderInput, amountPaid };
  });
