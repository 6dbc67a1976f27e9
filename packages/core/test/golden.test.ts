import { describe, expect, it } from "vitest";
import { calculateInvoice, ValidationError } from "../src/index";
import golden from "./fixtures/calc.json";

// A copy of the shared contract's cases (shared/golden/calc.json); keep it identical.
type GoldenCase = { name: string; input: unknown; expected?: unknown; path?: string };
const { valid, invalid } = golden as { valid: GoldenCase[]; invalid: GoldenCase[] };

describe("calculateInvoice - golden cases", () => {
  it.each(valid.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    expect(calculateInvoice(entry.input as never)).toEqual(entry.expected);
  });
});

describe("calculateInvoice - golden invalid inputs", () => {
  it.each(invalid.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    let thrown: unknown;
    try {
      calculateInvoice(entry.input as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.code).toBe("validation_error");
    expect(error.path).toBe(entry.path);
    expect(error.issues.map((issue) => issue.path)).toContain(entry.path);
  });
});
