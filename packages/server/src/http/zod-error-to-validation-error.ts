import { ValidationError } from "@remit/core";
import type { z } from "zod";

/** Writes a zod path (`["lines", 0, "quantity"]`) as Remit's errors do: `lines[0].quantity`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/**
 * A request that failed its route's schema, as the `ValidationError` a Remit call would have
 * thrown for the same input: one issue per bad field, paths prefixed with where the value came
 * from when that is not the body (`query.limit`, `params.id`).
 */
export function zodErrorToValidationError(error: z.ZodError, target: string): ValidationError {
  const prefix =
    target === "json" || target === "form" ? [] : [target === "param" ? "params" : target];
  return new ValidationError({
    issues: error.issues.map((issue) => ({
      path: formatPath([...prefix, ...issue.path]) || "body",
      message: issue.message,
    })),
    cause: error,
  });
}
