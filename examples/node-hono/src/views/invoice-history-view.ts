import type { InvoiceDetails } from "@remit/core";
import { html } from "hono/html";
import { actorWords } from "./actor-words";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { statusBadge } from "./status-badge";

const purposeNames: Record<string, string> = {
  invoice: "Invoice",
  reminder: "Reminder",
  receipt: "Receipt",
};

const methodWords: Record<string, string> = {
  card: "Card",
  ach: "Bank debit (ACH)",
  bank_transfer: "Bank transfer",
  check: "Check",
  cash: "Cash",
  other: "Other",
};

const eventWords: Record<string, string> = {
  "invoice.created": "Created",
  "invoice.updated": "Edited",
  "invoice.submitted": "Submitted for review",
  "invoice.changes_requested": "Sent back for changes",
  "invoice.issued": "Approved and issued",
  "invoice.sent": "Sent to the customer",
  "invoice.payment_recorded": "Payment recorded",
  "invoice.payment_failed": "Payment failed",
  "invoice.paid": "Paid in full",
  "invoice.refunded": "Refunded",
  "invoice.past_due": "Became past due",
  "invoice.cancelled": "Cancelled",
  "invoice.public_token_rotated": "Customer link replaced",
};

/**
 * What happened to an invoice: its payments and refunds, deliveries, revisions and events, each
 * by who did it (`actorNames`: people's names by actor id).
 */
export function invoiceHistoryView(
  details: InvoiceDetails,
  format: Formatters,
  actorNames: ReadonlyMap<string, string>,
): Html {
  const { invoice } = details;
  const money = (amount: string) => format.money(amount, invoice.currency);
  const payments = details.payments.map(
    (
      payment,
    ) => html`<tr data-payment-id="${payment.id}"><td>${format.dateTime(payment.receivedAt)}</td><td>${methodWords[payment.method] ?? payment.method}</td><td>${payment.reference ?? ""}</td>
<td>${statusBadge(payment.status, { kind: "other" })}</td><td class="num">${money(payment.amount)}</td></tr>`,
  );
  const refunds = details.refunds.map(
    (
      refund,
    ) => html`<tr><td>${format.dateTime(refund.createdAt)}</td><td>Refund</td><td>${refund.reason ?? ""}</td>
<td>${statusBadge(refund.status, { kind: "other" })}</td><td class="num">-${money(refund.amount)}</td></tr>`,
  );
  // What each message was, in people's words (a credit note by its number).
  const purposeWords = (delivery: InvoiceDetails["deliveries"][number]) => {
    if (delivery.purpose !== "credit_note") return purposeNames[delivery.purpose];
    const note = details.creditNotes.find((each) => each.id === delivery.creditNoteId);
    return note ? `Credit note ${note.number}` : "Credit note";
  };
  const deliveries = details.deliveries.map(
    (
      delivery,
    ) => html`<tr><td>${format.dateTime(delivery.scheduledFor)}</td><td>${purposeWords(delivery)}</td><td>${delivery.channel === "sms" ? "Text" : "Email"}</td>
<td>${delivery.recipient}</td><td>${statusBadge(delivery.status, { kind: "other" })}${delivery.reason ? html` <span class="muted">${delivery.reason}</span>` : ""}</td></tr>`,
  );
  const revisions = [...details.revisions].reverse().map(
    (
      revision,
    ) => html`<tr><td>${revision.revision}</td><td>${format.dateTime(revision.createdAt)}</td><td>${actorWords(revision.actor, actorNames)}</td>
<td class="num">${revision.totals.lines.filter((line) => line.kind !== "fee").length}</td><td class="num">${format.money(revision.totals.total, revision.currency)}</td></tr>`,
  );
  const events = [...details.events]
    .reverse()
    .map(
      (event) =>
        html`<tr><td>${format.dateTime(event.occurredAt)}</td><td>${eventWords[event.type] ?? event.type} <code class="muted">${event.type}</code></td><td>${actorWords(event.actor, actorNames)}</td></tr>`,
    );
  const none = (columns: number, words: string) =>
    html`<tr><td colspan="${columns}" class="muted">${words}</td></tr>`;
  return html`<h2 id="payments-heading">Payments and refunds</h2>
<div class="scroll"><table id="payments" aria-labelledby="payments-heading"><thead><tr><th>Received</th><th>Method</th><th>Reference</th><th>Status</th><th class="num">Amount</th></tr></thead>
<tbody>${payments.length + refunds.length > 0 ? [payments, refunds] : none(5, "No payments yet")}</tbody></table></div>
<h2 id="deliveries-heading">Messages</h2>
<div class="scroll"><table id="deliveries" aria-labelledby="deliveries-heading"><thead><tr><th>When</th><th>Purpose</th><th>Channel</th><th>To</th><th>Status</th></tr></thead>
<tbody>${deliveries.length > 0 ? deliveries : none(5, "Nothing sent yet")}</tbody></table></div>
<h2 id="revisions-heading">Revisions</h2>
<div class="scroll"><table id="revisions" aria-labelledby="revisions-heading"><thead><tr><th>#</th><th>At</th><th>By</th><th class="num">Lines</th><th class="num">Total</th></tr></thead><tbody>${revisions}</tbody></table></div>
<h2 id="events-heading">History</h2>
<div class="scroll"><table id="events" aria-labelledby="events-heading"><thead><tr><th>At</th><th>What happened</th><th>By</th></tr></thead><tbody>${events}</tbody></table></div>`;
}
