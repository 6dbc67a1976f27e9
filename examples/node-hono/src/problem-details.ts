import { RemitError } from "@remit/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

// Each Remit error code maps to one HTTP status, so clients can branch on either.
const statusByCode: Record<string, ContentfulStatusCode> = {
  validation_error: 422,
  not_found: 404,
  invalid_transition: 409,
  version_conflict: 409,
  idempotency_conflict: 409,
  missing_contact: 422,
  recipient_opted_out: 422,
  provider_error: 502,
  store_unavailable: 503,
  invalid_signature: 400,
};

/** Answers an error as RFC 9457 problem+json: Remit errors with their code and details. */
export function problemResponse(context: Context, error: unknown): Response {
  if (RemitError.isInstance(error)) {
    const status = statusByCode[error.code] ?? 500;
    const { code, retryable, message } = error;
    const details: Record<string, unknown> = {};
    for (const key of [
      "path",
      "issues",
      "status",
      "move",
      "channel",
      "expectedVersion",
      "actualVersion",
    ]) {
      if (key in error) details[key] = (error as unknown as Record<string, unknown>)[key];
    }
    return context.json(
      {
        type: `https://remit.dev/errors/${code}`,
        title: message,
        status,
        code,
        retryable,
        ...details,
      },
      status,
      {
        "content-type": "application/problem+json",
      },
    );
  }
  console.error(error);
  return context.json({ type: "about:blank", title: "Internal error", status: 500 }, 500, {
    "content-type": "application/problem+json",
  });
}
