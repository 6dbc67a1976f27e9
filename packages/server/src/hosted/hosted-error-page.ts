import { RemitError } from "@remit/core";
import { html } from "hono/html";
import { newErrorId, problemResponse, statusOf } from "../http/problem-details";
import type { PartLogger } from "../options/parse-handler-options";

// The customer's error page stands alone: no menu, nothing of the contractor's back office.
const errorStyle =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}";

/**
 * An error on the customer's page: a short HTML page for a browser, problem+json for anything
 * else. An unknown token says only "not found", so a guessed link learns nothing; an unexpected
 * error shows only an error id, the one its log line carries.
 */
export function hostedErrorResponse(
  request: Request,
  error: unknown,
  logError: PartLogger,
  /** What the page shows, for the 404's words ("the quote no longer exists"). */
  options: { record?: "invoice" | "quote" } = {},
): Response {
  if (!request.headers.get("accept")?.includes("text/html"))
    return problemResponse(error, (cause, errorId) => logError(cause, errorId, request));
  const status = statusOf(error);
  const errorId = status >= 500 ? newErrorId() : undefined;
  if (errorId) logError(error, errorId, request);
  const message =
    status === 404
      ? `Nothing here: the link may be mistyped, or the ${options.record ?? "invoice"} no longer exists.`
      : RemitError.isInstance(error) && status < 500
        ? error.message
        : "Something went wrong on our side. Please try again later.";
  const heading = status === 404 ? "Not found" : "Error";
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${heading}</title><style>${errorStyle}</style></head><body><main><h1>${heading}</h1><p role="alert">${message}</p>${
    errorId ? html`<p>Error id: <code>${errorId}</code></p>` : ""
  }</main></body></html>`;
  return new Response(page.toString(), {
    status,
    headers: { "content-type": "text/html; charset=UTF-8", "cache-control": "no-store" },
  });
}
