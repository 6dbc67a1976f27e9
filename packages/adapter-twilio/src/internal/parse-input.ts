import { ValidationError } from "@remit/core";
import type { z } from "zod";

/** Parses outside input with `schema`, or throws Remit's ValidationError naming every bad field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  prefix = "",
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError({
    issues: result.error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
      message: issue.message,
    })),
    cause: result.error,
  });
}
