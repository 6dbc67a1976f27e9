import { RemitError } from "@remit/core";
import { type RemitLogger, scrubLogText, statusOf } from "@remit/server";
import type { Context } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { signedInOf } from "./request-context";
import { page } from "./views/layout";

/**
 * An error on a page a person is looking at: the message as HTML, with the same status as the API.
 * An unexpected error (5xx) shows only an error id, the one its log line carries.
 */
export function errorPageResponse(
  context: Context,
  error: unknown,
  logger: RemitLogger,
): Response | Promise<Response> {
  const status = statusOf(error);
  const errorId = status >= 500 ? crypto.randomUUID() : undefined;
  if (errorId) {
    logger.error(
      { err: error, errorId, part: "back office", path: scrubLogText(context.req.path) },
      "unexpected error",
    );
  }
  const message =
    status === 404
      ? "Nothing here: the link may be mistyped, or the record does not exist."
      : errorId
        ? `Something went wrong on our side. Error id: ${errorId}`
        : RemitError.isInstance(error) || error instanceof HTTPException
          ? error.message
          : "Something went wrong.";
  return context.html(
    page({
      signedIn: signedInOf(context),
      title: "Error",
      body: html`<h1>${status === 404 ? "Not found" : "Error"}</h1>`,
      error: message,
    }),
    status,
  );
}
