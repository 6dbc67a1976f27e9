import { type Remit, RemitError } from "@remit/core";
import { statusOf } from "@remit/server";
import { type Context, Hono } from "hono";
import {
  checkPaymentFormSchema,
  linesFormSchema,
  reasonFormSchema,
  sendFormSchema,
  versionFormSchema,
} from "../forms/back-office-forms";
import { linesFromForm } from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import { remitContext } from "../request-context";
import { renderInvoicePage } from "./back-office-invoice-pages";

type Move = (context: Context, id: string) => Promise<string>;

/**
 * The back office's form handlers: each reads its form, makes one move, and redirects back to the
 * invoice with a notice (post/redirect/get). A refused move (a Remit error: validation, invalid
 * transition, version conflict, …) shows the invoice again with the error's message.
 */
export function backOfficeInvoiceForms(remit: Remit) {
  const routes = new Hono();

  const moves: Record<string, Move> = {
    async update(context, id) {
      const form = await parseForm(context, linesFormSchema);
      const { invoice } = await remit.invoices.get(remitContext(context), { id });
      const taxRateIds = (invoice.content.taxRates ?? []).map((rate) => rate.id);
      await remit.invoices.update(remitContext(context), {
        id,
        expectedVersion: form.version,
        // A form without line rows changes only the memo.
        ...(form.quantity.length > 0
          ? { lines: linesFromForm(form, invoice.content.lines, taxRateIds) }
          : {}),
        memo: form.memo,
      });
      return "Saved a new revision";
    },
    async submit(context, id) {
      const { version } = await parseForm(context, versionFormSchema);
      await remit.invoices.submit(remitContext(context), { id, expectedVersion: version });
      return "Submitted for review";
    },
    async "request-changes"(context, id) {
      const { version, reason } = await parseForm(context, reasonFormSchema);
      await remit.invoices.requestChanges(remitContext(context), {
        id,
        expectedVersion: version,
        reason,
      });
      return "Sent back for changes";
    },
    async issue(context, id) {
      const { version } = await parseForm(context, versionFormSchema);
      const { invoice } = await remit.invoices.issue(remitContext(context), {
        id,
        expectedVersion: version,
      });
      return `Issued as ${invoice.number}`;
    },
    async send(context, id) {
      const { version, channels } = await parseForm(context, sendFormSchema);
      await remit.invoices.send(remitContext(context), { id, expectedVersion: version, channels });
      return `Sending by ${channels.join(" and ")}`;
    },
    async payments(context, id) {
      const form = await parseForm(context, checkPaymentFormSchema);
      const { invoice } = await remit.invoices.recordPayment(remitContext(context), {
        id,
        amount: form.amount,
        method: "check",
        reference: form.reference,
        idempotencyKey: form.idempotencyKey,
      });
      const left = invoice?.status === "paid" ? "paid in full" : `${invoice?.amountDue} still due`;
      return `Recorded check ${form.reference}; ${left}`;
    },
    async cancel(context, id) {
      const { version, reason } = await parseForm(context, reasonFormSchema);
      await remit.invoices.cancel(remitContext(context), { id, expectedVersion: version, reason });
      return "Cancelled";
    },
  };

  routes.post("/invoices/:id/:move", async (context) => {
    const { id, move: name } = context.req.param();
    const move = moves[name];
    if (!move) return context.notFound();
    try {
      const notice = await move(context, id);
      return context.redirect(
        `/invoices/${encodeURIComponent(id)}?notice=${encodeURIComponent(notice)}`,
        303,
      );
    } catch (error) {
      if (!RemitError.isInstance(error) || error.code === "not_found") throw error;
      return renderInvoicePage(context, remit, id, {
        error: error.message,
        status: statusOf(error),
      });
    }
  });
  return routes;
}
