import { RemitError } from "@remit/core";
import { type RemitLogger, scrubLogText, statusOf } from "@remit/server";
import type { Context } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { signedInOf } from "./request-context";
import { page } from "./views/layout";

// The customer's paths (the hosted page, the demo's test checkout): their errors never show the
// back office's menu.
const customerPath = /^\/(i|test-checkout)(\/|$)/;

/** A page that is not there: the back office's with its menu and a way home; a customer's without. */
export function notFoundPageResponse(context: Context): Response | Promise<Response> {
  if (
    !context.req.header("accept")?.includes("text/html") &&
    !customerPath.test(context.req.path)
  ) {
    return context.json({ title: "Not found", status: 404 }, 404);
  }
  const hosted = customerPath.test(context.req.path);
  return context.html(
    page({
      title: "Not found",
      ...(hosted ? { nav: false } : { signedIn: signedInOf(context) }),
      body: hosted
        ? html`<h1>Not found</h1><p>Nothing here: the link may be mistyped, or the invoice no longer exists. Ask the business that sent it for a new link.</p>`
        : html`<h1>Not found</h1><p>Nothing here: the link may be mistyped, or the record does not exist.</p><p><a href="/">Back to the home page</a></p>`,
    }),
    404,
  );
}

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
  if (status === 404) return notFoundPageResponse(context);
  const errorId = status >= 500 ? crypto.randomUUID() : undefined;
  if (errorId) {
    logger.error(
      { err: error, errorId, part: "back office", path: scrubLogText(context.req.path) },
      "unexpected error",
    );
  }
  const message = errorId
    ? `Something went wrong on our side. Error id: ${errorId}`
    : RemitError.isInstance(error) || error instanceof HTTPException
      ? error.message
      : "Something went wrong.";
  return context.html(
    page({
      signedIn: signedInOf(context),
      title: "Error",
      ...(customerPath.test(context.req.path) ? { nav: false } : { signedIn: signedInOf(context) }),
      body: html`<h1>Error</h1>`,
      error: message,
    }),
    status,
  );
}
