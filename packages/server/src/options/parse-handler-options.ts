import { parseWithSchema } from "@remit/core";
import { type RemitHandlerOptions, remitHandlerOptionsSchema } from "./remit-handler-options";

/** The options, checked (a `ValidationError` naming each bad one), with their defaults filled. */
export function parseHandlerOptions(options: RemitHandlerOptions) {
  const parsed = parseWithSchema(remitHandlerOptionsSchema, options, { pathPrefix: "options" });
  return {
    ...options,
    publicUrl: parsed.publicUrl,
    /** The 5xx reporter of one part: `logFor("stripe webhook")`. */
    logFor(where: string): (error: unknown) => void {
      const logError = options.logError ?? ((error, part) => console.error(`[${part}]`, error));
      return (error) => logError(error, where);
    },
  };
}
