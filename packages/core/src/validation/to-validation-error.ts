import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "../errors/validation-error";
import { formatIssuePath } from "./format-issue-path";

/** Turns zod's issues (and any found by later checks) into one ValidationError. */
export function toValidationError(
  zodError: z.ZodError | undefined,
  extraIssues: readonly ValidationIssue[] = [],
  order?: (a: ValidationIssue, b: ValidationIssue) => number,
): ValidationError {
  const issues: ValidationIssue[] = [
    ...(zodError?.issues ?? []).map((issue) => ({
      path: formatIssuePath(issue.path),
      message: issue.message,
    })),
    ...extraIssues,
  ];
  if (order) issues.sort(order);
  return new ValidationError({ issues, cause: zodError });
}

/**
 * Parses `input` with `schema`, or throws a {@link ValidationError} naming every bad field. The one
 * way Remit and its adapters read outside input, so every call reports errors alike: paths are
 * written as in the docs, `lines[0].quantity`, and `pathPrefix` names where the input came from.
 *
 * @example
 * ```ts
 * import { parseWithSchema } from "@remit/core";
 * import { z } from "zod";
 *
 * const optionsSchema = z.object({ lines: z.array(z.object({ sku: z.string() })) });
 * parseWithSchema(optionsSchema, { lines: [{ sku: 7 }] }, { pathPrefix: "options" });
 * // throws ValidationError, path "options.lines[0].sku"
 * ```
 * @group Validation
 */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  options: { pathPrefix?: string } = {},
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  if (!options.pathPrefix) throw toValidationError(result.error);
  const prefix = options.pathPrefix;
  throw new ValidationError({
    issues: result.error.issues.map((issue) => ({
      path: formatIssuePath([prefix, ...issue.path]),
      message: issue.message,
    })),
    cause: result.error,
  });
}
