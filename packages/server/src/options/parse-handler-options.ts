import { parseWithSchema } from "@remit/core";
import { createRemitLogger, type RemitLogger, scrubLogText } from "../logging/create-remit-logger";
import { type RemitHandlerOptions, remitHandlerOptionsSchema } from "./remit-handler-options";

/** Reports one unexpected error (a 5xx answer) with the id its answer carries. */
export type PartLogger = (error: unknown, errorId?: string, request?: Request) => void;

let defaultLogger: RemitLogger | undefined;

/** One pino logger for every handler that brings none. */
function sharedDefaultLogger(): RemitLogger {
  defaultLogger ??= createRemitLogger();
  return defaultLogger;
}

/** The options, checked (a `ValidationError` naming each bad one), with their defaults filled. */
export function parseHandlerOptions(options: RemitHandlerOptions) {
  const parsed = parseWithSchema(remitHandlerOptionsSchema, options, { pathPrefix: "options" });
  // Without either, Remit logs JSON lines through its own redacting pino logger.
  const logger = options.logger ?? (options.logError ? undefined : sharedDefaultLogger());
  return {
    ...options,
    publicUrl: parsed.publicUrl,
    /** The 5xx reporter of one part: `logFor("stripe webhook")`. */
    logFor(part: string): PartLogger {
      return (error, errorId, request) => {
        logger?.error(
          {
            err: error,
            part,
            ...(errorId ? { errorId } : {}),
            ...(request
              ? { method: request.method, path: scrubLogText(new URL(request.url).pathname) }
              : {}),
          },
          `remit ${part}: unexpected error`,
        );
        options.logError?.(error, part);
      };
    },
  };
}
