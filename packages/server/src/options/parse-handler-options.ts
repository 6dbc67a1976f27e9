import { parseWithSchema } from "@remit/core";
import { type RemitHandlerOptions, remitHandlerOptionsSchema } from "./remit-handler-options";

/** The options, checked (a `ValidationError` naming each bad one), with their defaults filled. */
export function parseHandlerOptions(options: RemitHandlerOptions) {
  const parsed = parseWithSchema(remitHandlerOptionsSchema, options, { pathPrefix: "options" });
  return {
    ...options,
    publicUrl: parsed.publicUrl,
    logError: options.logError ?? ((error: unknown) => console.error("[remit]", error)),
  };
}
