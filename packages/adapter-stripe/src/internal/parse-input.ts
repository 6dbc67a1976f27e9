import { ValidationError } from "@remit/core";
import type { z } from "zod";

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

/** Parses outside input with `schema`, or throws a `ValidationError` naming every bad field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  prefix?: string,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError({
    issues: result.error.issues.map((issue) => ({
      path: formatPath(prefix ? [prefix, ...issue.path] : issue.path),
      message: issue.message,
    })),
    cause: result.error,
  });
}
