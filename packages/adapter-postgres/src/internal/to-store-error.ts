import { StoreUnavailableError } from "@remit/core";

/**
 * SQLSTATE classes that mean "the backend could not do it now", not "the request is wrong":
 * connection exceptions (08), transaction rollbacks such as serialization failures and deadlocks
 * (40), insufficient resources (53), operator intervention such as a terminated backend or a
 * statement timeout (57), system errors (58) and internal errors (XX).
 */
const unavailableClasses = new Set(["08", "40", "53", "57", "58", "XX"]);

/**
 * Lock not available (`NOWAIT`, `lock_timeout`), cannot connect now, too many connections, and a
 * session the server ended for idling in a transaction (`idle_in_transaction_session_timeout`).
 */
const unavailableCodes = new Set(["55P03", "57P03", "53300", "25P03"]);

/** Node socket errors. */
const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** Driver errors that carry no code: `pg` on a dropped connection or an exhausted pool, PGlite closed. */
const unavailableMessages =
  /connection terminated|connection error|timeout exceeded when trying to connect|cannot use a pool after calling end|client was closed|not queryable|pglite is closed/i;

/** Whether an error of `pg` or PGlite says the backend is unreachable or could not finish. */
export function isBackendUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (networkCodes.has(code) || unavailableCodes.has(code)) return true;
    if (code.length === 5 && unavailableClasses.has(code.slice(0, 2))) return true;
  }
  return typeof message === "string" && unavailableMessages.test(message);
}

/**
 * Translates a driver error at the boundary: an unavailable backend becomes the retryable
 * `StoreUnavailableError` (with the driver's error as `cause`); anything else (a constraint the
 * caller broke, a bug) is returned unchanged so its SQLSTATE and detail stay visible.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (!isBackendUnavailable(error)) return error;
  const detail = error instanceof Error ? `: ${error.message}` : "";
  return new StoreUnavailableError({
    message: `The database could not complete the request${detail}; nothing was changed, try again`,
    cause: error,
  });
}
