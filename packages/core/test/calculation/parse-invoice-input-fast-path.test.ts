import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInvoiceInputWithZod } from "../../src/calculation/internal/parse-invoice-input-with-zod";
import { readCommonInvoiceInput } from "../../src/calculation/internal/read-common-invoice-input";
import { parseInvoiceInput, ValidationError } from "../../src/index";
import golden from "../fixtures/calc.json";
import { invoiceInputArbitrary } from "./support/invoice-arbitraries";
import {
  mutatedInvoiceArbitrary,
  validInvoiceVariantArbitrary,
} from "./support/mutated-invoice-arbitrary";
import { propertyTimeout } from "./support/property-timeout";

// parseInvoiceInput reads the common valid input by hand and sends everything else through zod.
// These tests hold the two paths to the same result: the same parsed input, field for field and
// key for key, and for a refused input the very same ValidationError.

type GoldenCase = { name: string; input: unknown };
const { valid, invalid } = golden as { valid: GoldenCase[]; invalid: GoldenCase[] };

/** The value written out in full: key order, `undefined` fields and bigints included. */
function written(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(written).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${key}:${written(item)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

type Outcome = { parsed: unknown } | { error: unknown };

function outcomeOf(parse: (input: unknown) => unknown, input: unknown): Outcome {
  try {
    return { parsed: parse(input) };
  } catch (error) {
    return { error };
  }
}

/** Both readers give the same parsed input, or throw the same error, and neither changes it. */
function expectSameOutcome(input: unknown): Outcome {
  const before = written(input);
  const fast = outcomeOf(parseInvoiceInput, input);
  const zod = outcomeOf(parseInvoiceInputWithZod, input);
  expect(written(input)).toBe(before);
  if ("parsed" in zod) {
    expect("parsed" in fast).toBe(true);
    const parsed = (fast as { parsed: unknown }).parsed;
    expect(written(parsed)).toBe(written(zod.parsed));
    expect(parsed).toStrictEqual(zod.parsed);
  } else {
    expect("error" in fast).toBe(true);
    const fastError = (fast as { error: unknown }).error;
    expect(fastError).toBeInstanceOf(ValidationError);
    expect(zod.error).toBeInstanceOf(ValidationError);
    const [fastValidation, zodValidation] = [fastError, zod.error] as ValidationError[];
    expect(fastValidation?.message).toBe(zodValidation?.message);
    expect(fastValidation?.path).toBe(zodValidation?.path);
    expect(fastValidation?.issues).toStrictEqual(zodValidation?.issues);
  }
  return zod;
}

/** Every object and array reachable from `value`. */
function objectsIn(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value !== "object" || value === null || found.has(value)) return found;
  found.add(value);
  for (const child of Object.values(value)) objectsIn(child, found);
  return found;
}

describe("parseInvoiceInput - the hand-written reader and zod agree", () => {
  it("parseInvoiceInput - reads every valid golden input by hand, as zod reads it", () => {
    for (const entry of valid) {
      expect(readCommonInvoiceInput(entry.input), entry.name).toBeDefined();
      expectSameOutcome(entry.input);
    }
  });

  it("parseInvoiceInput - refuses every invalid golden input with zod's very ValidationError", () => {
    for (const entry of invalid) {
      expect(readCommonInvoiceInput(entry.input), entry.name).toBeUndefined();
      expect("error" in expectSameOutcome(entry.input), entry.name).toBe(true);
    }
  });

  it(
    "parseInvoiceInput - reads random valid invoices by hand, to exactly zod's result",
    () => {
      fc.assert(
        fc.property(invoiceInputArbitrary, (input) => {
          expect(readCommonInvoiceInput(input)).toBeDefined();
          expectSameOutcome(input);
        }),
        { numRuns: 500 },
      );
    },
    propertyTimeout,
  );

  it(
    "parseInvoiceInput - reads valid invoices with numbers, undefined and extra fields as zod does",
    () => {
      fc.assert(
        fc.property(validInvoiceVariantArbitrary, (input) => {
          expect(readCommonInvoiceInput(input)).toBeDefined();
          expectSameOutcome(input);
        }),
        { numRuns: 500 },
      );
    },
    propertyTimeout,
  );

  it(
    "parseInvoiceInput - gives zod's result or zod's ValidationError on invoices changed at random",
    () => {
      let refused = 0;
      fc.assert(
        fc.property(mutatedInvoiceArbitrary, (input) => {
          if ("error" in expectSameOutcome(input)) refused++;
        }),
        { numRuns: 3_000 },
      );
      // The changes must mostly break the input, or this test would check little.
      expect(refused).toBeGreaterThan(1_500);
    },
    propertyTimeout,
  );

  it("parseInvoiceInput - shares no object or array with its input, as zod shares none", () => {
    fc.assert(
      fc.property(validInvoiceVariantArbitrary, (input) => {
        const inputObjects = objectsIn(input);
        for (const parsed of [parseInvoiceInput(input), parseInvoiceInputWithZod(input)]) {
          for (const object of objectsIn(parsed)) expect(inputObjects.has(object)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("parseInvoiceInput - leaves to zod the inputs that only zod can word", () => {
    const base = { currency: "USD", lines: [{ quantity: "1", unitPrice: "10.00" }] };
    const refused: unknown[] = [
      null,
      [],
      "invoice",
      { ...base, currency: "usd" },
      { ...base, lines: [{ quantity: "0", unitPrice: "1" }] },
      { ...base, lines: [{ quantity: "1", unitPrice: -1 }] },
      { ...base, lines: [{ quantity: "1", unitPrice: "1", kind: "fee" }] },
      { ...base, taxRates: null },
      { ...base, rounding: { mode: null } },
      { ...base, fees: [{ type: "amount", value: "4.999" }] },
      { ...base, fees: [{ type: "percent", value: "100.000001" }] },
      { ...base, lines: [{ quantity: "1", unitPrice: "1", taxRateIds: ["t"] }] },
      { ...base, lines: [{ quantity: "1", unitPrice: "1", description: "x".repeat(5_001) }] },
      { ...base, lines: Array.from({ length: 10_001 }, () => ({ quantity: "1", unitPrice: "1" })) },
      { ...base, lines: [{ id: "line-2", quantity: "1", unitPrice: "1" }, base.lines[0]] },
      { ...base, fees: [{ id: "line-1", type: "amount", value: "1" }] },
      {
        ...base,
        discounts: [
          { id: "d", type: "percent", value: "5" },
          { id: "d", type: "amount", value: "1" },
        ],
      },
      { ...base, taxRates: [{ id: "t", name: "x".repeat(201), percent: "5" }] },
      {
        ...base,
        taxRates: [
          { id: "t", percent: "5" },
          { id: "t", percent: "6" },
        ],
      },
      { ...base, taxRates: [{ id: "t", percent: "5", inclusive: true, compound: true }] },
      {
        ...base,
        lines: [{ quantity: "1", unitPrice: "1", taxRateIds: ["t", "t"] }],
        taxRates: [{ id: "t", percent: "5" }],
      },
      {
        ...base,
        lines: [{ quantity: "1", unitPrice: "1", taxRateIds: ["i", "c"] }],
        taxRates: [
          { id: "i", percent: "5", inclusive: true },
          { id: "c", percent: "1", compound: true },
        ],
      },
      {
        ...base,
        lines: [{ quantity: "1", unitPrice: "1", taxRateIds: ["i", "j"] }],
        taxRates: [
          { id: "i", percent: "5", inclusive: true },
          { id: "j", percent: "1", inclusive: true },
        ],
        rounding: { tax: "per_document" },
      },
      {
        ...base,
        lines: [{ quantity: "1", unitPrice: "1", taxRateIds: Array(101).fill("t") }],
        taxRates: [{ id: "t", percent: "5" }],
      },
    ];
    for (const input of refused) {
      expect(readCommonInvoiceInput(input)).toBeUndefined();
      expect("error" in expectSameOutcome(input)).toBe(true);
    }
  });
});
