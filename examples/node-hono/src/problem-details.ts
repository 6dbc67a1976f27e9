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

/** The HTTP status for an error: by its Remit code, else 500. */
export function statusOf(error: unknown): ContentfulStatusCode {
  return RemitError.isInstance(error) ? (statusByCode[error.code] ?? 500) : 500;
}

/** Answers an error as RFC 9457 problem+json: Remit errors with their code and details. */
export function problemResponse(context: Context, error: unknown): Response {
  if (RemitError.isInstance(error)) {
    const status = statusOf(error);
    const { code, retryable, message } = error;
    const details: Record<string, unknown> = {};
    // `status` is the HTTP status in problem+json, so a record's status is sent as `recordStatus`.
    const fields = {
      path: "path",
      issues: "issues",
      status: "recordStatus",
      move: "move",
      channel: "channel",
      expectedVersion: "expectedVersion",
      actualVersion: "actualVersion",
    };
    for (const [key, name] of Object.entries(fields)) {
      if (key in error) details[name] = (error as unknown as Record<string, unknown>)[key];
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
