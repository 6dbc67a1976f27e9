import type { Invoice, Tenant } from "@remit/core";
import { html } from "hono/html";
import type { Permission } from "../auth/roles";
import type { Html } from "./layout";
import { linesEditorView } from "./lines-editor-view";

const editable = new Set(["pending_action", "pending_review", "pending_payment", "past_due"]);

/**
 * The forms to act on an invoice, only those its status allows: edit (lines and memo), submit,
 * request changes, approve & issue, send, record a check payment, cancel. Each posts to
 * `/invoices/:id/<move>` with the version shown, so a stale page gets a version conflict. Only
 * the forms the caller's role `may` use are shown (the door refuses the others anyway).
 */
export function invoiceActionsView(
  invoice: Invoice,
  tenant: Tenant,
  paymentKey: string,
  may: (permission: Permission) => boolean,
): Html {
  const action = (move: string) => `/invoices/${encodeURIComponent(invoice.id)}/${move}`;
  const version = html`<input type="hidden" name="version" value="${invoice.version}">`;
  const nothingPaid = Number(invoice.amountPaid) === 0;
  const forms: Html[] = [];

  if (may("invoices.update") && editable.has(invoice.status) && nothingPaid) {
    forms.push(html`<fieldset><legend>Edit</legend><form method="post" action="${action("update")}">${version}
${linesEditorView(invoice.content.lines, invoice.content.memo)}<p><button>Save changes</button></p></form></fieldset>`);
  }
  if (may("invoices.submit") && invoice.status === "pending_action") {
    forms.push(
      html`<form class="inline" method="post" action="${action("submit")}">${version}<button>Submit for review</button></form> `,
    );
  }
  if (may("invoices.requestChanges") && invoice.status === "pending_review") {
    forms.push(html`<form class="inline" method="post" action="${action("request-changes")}">${version}
<input type="text" name="reason" placeholder="What to change" aria-label="Changes needed" class="w16" required> <button>Request changes</button></form> `);
  }
  if (
    may("invoices.issue") &&
    (invoice.status === "pending_review" ||
      (invoice.status === "pending_action" && !tenant.requireReview))
  ) {
    forms.push(
      html`<form class="inline" method="post" action="${action("issue")}">${version}<button>Approve &amp; issue</button></form>`,
    );
  }
  const open = invoice.status === "pending_payment" || invoice.status === "past_due";
  if (may("invoices.send") && open) {
    forms.push(html`<fieldset><legend>Send to the customer</legend><form method="post" action="${action("send")}">${version}
<label><input type="checkbox" name="channels" value="email" checked> Email</label>
<label><input type="checkbox" name="channels" value="sms"> SMS</label> <button>Send</button></form></fieldset>`);
  }
  if (may("invoices.recordPayment") && open) {
    forms.push(html`<fieldset><legend>Record a check payment</legend><form method="post" action="${action("payments")}">
<input type="hidden" name="idempotencyKey" value="${paymentKey}">
<label>Amount <input type="text" name="amount" value="${invoice.amountDue}" inputmode="decimal" class="w8"></label>
<label>Check number <input type="text" name="reference" class="w8" required></label>
<button>Record check payment</button></form></fieldset>`);
  }
  if (
    may("invoices.cancel") &&
    invoice.status !== "paid" &&
    invoice.status !== "cancelled" &&
    nothingPaid
  ) {
    forms.push(html`<fieldset><legend>Cancel</legend><form method="post" action="${action("cancel")}">${version}
<input type="text" name="reason" placeholder="Reason" aria-label="Cancellation reason" class="w16" required> <button>Cancel invoice</button></form></fieldset>`);
  }
  return forms.length > 0
    ? html`<section id="actions"><h2>Actions</h2>${forms}</section>`
    : html`<section id="actions"><p class="muted">No moves left for a ${invoice.status} invoice.</p></section>`;
}
