import { RemitError, StoreUnavailableError, ValidationError } from "@remit/core";

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
 * The fields of a driver error that say what failed without saying with which values: `pg` and
 * PGlite also carry `detail` ("Failing row contains (…)", "Key (…)=(…)"), `where`, and PGlite the
 * query's `params`, which hold hosted-page tokens, emails and phone numbers. Those never leave here.
 */
const safeFields = [
  "code",
  "severity",
  "routine",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
] as const;

/** The error without its values: a plain Error with the server's message and safe fields. */
export function scrubDriverError(error: unknown): unknown {
  if (typeof error !== "object" || error === null || RemitError.isInstance(error)) return error;
  const source = error as Record<string, unknown>;
  // A data exception's message quotes the value it refused (`invalid input syntax for type
  // integer: "…"`): only its code is kept.
  const message = isDataException(error)
    ? `data exception (SQLSTATE ${source.code})`
    : typeof source.message === "string"
      ? source.message
      : "query failed";
  const scrubbed = new Error(message);
  scrubbed.name = typeof source.name === "string" ? source.name : "DatabaseError";
  for (const field of safeFields) {
    if (source[field] !== undefined)
      (scrubbed as unknown as Record<string, unknown>)[field] = source[field];
  }
  return scrubbed;
}

/** SQLSTATE class 22, data exception: a value the column or cast cannot hold (NUL, bad text). */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.length === 5 && code.startsWith("22");
}

/**
 * Translates a driver error at the boundary: an unavailable backend becomes the retryable
 * `StoreUnavailableError`; a data exception (class 22: a NUL, an unpaired surrogate, a value out
 * of range that got past the input schemas) becomes a `ValidationError`; anything else (a
 * constraint the caller broke, a bug) keeps its SQLSTATE and message. Whatever it becomes, the
 * driver's error is scrubbed of the query's parameters and the failing row (see
 * `scrubDriverError`), so logging it prints no token, email or phone number.
 */
export function toStoreError(error: unknown): unknown {
  if (RemitError.isInstance(error)) return error;
  const scrubbed = scrubDriverError(error);
  if (isBackendUnavailable(error)) {
    const detail = error instanceof Error ? `: ${error.message}` : "";
    return new StoreUnavailableError({
      message: `The database could not complete the request${detail}; nothing was changed, try again`,
      cause: scrubbed,
    });
  }
  if (isDataException(error)) {
    const code = (error as { code: string }).code;
    return new ValidationError({
      issues: [
        {
          path: "",
          message: `the database refused a value (SQLSTATE ${code}): text must have no NUL or unpaired surrogate characters, and numbers must fit their fields`,
        },
      ],
      cause: scrubbed,
    });
  }
  return scrubbed;
}
