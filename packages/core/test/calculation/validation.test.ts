import { describe, expect, it, vi } from "vitest";
import {
  calculateInvoice,
  type InvoiceInput,
  RemitError,
  ValidationError,
  type ValidationIssue,
} from "../../src/index";

/** The ValidationError that `calculateInvoice` throws for `input`; fails the test if none. */
function validationErrorOf(input: unknown): ValidationError {
  try {
    calculateInvoice(input as InvoiceInput);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("calculateInvoice accepted the input");
}

const pathsOf = (issues: readonly ValidationIssue[]) => issues.map((issue) => issue.path);

const oneLine = (line: Record<string, unknown>) => ({
  currency: "USD",
  lines: [{ quantity: "1", unitPrice: "10.00", ...line }],
});

describe("calculateInvoice - ValidationError", () => {
  it("calculateInvoice - refuses a bad input with a ValidationError coded validation_error", () => {
    const error = validationErrorOf(oneLine({ quantity: "0" }));
    expect(error).toBeInstanceOf(RemitError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ValidationError");
    expect(error.code).toBe("validation_error");
    expect(error.retryable).toBe(false);
    expect(error.path).toBe("lines[0].quantity");
    expect(error.message).toContain("lines[0].quantity");
    expect(error.issues).toEqual([{ path: "lines[0].quantity", message: expect.any(String) }]);
  });

  it("calculateInvoice - reports all three bad fields, sorted, and names the first as path", () => {
    // Keys deliberately out of document order: the issues still come out sorted.
    const error = validationErrorOf({
      rounding: { tax: "per_invoice" },
      lines: [
        { quantity: "1", unitPrice: "10.00" },
        { quantity: "1", unitPrice: "12,50" },
      ],
      currency: "usd",
    });
    expect(pathsOf(error.issues)).toEqual(["currency", "lines[1].unitPrice", "rounding.tax"]);
    expect(error.path).toBe("currency");
    expect(error.message).toContain("(and 2 more)");
    for (const issue of error.issues) expect(issue.message).not.toBe("");
  });

  it("calculateInvoice - lists every problem of a line in the order of its fields", () => {
    const error = validationErrorOf({
      currency: "USD",
      lines: [
        {
          discount: { type: "percent", value: "101" },
          taxRateIds: ["nope"],
          unitPrice: "-1",
          quantity: "1e3",
          id: "",
        },
      ],
    });
    expect(pathsOf(error.issues)).toEqual([
      "lines[0].id",
      "lines[0].quantity",
      "lines[0].unitPrice",
      "lines[0].taxRateIds[0]",
      "lines[0].discount.value",
    ]);
    expect(error.path).toBe("lines[0].id");
  });

  it("calculateInvoice - orders problems by position, lines[2] before lines[10]", () => {
    const lines = Array.from({ length: 11 }, () => ({ quantity: "1", unitPrice: "1.00" }));
    lines[10] = { quantity: "-1", unitPrice: "1.00" };
    lines[2] = { quantity: "1", unitPrice: "1.001e2" };
    const error = validationErrorOf({ currency: "USD", lines });
    expect(pathsOf(error.issues)).toEqual(["lines[2].unitPrice", "lines[10].quantity"]);
  });

  it("calculateInvoice - lists field and cross-field problems of every section together", () => {
    const error = validationErrorOf({
      currency: "USD",
      lines: [
        { id: "a", quantity: "1", unitPrice: "1.00", taxRateIds: ["inc", "cmp", "inc"] },
        { id: "a", quantity: "1", unitPrice: "1.00", kind: "fee" },
      ],
      taxRates: [
        { id: "inc", percent: "20", inclusive: true },
        { id: "cmp", percent: "5", compound: true },
        { id: "inc", percent: "1001" },
      ],
      discounts: [
        { id: "d", type: "amount", value: "1.001" },
        { id: "d", type: "percent", value: "5" },
      ],
      fees: [{ id: "line-9", type: "amount", value: "5.00", taxRateIds: ["gone"] }],
      rounding: { mode: "bankers" },
    });
    // "lines[1].kind" is reported twice: once as not a line kind, once as the reserved fee kind.
    expect([...new Set(pathsOf(error.issues))]).toEqual([
      "lines[0].taxRateIds",
      "lines[0].taxRateIds[2]",
      "lines[1].id",
      "lines[1].kind",
      "taxRates[2].id",
      "taxRates[2].percent",
      "discounts[0].value",
      "discounts[1].id",
      "fees[0].taxRateIds[0]",
      "rounding.mode",
    ]);
    expect(error.path).toBe("lines[0].taxRateIds");
  });

  it("calculateInvoice - refuses input that is not an invoice at all", () => {
    expect(validationErrorOf(null).issues).toHaveLength(1);
    expect(validationErrorOf({ currency: "USD" }).path).toBe("lines");
    expect(validationErrorOf({ lines: [] }).path).toBe("currency");
  });
});

describe("calculateInvoice - numbers", () => {
  it("calculateInvoice - reads JS numbers through their shortest decimal form", () => {
    const result = calculateInvoice({
      currency: "USD",
      lines: [
        { quantity: 0.1, unitPrice: 1e-7 },
        { quantity: 1.005, unitPrice: 1000, taxRateIds: ["t"] },
        { quantity: 3, unitPrice: 0.1 },
        { quantity: 2, unitPrice: -0 },
      ],
      taxRates: [{ id: "t", percent: 8.25 }],
    });
    expect(result.lines.map((line) => [line.quantity, line.unitPrice, line.gross])).toEqual([
      ["0.1", "0.0000001", "0.00"],
      // As binary floats 1.005 × 1000 is 1004.9999999999999 and 0.1 × 3 is 0.30000000000000004.
      ["1.005", "1000", "1005.00"],
      ["3", "0.1", "0.30"],
      ["2", "0", "0.00"],
    ]);
    expect(result.taxes[0]?.percent).toBe("8.25");
    expect(result.taxTotal).toBe("82.91");
  });

  it.each([
    ["a negative number", -1],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["null", null],
    ["a boolean", true],
    ["an exponent", "1e3"],
    ["the string NaN", "NaN"],
    ["a leading space", " 12"],
    ["a decimal comma", "12,50"],
    ["a plus sign", "+1"],
    ["a leading point", ".5"],
    ["a trailing point", "5."],
    ["a negative zero string", "-0"],
    ["an empty string", ""],
    ["seven decimals", 1e-7],
  ])("calculateInvoice - refuses %s as a quantity", (_name, quantity) => {
    const error = validationErrorOf(oneLine({ quantity }));
    expect(error.path).toBe("lines[0].quantity");
    expect(pathsOf(error.issues)).toEqual(["lines[0].quantity"]);
  });

  it("calculateInvoice - counts decimals as written", () => {
    expect(
      validationErrorOf({
        ...oneLine({}),
        currency: "JPY",
        discounts: [{ type: "amount", value: "5.0" }],
      }).path,
    ).toBe("discounts[0].value");
    expect(validationErrorOf(oneLine({ quantity: "1.0000000" })).path).toBe("lines[0].quantity");
    expect(
      calculateInvoice(oneLine({ quantity: "1.000000", unitPrice: "007" })).lines[0],
    ).toMatchObject({
      quantity: "1.000000",
      unitPrice: "007",
      gross: "7.00",
    });
  });
});

describe("calculateInvoice - limits", () => {
  const refused: [string, unknown, string][] = [
    ["a quantity of a billion", oneLine({ quantity: "1000000000" }), "lines[0].quantity"],
    ["a unit price of a trillion", oneLine({ unitPrice: "1000000000000" }), "lines[0].unitPrice"],
    ["eleven decimals in a price", oneLine({ unitPrice: "0.00000000001" }), "lines[0].unitPrice"],
    [
      "an amount of 10^15",
      { ...oneLine({}), discounts: [{ type: "amount", value: "1000000000000000" }] },
      "discounts[0].value",
    ],
    [
      "a discount over 100 percent",
      oneLine({ discount: { type: "percent", value: "100.000001" } }),
      "lines[0].discount.value",
    ],
    [
      "a tax over 1000 percent",
      { ...oneLine({}), taxRates: [{ id: "t", percent: "1000.000001" }] },
      "taxRates[0].percent",
    ],
    [
      "seven decimals in a percent",
      { ...oneLine({}), fees: [{ type: "percent", value: "1.0000001" }] },
      "fees[0].value",
    ],
    [
      "10,001 lines",
      {
        currency: "USD",
        lines: Array.from({ length: 10_001 }, () => ({ quantity: "1", unitPrice: "1" })),
      },
      "lines",
    ],
    [
      "101 tax rates",
      {
        ...oneLine({}),
        taxRates: Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, percent: "1" })),
      },
      "taxRates",
    ],
  ];
  it.each(refused)("calculateInvoice - refuses %s", (_name, input, path) => {
    expect(validationErrorOf(input).path).toBe(path);
  });

  it("calculateInvoice - accepts every value just inside the limits", () => {
    const result = calculateInvoice({
      currency: "USD",
      lines: [
        {
          quantity: "999999999.999999",
          unitPrice: "999999999999.9999999999",
          discount: { type: "percent", value: "100" },
          taxRateIds: ["t"],
        },
      ],
      taxRates: [{ id: "t", percent: "1000" }],
      discounts: [{ type: "amount", value: "999999999999999.99" }],
      fees: [{ type: "amount", value: "999999999999999.99", taxRateIds: ["t"] }],
    });
    // (10^9 − 10^-6) × (10^12 − 10^-10) = 999999999999998999999.9000…0001, to the cent.
    expect(result.subtotal).toBe("999999999999998999999.90");
    expect(result.discountTotal).toBe(result.subtotal);
    expect(result.total).toBe("10999999999999999.89");
  });
});

