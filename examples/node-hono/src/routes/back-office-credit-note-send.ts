import type { Remit } from "@remit/core";
import { Hono } from "hono";
import { sendCreditNoteFormSchema } from "../forms/back-office-forms";
import { parseForm } from "../forms/parse-form";
import { formProblemOf } from "../forms/people-errors";
import { remitContext } from "../request-context";
import { renderInvoicePage } from "./render-invoice-page";

const channelWords = (channels: readonly string[]) =>
  channels.map((channel) => (channel === "sms" ? "text message" : "email")).join(" and ");

/**
 * "Email" and "Text" on a credit note of the invoice page: sends it with
 * `remit.invoices.sendCreditNote` and goes back to the invoice (post/redirect/get). A refusal
 * (no phone, an opted-out customer) shows the invoice again at its own URL with the reason.
 */
export function backOfficeCreditNoteSend(remit: Remit) {
  const routes = new Hono();
  routes.post("/credit-notes/:id/send", async (context) => {
    const ctx = remitContext(context);
    const creditNote = await remit.invoices.getCreditNote(ctx, { id: context.req.param("id") });
    const invoicePage = `/invoices/${encodeURIComponent(creditNote.invoiceId)}`;
    try {
      const { channels } = await parseForm(context, sendCreditNoteFormSchema);
      await remit.invoices.sendCreditNote(ctx, { id: creditNote.id, channels });
      const notice = `Sending credit note ${creditNote.number} by ${channelWords(channels)}`;
      return context.redirect(
        `${invoicePage}?notice=${encodeURIComponent(notice)}#credit-notes`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error);
      return renderInvoicePage(context, remit, creditNote.invoiceId, {
        error: `Credit note ${creditNote.number} was not sent: ${problem.message}`,
        status: problem.status,
      });
    }
  });
  return routes;
}
