import { RemitError } from "@remit/core";
import { HTTPException } from "hono/http-exception";
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
  outcome_unknown: 503,
  invalid_signature: 400,
  // The host's store adapter lacks a collection the call needs: the server's setup, not the request.
  not_supported: 501,
};

// Answers that come from HTTP itself rather than a Remit call get codes in the same style.
const codeByHttpStatus: Record<number, string> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  421: "misdirected_request",
  429: "too_many_requests",
};

/** The HTTP status for an error: by its Remit code, an HTTPException's own status, else 500. */
export function statusOf(error: unknown): ContentfulStatusCode {
  if (RemitError.isInstance(error)) return statusByCode[error.code] ?? 500;
  if (error instanceof HTTPException) return error.status as ContentfulStatusCode;
  return 500;
}

/** The body of an RFC 9457 problem+json answer. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code?: string;
  retryable?: boolean;
  [detail: string]: unknown;
};

/** A problem+json response. `headers` adds to it (`allow` on a 405, say). */
export function problemJson(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

/** A problem for an answer HTTP gives on its own (401, 403, 404, 405, 415): its code and a title. */
export function httpProblem(status: number, title: string, headers?: Record<string, string>) {
  const code = codeByHttpStatus[status] ?? "bad_request";
  return problemJson({ type: `https://remit.dev/errors/${code}`, title, status, code }, headers);
}

// `status` is the HTTP status in problem+json, so a record's status is sent as `recordStatus`.
const detailFields = {
  path: "path",
  issues: "issues",
  status: "recordStatus",
  move: "move",
  channel: "channel",
  expectedVersion: "expectedVersion",
  actualVersion: "actualVersion",
} as const;

// What a 5xx says, by code: never the error's own message, which may quote a driver's.
const serverTitles: Record<string, string> = {
  store_unavailable: "The store is unavailable; nothing was changed, try again",
  outcome_unknown: "The outcome is unknown: read the record again before retrying",
  provider_error: "The provider did not answer as expected; try again",
  not_supported: "This server's store does not support this operation",
};

/**
 * A Remit error as problem details, as its own answer or as one refused item of a batch: below
 * 500 with its message and details (the field paths of a validation error); from 500 only its
 * code and a fixed title, never a message that may quote a driver's.
 */
export function remitProblem(error: RemitError): Problem {
  const status = statusOf(error);
  if (status >= 500) {
    return {
      type: `https://remit.dev/errors/${error.code}`,
      title: serverTitles[error.code] ?? "Internal error",
      status,
      code: error.code,
      retryable: error.retryable,
    };
  }
  const details: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(detailFields)) {
    if (key in error) details[name] = (error as unknown as Record<string, unknown>)[key];
  }
  return {
    type: `https://remit.dev/errors/${error.code}`,
    title: error.message,
    status,
    code: error.code,
    retryable: error.retryable,
    ...details,
  };
}

/** A new id for one unexpected error, shown in its answer and written in its log line. */
export function newErrorId(): string {
  return crypto.randomUUID();
}

/**
 * Answers an error as RFC 9457 problem+json: a Remit error with its code, whether a retry may
 * help, and its details (the field paths of a validation error); an HTTPException with its status.
 * A 5xx shows only its code, a fixed title and an `errorId`; the error goes to `log` with that id.
 */
export function problemResponse(
  error: unknown,
  log: (error: unknown, errorId: string) => void,
): Response {
  const status = statusOf(error);
  if (RemitError.isInstance(error) && status < 500) return problemJson(remitProblem(error));
  if (error instanceof HTTPException && error.status < 500) {
    return httpProblem(error.status, error.message || "Bad request");
  }
  const errorId = newErrorId();
  log(error, errorId);
  if (RemitError.isInstance(error)) {
    return problemJson({
      type: `https://remit.dev/errors/${error.code}`,
      title: serverTitles[error.code] ?? "Internal error",
      status,
      code: error.code,
      retryable: error.retryable,
      errorId,
    });
  }
  return problemJson({ type: "about:blank", title: "Internal error", status: 500, errorId });
}
