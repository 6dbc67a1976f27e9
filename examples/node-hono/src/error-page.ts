import { RemitError } from "@remit/core";
import { statusOf } from "@remit/server";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { html } from "hono/html";
import { page } from "./views/layout";

/** An error on a page a person is looking at: the message as HTML, with the same status as the API. */
export function errorPageResponse(context: Context, error: unknown): Response | Promise<Response> {
  const status = statusOf(error);
  if (status >= 500) console.error(error);
  const message =
    status === 404
      ? "Nothing here: the link may be mistyped, or the record does not exist."
      : RemitError.isInstance(error) || (error instanceof HTTPException && status < 500)
        ? error.message
        : "Something went wrong on our side.";
  return context.html(
    page({
      title: "Error",
      body: html`<h1>${status === 404 ? "Not found" : "Error"}</h1>`,
      error: message,
    }),
    status,
  );
}
