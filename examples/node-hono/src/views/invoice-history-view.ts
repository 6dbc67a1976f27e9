import type { InvoiceDetails } from "@remit/core";
import { html } from "hono/html";
import { type Html, money, statusBadge } from "./layout";

function actorName(actor: { type: string; id?: string; name?: string }): string {
  return actor.type === "user" ? (actor.id ?? "user") : (actor.name ?? actor.type);
}

/** What happened to an invoice: its revisions, payments and refunds, deliveries and events. */
export function invoiceHistoryView(details: InvoiceDetails): Html {
  const { invoice } = details;
  const revisions = [...details.revisions].reverse().map(
    (
      revision,
    ) => html`<tr><td>${revision.revision}</td><td>${revision.createdAt}</td><td>${actorName(revision.actor)}</td>
<td>${revision.totals.lines.filter((line) => line.kind !== "fee").length}</td><td class="num">${money(revision.totals.total, revision.currency)}</td></tr>`,
  );
  const payments = details.payments.map(
    (
      payment,
    ) => html`<tr data-payment-id="${payment.id}"><td>${payment.receivedAt}</td><td>${payment.method}</td><td>${payment.reference ?? ""}</td>
<td>${payment.status}</td><td class="num">${money(payment.amount, payment.currency)}</td></tr>`,
  );
  const refunds = details.refunds.map(
    (refund) => html`<tr><td>${refund.createdAt}</td><td>refund</td><td>${refund.reason ?? ""}</td>
<td>${refund.status}</td><td class="num">-${money(refund.amount, refund.currency)}</td></tr>`,
  );
  const deliveries = details.deliveries.map(
    (
      delivery,
    ) => html`<tr><td>${delivery.scheduledFor}</td><td>${delivery.purpose}</td><td>${delivery.channel}</td>
<td>${delivery.recipient}</td><td>${statusBadge(delivery.status)}${delivery.reason ? html` <span class="muted">${delivery.reason}</span>` : ""}</td></tr>`,
  );
  const events = [...details.events].reverse().map(
    (
      event,
    ) => html`<tr><td>${event.occurredAt}</td><td><code>${event.type}</code></td><td>${actorName(event.actor)}</td>
<td>${String(event.data.status ?? "")}</td></tr>`,
  );
  const none = (columns: number) =>
    html`<tr><td colspan="${columns}" class="muted">None yet</td></tr>`;
  return html`<h2>Revisions</h2>
<table id="revisions"><thead><tr><th>#</th><th>At</th><th>By</th><th>Lines</th><th class="num">Total</th></tr></thead><tbody>${revisions}</tbody></table>
<h2>Payments</h2>
<table id="payments"><thead><tr><th>Received</th><th>Method</th><th>Reference</th><th>Status</th><th class="num">Amount</th></tr></thead>
<tbody>${payments.length + refunds.length > 0 ? [payments, refunds] : none(5)}</tbody></table>
<p class="muted">Paid ${money(invoice.amountPaid, invoice.currency)} · credit ${money(invoice.credit, invoice.currency)}</p>
<h2>Deliveries</h2>
<table id="deliveries"><thead><tr><th>When</th><th>Purpose</th><th>Channel</th><th>To</th><th>Status</th></tr></thead>
<tbody>${deliveries.length > 0 ? deliveries : none(5)}</tbody></table>
<h2>Events</h2>
<table id="events"><thead><tr><th>At</th><th>Type</th><th>By</th><th>Status after</th></tr></thead><tbody>${events}</tbody></table>`;
}
