import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWithSchema, ValidationError } from "../../src/index";

const optionsSchema = z.object({
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().positive() })),
  note: z.string().optional(),
});

function validationErrorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("parseWithSchema", () => {
  it("parseWithSchema - returns the parsed value when the input is good", () => {
    const input = { lines: [{ sku: "PIPE-15", quantity: 2 }] };
    expect(parseWithSchema(optionsSchema, input, { pathPrefix: "options" })).toEqual(input);
  });

  it("parseWithSchema - names every bad field with bracket indices, lines[1].quantity", () => {
    const error = validationErrorOf(() =>
      parseWithSchema(optionsSchema, {
        lines: [
          { sku: "PIPE-15", quantity: 2 },
          { sku: 7, quantity: -1 },
        ],
      }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(["lines[1].sku", "lines[1].quantity"]);
    expect(error.path).toBe("lines[1].sku");
  });

  it("parseWithSchema - puts pathPrefix in front: options.lines[0].sku, and options alone for the root", () => {
    const nested = validationErrorOf(() =>
      parseWithSchema(
        optionsSchema,
        { lines: [{ sku: 7, quantity: 1 }] },
        { pathPrefix: "options" },
      ),
    );
    expect(nested.path).toBe("options.lines[0].sku");
    const root = validationErrorOf(() =>
      parseWithSchema(optionsSchema, "not an object", { pathPrefix: "event.data.object" }),
    );
    expect(root.path).toBe("event.data.object");
    expect(root.cause).toBeInstanceOf(z.ZodError);
  });
});
