import { describe, expect, it } from "vitest";
import { calculateInvoice, type InvoiceInput, ValidationError } from "../../src/index";

// Values a mutation run showed no test refusing: negative JS numbers in every decimal field but
// the quantity, and amounts with more decimals than the currency has. Each must be a
// ValidationError naming exactly its field, whichever way the input is read.

/** What calculateInvoice throws for `input`; fails the test if it returns. */
function thrownBy(input: unknown): unknown {
  try {
    calculateInvoice(input as InvoiceInput);
  } catch (error) {
    return error;
  }
  throw new Error("calculateInvoice accepted the input");
}

/** Expects a ValidationError with `path` as its one problem. */
function expectRefusedAt(input: unknown, path: string): void {
  const error = thrownBy(input);
  expect(error).toBeInstanceOf(ValidationError);
  const validation = error as ValidationError;
  expect(validation.code).toBe("validation_error");
  expect(validation.path).toBe(path);
  expect(validation.issues.map((issue) => issue.path)).toEqual([path]);
}

const line = { id: "l1", quantity: "2", unitPrice: "10.00" };
const taxRate = { id: "t", name: "Tax", percent: "8.25" };

describe("calculateInvoice - refuses negative JS numbers at their field", () => {
  const negatives = [-1, -0.01, -1e-7, -100];

  it.each(negatives)("calculateInvoice - refuses a unit price of %d at lines[0].unitPrice", (n) => {
    expectRefusedAt({ currency: "USD", lines: [{ ...line, unitPrice: n }] }, "lines[0].unitPrice");
  });

  it.each(negatives)("calculateInvoice - refuses a line discount value of %d", (n) => {
    for (const type of ["percent", "amount"] as const) {
      expectRefusedAt(
        { currency: "USD", lines: [{ ...line, discount: { type, value: n } }] },
        "lines[0].discount.value",
      );
    }
  });

  it.each(negatives)("calculateInvoice - refuses an invoice discount value of %d", (n) => {
    for (const type of ["percent", "amount"] as const) {
      expectRefusedAt(
        { currency: "USD", lines: [line], discounts: [{ id: "d", type, value: n }] },
        "discounts[0].value",
      );
    }
  });

  it.each(negatives)("calculateInvoice - refuses a fee value of %d at fees[0].value", (n) => {
    for (const type of ["percent", "amount"] as const) {
      expectRefusedAt(
        { currency: "USD", lines: [line], fees: [{ id: "f", type, value: n }] },
        "fees[0].value",
      );
    }
  });

  it.each(negatives)(
    "calculateInvoice - refuses a tax percent of %d at taxRates[0].percent",
    (n) => {
      expectRefusedAt(
        {
          currency: "USD",
          lines: [{ ...line, taxRateIds: ["t"] }],
          taxRates: [{ ...taxRate, percent: n }],
        },
        "taxRates[0].percent",
      );
      // A rate no line carries is checked all the same.
      expectRefusedAt(
        { currency: "USD", lines: [line], taxRates: [{ ...taxRate, percent: n }] },
        "taxRates[0].percent",
      );
    },
  );
});

describe("calculateInvoice - refuses an amount with more decimals than its currency", () => {
  it.each([
    ["USD", "4.999"],
    ["USD", 4.999],
    ["JPY", "1.5"],
    ["JPY", 1.5],
    ["KWD", "0.0001"],
  ] as const)(
    "calculateInvoice - refuses a %s fee of %s at fees[0].value, not with a RangeError",
    (currency, value) => {
      const input = { currency, lines: [line], fees: [{ id: "f", type: "amount", value }] };
      expect(thrownBy(input)).not.toBeInstanceOf(RangeError);
      expectRefusedAt(input, "fees[0].value");
      // Also when the fee is the only thing on the invoice, and when it is taxed.
      expectRefusedAt({ ...input, lines: [] }, "fees[0].value");
      expectRefusedAt(
        {
          ...input,
          taxRates: [taxRate],
          fees: [{ id: "f", type: "amount", value, taxRateIds: ["t"] }],
        },
        "fees[0].value",
      );
    },
  );

  it("calculateInvoice - refuses such amounts on line and invoice discounts too", () => {
    expectRefusedAt(
      { currency: "USD", lines: [{ ...line, discount: { type: "amount", value: "4.999" } }] },
      "lines[0].discount.value",
    );
    expectRefusedAt(
      { currency: "JPY", lines: [line], discounts: [{ type: "amount", value: "1.5" }] },
      "discounts[0].value",
    );
  });

  it("calculateInvoice - accepts the same fees with the currency's digits", () => {
    const usd = calculateInvoice({
      currency: "USD",
      lines: [],
      fees: [{ id: "f", type: "amount", value: "4.99" }],
    });
    expect(usd.feeTotal).toBe("4.99");
    const jpy = calculateInvoice({
      currency: "JPY",
      lines: [],
      fees: [{ id: "f", type: "amount", value: "2" }],
    });
    expect(jpy.feeTotal).toBe("2");
  });
});
