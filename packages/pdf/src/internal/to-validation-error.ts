import { ValidationError } from "@remit/core";
import type { z } from "zod";

/** A zod failure as Remit's `ValidationError`, each issue with its dotted path (`lines[2].net`). */
export function toValidationError(error: z.ZodError): ValidationError {
  return new ValidationError({
    cause: error,
    issues: error.issues.map((issue) => ({
      path: issue.path
        .map((segment, index) =>
          typeof segment === "number"
            ? `[${segment}]`
            : `${index === 0 ? "" : "."}${String(segment)}`,
        )
        .join(""),
      message: issue.message,
    })),
  });
}
