import { ValidationError } from "@remit/core";
import type { Context } from "hono";
import type { z } from "zod";

/**
 * Reads an HTML form post and checks it with `schema`. Repeated fields (`description` once per
 * line) arrive as arrays. A refused form is a ValidationError, shown on the page like any other.
 */
export async function parseForm<Schema extends z.ZodType>(
  context: Context,
  schema: Schema,
): Promise<z.output<Schema>> {
  const body = await context.req.parseBody({ all: true });
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ValidationError({
    cause: result.error,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  });
}
