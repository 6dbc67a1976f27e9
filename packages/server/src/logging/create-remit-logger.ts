import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";

/** What Remit's handler logs with: a pino logger, or anything with pino's `error(object, message)`. */
export type RemitLogger = {
  error(details: object, message?: string): void;
};

// Fields that hold a customer's contact details, a hosted-page token or a query's values, at any of
// the depths Remit logs them; pino replaces each with "[redacted]".
const sensitiveFields = [
  "token",
  "publicToken",
  "email",
  "phone",
  "params",
  "parameters",
  "detail",
  "query",
  "authorization",
  "cookie",
];
const redactPaths = sensitiveFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const phonePattern = /\+\d[\d ()-]{6,18}\d/g;
const tokenPathPattern = /\/i\/[^/?#\s"'`]+/g;

/**
 * A text with its emails, phone numbers and hosted-page tokens (`/i/<token>`) replaced, for a log
 * line: an error's message may quote a value from the request that failed.
 */
export function scrubLogText(text: string): string {
  return text
    .replace(tokenPathPattern, "/i/[token]")
    .replace(emailPattern, "[email]")
    .replace(phonePattern, "[phone]");
}

type SerializedError = {
  type: string;
  message: string;
  code?: string;
  retryable?: boolean;
  stack?: string;
  cause?: SerializedError | string;
};

/**
 * An error as a log line shows it: name, message, code, stack and cause, each scrubbed. Every
 * other field a driver adds (`detail`, `params`, `query`, `where`) is left out: they carry rows.
 */
export function serializeErrorForLog(error: unknown, depth = 0): SerializedError | string {
  if (!(error instanceof Error)) return scrubLogText(String(error));
  const fields = error as Error & { code?: unknown; retryable?: unknown };
  const serialized: SerializedError = {
    type: error.name,
    message: scrubLogText(error.message),
  };
  if (typeof fields.code === "string") serialized.code = fields.code;
  if (typeof fields.retryable === "boolean") serialized.retryable = fields.retryable;
  if (error.stack) serialized.stack = scrubLogText(error.stack);
  if (error.cause !== undefined && depth < 5)
    serialized.cause = serializeErrorForLog(error.cause, depth + 1);
  return serialized;
}

/**
 * Remit's default logger: pino, JSON lines, with the fields that could hold a token, an email, a
 * phone number or a query's parameters redacted, and errors serialized without a driver's extra
 * fields. Pass your own pino logger as `logger` to send Remit's lines with yours (give it the same
 * `redact` paths: `createRemitLogger`'s options are pino's).
 *
 * @example
 * ```ts
 * import { createRemitHandler, createRemitLogger } from "@remit/server";
 *
 * const handler = createRemitHandler({ remit, publicUrl, logger: createRemitLogger({ level: "warn" }) });
 * ```
 */
export function createRemitLogger(
  options: LoggerOptions = {},
  destination?: DestinationStream,
): Logger {
  const settings: LoggerOptions = {
    name: "remit",
    ...options,
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: { err: (error: unknown) => serializeErrorForLog(error), ...options.serializers },
  };
  return destination ? pino(settings, destination) : pino(settings);
}
