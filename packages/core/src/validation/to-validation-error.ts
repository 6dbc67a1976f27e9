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
 * Parses `input` with `schema`, or throws a ValidationError naming every bad field. The one way
 * Remit reads outside input, so every public call reports errors alike.
 */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw toValidationError(result.error);
  return result.data;
}