describe("calculateInvoice - defaults", () => {
  it("calculateInvoice - totals zero with no lines, in the currency's digits", () => {
    for (const [currency, zero] of [
      ["JPY", "0"],
      ["USD", "0.00"],
      ["KWD", "0.000"],
      ["CLF", "0.0000"],
    ] as const) {
      const result = calculateInvoice({ currency, lines: [] });
      expect(result).toEqual({
        currency,
        lines: [],
        taxes: [],
        subtotal: zero,
        discountTotal: zero,
        feeTotal: zero,
        taxTotal: zero,
        total: zero,
      });
    }
  });

  it("calculateInvoice - takes the defaults for a partial rounding object and ignores unknown fields", () => {
    const line = { quantity: "1", unitPrice: "0.125", taxRateIds: ["t"] };
    const base = { currency: "USD", lines: [line], taxRates: [{ id: "t", percent: "10" }] };
    // Extra fields a caller's own objects may carry; the type does not list them, Remit drops them.
    const lineWithExtras = { ...line, colour: "red" };
    const withExtras = {
      ...base,
      notes: "ignored",
      lines: [lineWithExtras],
      rounding: { mode: "half_even" as const },
    };
    // 0.125 rounds to 0.12 half-even, 0.13 half-up; the tax stays per line either way.
    expect(calculateInvoice(withExtras).lines[0]?.gross).toBe("0.12");
    expect(calculateInvoice({ ...base, rounding: {} }).lines[0]?.gross).toBe("0.13");
    expect(calculateInvoice(withExtras)).toEqual(
      calculateInvoice({ ...base, rounding: { mode: "half_even", tax: "per_line" } }),
    );
  });
});

