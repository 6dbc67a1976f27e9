import { z } from "zod";
import { compareDecimal, type DecimalValue, decimalOf, readDecimal } from "../money/decimal-value";

/**
 * A zod schema for a non-negative decimal given as a plain string (`"19.99"`) or a finite JS number,
 * read exactly into a {@link DecimalValue}. Limits are checked on the exact value.
 */
export function decimalSchema(limits: {
  /** Refuse values not greater than this (e.g. `"0"` for a quantity). */
  greaterThan?: string;
  /** Refuse values not less than this (e.g. `"1000000000"`). */
  lessThan?: string;
  /** Refuse values greater than this (e.g. `"100"` for a percent). */
  atMost?: string;
  /** The most digits after the point, counted as written (`"5.000"` has three). */
  maxDecimals: number;
}) {
  const greaterThan = limits.greaterThan === undefined ? undefined : decimalOf(limits.greaterThan);
  const lessThan = limits.lessThan === undefined ? undefined : decimalOf(limits.lessThan);
  const atMost = limits.atMost === undefined ? undefined : decimalOf(limits.atMost);
  // Any value reaches the transform, so NaN, Infinity, null or a boolean get the same clear
  // message as a malformed string; the declared input type stays `string | number`.
  // The metadata describes the accepted input to JSON Schema and OpenAPI generators, which cannot
  // see inside the transform.
  return z
    .custom<string | number>(() => true)
    .meta({
      type: "string",
      pattern: "^\\d+(\\.\\d+)?$",
      description: `A non-negative decimal as a string, such as "19.99", at most ${limits.maxDecimals} decimals (a finite JSON number is also read)`,
    })
    .transform((raw, context): DecimalValue => {
      const value = readDecimal(raw);
      const fail = (message: string) => {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (!value) {
        return fail(
          'must be a plain non-negative decimal such as "19.99" (no sign, exponent or comma)',
        );
      }
      if (value.scale > limits.maxDecimals) {
        return fail(`must have at most ${limits.maxDecimals} decimals`);
      }
      if (greaterThan && compareDecimal(value, greaterThan) <= 0) {
        return fail(`must be greater than ${limits.greaterThan}`);
      }
      if (lessThan && compareDecimal(value, lessThan) >= 0) {
        return fail(`must be less than ${limits.lessThan}`);
      }
      if (atMost && compareDecimal(value, atMost) > 0) {
        return fail(`must be at most ${limits.atMost}`);
      }
      return value;
    });
}
