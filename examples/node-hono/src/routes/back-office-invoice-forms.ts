import type { Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Permission } from "../auth/roles";
import {
  moveFormSchema,
  reasonFormSchema,
  sendFormSchema,
  versionFormSchema,
} from "../forms/back-office-forms";
import { parseForm } from "../forms/parse-form";
import { formProblemOf } from "../forms/people-errors";
import { callerMay, callerOf, remitContext } from "../request-context";
import { renderInvoicePage } from "./render-invoice-page";

// What each move needs of the caller's role (the same as the API's operations).
const permissionsOf: Record<string, Permission[]> = {
  submit: ["invoices.submit"],
  "request-changes": ["invoices.requestChanges"],
  issue: ["invoices.issue"],
  "issue-and-send": ["invoices.issue", "invoices.send"],
  send: ["invoices.send"],
  cancel: ["invoices.cancel"],
};

type Move = (context: Context, id: string) => Promise<{ notice: string; anchor?: string }>;

const channelWords = (channels: readonly string[]) =>
  channels.map((channel) => (channel === "sms" ? "text message" : "email")).join(" and ");

/**
 * The invoice page's moves. Each form posts to the invoice's own page (`POST /invoices/:id` with
 * `move`; `POST /invoices/:id/<move>` works too), makes one move, and redirects back with a notice
 * (post/redirect/get). A refused move shows the invoice again at its own URL, with the form as it
 * was typed and the problem in plain words.
 */
export function backOfficeInvoiceForms(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);

  const moves: Record<string, Move> = {
    async submit(context, id) {
      const { version } = await parseForm(context, versionFormSchema);
      await remit.invoices.submit(ctx(context), { id, expectedVersion: version });
      return { notice: "Submitted for review" };
    },
    async "request-changes"(context, id) {
      const { version, reason } = await parseForm(context, reasonFormSchema);
      await remit.invoices.requestChanges(ctx(context), { id, expectedVersion: version, reason });
      return { notice: "Sent back for changes" };
    },
    async issue(context, id) {
      const { version } = await parseForm(context, versionFormSchema);
      const { invoice } = await remit.invoices.issue(ctx(context), {
        id,
        expectedVersion: version,
      });
      return {
        notice: `Issued as ${invoice.number}. It has not been sent to the customer yet: send it below.`,
        anchor: "send",
      };
    },
    async "issue-and-send"(context, id) {
      const { version, channels } = await parseForm(context, sendFormSchema);
      const { invoice } = await remit.invoices.issue(ctx(context), {
        id,
        expectedVersion: version,
        send: { channels },
      });
      return { notice: `Issued as ${invoice.number} and sending by ${channelWords(channels)}` };
    },
    async send(context, id) {
      const { version, channels } = await parseForm(context, sendFormSchema);
      await remit.invoices.send(ctx(context), { id, expectedVersion: version, channels });
      return { notice: `Sending by ${channelWords(channels)}` };
    },
    async cancel(context, id) {
      const { version, reason } = await parseForm(context, reasonFormSchema);
      await remit.invoices.cancel(ctx(context), { id, expectedVersion: version, reason });
      return { notice: "Cancelled" };
    },
  };

  const run = async (context: Context, id: string, name: string) => {
    const move = moves[name];
    if (!move) return context.notFound();
    // The door let the page's form in; each move still needs its own permission.
    const refusal = (permissionsOf[name] ?? []).find(
      (permission) => !callerMay(context, permission),
    );
    if (refusal) {
      throw new HTTPException(403, {
        message: `Your role (${callerOf(context).role}) cannot do this (${refusal}).`,
      });
    }
    try {
      const { notice, anchor } = await move(context, id);
      return context.redirect(
        `/invoices/${encodeURIComponent(id)}?notice=${encodeURIComponent(notice)}${anchor ? `#${anchor}` : ""}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error);
      const values = (await context.req.parseBody({ all: true })) as Record<
        string,
        string | string[]
      >;
      return renderInvoicePage(context, remit, id, {
        error: problem.message,
        status: problem.status,
        refused: { move: name, values, fields: problem.fields },
      });
    }
  };

  routes.post("/invoices/:id{[^/]+}", async (context) => {
    const { move } = await parseForm(context, moveFormSchema);
    return run(context, context.req.param("id"), move);
  });
  routes.post(
    "/invoices/:id/:move{submit|request-changes|issue|issue-and-send|send|cancel}",
    (context) => run(context, context.req.param("id"), context.req.param("move")),
  );
  return routes;
}
