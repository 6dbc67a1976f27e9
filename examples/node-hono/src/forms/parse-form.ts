import { ValidationError } from "@remit/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";

/**
 * Reads an HTML form post and checks it with `schema`. Repeated fields (`description` once per
 * line) arrive as arrays. A refused form is a ValidationError, shown on the page like any other;
 * a body that is no form at all is 400.
 */
export async function parseForm<Schema extends z.ZodType>(
  context: Context,
  schema: Schema,
): Promise<z.output<Schema>> {
  // A body that is not a well-formed form (a multipart body cut short) is the sender's mistake.
  const body = await context.req.parseBody({ all: true }).catch((error: unknown) => {
    throw new HTTPException(400, {
      message: "The form could not be read: send it again",
      cause: error,
    });
  });
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