describe("RemitError.isInstance", () => {
  it("RemitError.isInstance - recognises Remit errors and nothing else", () => {
    const error = validationErrorOf(oneLine({ quantity: "0" }));
    expect(RemitError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(error)).toBe(true);
    for (const other of [
      new Error("x"),
      new TypeError("x"),
      null,
      undefined,
      "validation_error",
      { code: "validation_error" },
    ]) {
      expect(RemitError.isInstance(other)).toBe(false);
      expect(ValidationError.isInstance(other)).toBe(false);
    }
    const notFound = new RemitError({ code: "not_found", message: "no such invoice" });
    expect(RemitError.isInstance(notFound)).toBe(true);
    expect(ValidationError.isInstance(notFound)).toBe(false);
  });

  it("RemitError.isInstance - works across two loaded copies of the package", async () => {
    vi.resetModules();
    const secondCopy = await import("../../src/errors/index");
    expect(secondCopy.RemitError).not.toBe(RemitError);
    const foreign = new secondCopy.ValidationError({
      issues: [{ path: "currency", message: "bad" }],
    });
    expect(foreign).not.toBeInstanceOf(RemitError);
    expect(RemitError.isInstance(foreign)).toBe(true);
    expect(ValidationError.isInstance(foreign)).toBe(true);
    const local = validationErrorOf(oneLine({ quantity: "0" }));
    expect(local).not.toBeInstanceOf(secondCopy.RemitError);
    expect(secondCopy.RemitError.isInstance(local)).toBe(true);
  });
});

describe("calculateInvoice - one clear message per field", () => {
  it("reports a line of kind fee once, with the rule that reserves it", () => {
    let error: unknown;
    try {
      calculateInvoice({
        currency: "USD",
        lines: [{ kind: "fee" as never, quantity: "1", unitPrice: "1" }],
      });
    } catch (caught) {
      error = caught;
    }
    const issues = (error as ValidationError).issues.filter(
      (issue) => issue.path === "lines[0].kind",
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain("reserved");
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [null], [true]])(
    "explains %s where a number belongs",
    (value) => {
      let error: unknown;
      try {
        calculateInvoice({
          currency: "USD",
          lines: [{ quantity: value as never, unitPrice: "1" }],
        });
      } catch (caught) {
        error = caught;
      }
      expect((error as ValidationError).path).toBe("lines[0].quantity");
      expect((error as ValidationError).issues[0]?.message).toContain("plain non-negative decimal");
    },
  );
});
