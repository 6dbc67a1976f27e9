import type { InvoiceDetails, Tenant } from "@remit/core";
import { html } from "hono/html";
import type { Permission } from "../auth/roles";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { invoiceActionsView, type RefusedMove } from "./invoice-actions-view";
import { invoiceHistoryView } from "./invoice-history-view";
import { invoiceSummaryView } from "./invoice-summary-view";
import { contactLinks, customerLink, quoteLink, workOrderLink } from "./record-links";
import { statusBadge } from "./status-badge";

const editable = new Set(["pending_action", "pending_review", "pending_payment", "past_due"]);
const payable = new Set(["pending_payment", "past_due"]);

/** What a credit note's deliveries say: "Emailed", "Texted", or nothing yet. */
function creditNoteSent(noteId: string, deliveries: InvoiceDetails["deliveries"]): string {
  const sent = deliveries.filter(
    (delivery) => delivery.creditNoteId === noteId && delivery.status !== "cancelled",
  );
  const words = [
    sent.some((delivery) => delivery.channel === "email") ? "Emailed" : "",
    sent.some((delivery) => delivery.channel === "sms") ? "Texted" : "",
  ].filter(Boolean);
  return words.length > 0 ? words.join(", ") : "Not sent";
}

/** The invoice's credit notes, each with its PDF and, for who may, buttons that send it. */
function creditNotesView(
  details: InvoiceDetails,
  format: Formatters,
  may: (permission: Permission) => boolean,
): Html | string {
  const notes = details.creditNotes;
  if (notes.length === 0) return "";
  const canSend = may("invoices.sendCreditNote");
  const sendForm = (note: InvoiceDetails["creditNotes"][number]) =>
    html`<form class="inline" method="post" action="/credit-notes/${encodeURIComponent(note.id)}/send"><button class="secondary" name="channels" value="email" aria-label="Email credit note ${note.number}">Email</button> <button class="secondary" name="channels" value="sms" aria-label="Text credit note ${note.number}">Text</button></form>`;
  return html`<h2>Credit notes</h2>
<div class="scroll"><table id="credit-notes"><thead><tr><th>Number</th><th>Issued</th><th>Reason</th><th class="num">Total</th><th>PDF</th><th>Sent</th>${canSend ? html`<th>Send</th>` : ""}</tr></thead><tbody>${notes.map((note) => html`<tr><td>${note.number}</td><td>${format.date(note.issueDate)}</td><td>${note.reason}</td><td class="num">${format.money(note.total, note.currency)}</td><td><a href="/credit-notes/${encodeURIComponent(note.id)}/pdf" aria-label="PDF of credit note ${note.number}">PDF</a></td><td>${creditNoteSent(note.id, details.deliveries)}</td>${canSend ? html`<td>${sendForm(note)}</td>` : ""}</tr>`)}</tbody></table></div>`;
}

/** The back office's page for one invoice: where it stands, its lines and totals, the forms to act, its history. */
export function invoiceDetailView(options: {
  details: InvoiceDetails;
  tenant: Tenant;
  format: Formatters;
  workOrder?: { id: string; title: string } | undefined;
  quote?: { id: string; title: string } | undefined;
  refused?: RefusedMove | undefined;
  /** People's names by actor id, for the history (an id without one shows as "A team member"). */
  actorNames?: ReadonlyMap<string, string> | undefined;
  /** Whether the caller's role allows a move: only their forms and links are shown. */
  may: (permission: Permission) => boolean;
}): Html {
  const { details, tenant, format, may } = options;
  const { invoice } = details;
  const id = encodeURIComponent(invoice.id);
  const succeeded = details.payments.filter((payment) => payment.status === "succeeded");
  const links: Html[] = [html`<a class="button secondary" href="/invoices/${id}/pdf">PDF</a>`];
  if (may("invoices.update") && editable.has(invoice.status) && Number(invoice.amountPaid) === 0) {
    links.push(
      html`<a class="button secondary" href="/invoices/${id}/edit" id="edit-invoice">Edit lines</a>`,
    );
  }
  if (may("invoices.recordPayment") && (payable.has(invoice.status) || invoice.status === "paid")) {
    links.push(
      html`<a class="button" href="/invoices/${id}/payments" id="record-payment">Record a payment</a>`,
    );
  }
  if (may("invoices.refund") && succeeded.length > 0) {
    links.push(
      html`<a class="button secondary" href="/invoices/${id}/refunds" id="refund">Refund</a>`,
    );
  }
  if (invoice.publicToken) {
    links.push(html`<a href="/i/${invoice.publicToken}" id="customer-page">Customer's page</a>`);
  }
  const customer = invoice.customer;
  const facts: [string, Html | string][] = [
    ["Customer", customerLink(customer)],
    ...(customer && (customer.email || customer.phone)
      ? [["Contact", html`${contactLinks(customer)}`] as [string, Html]]
      : []),
    ...(invoice.issueDate ? [["Issued", format.date(invoice.issueDate)] as [string, string]] : []),
    ...(invoice.dueDate && invoice.status !== "cancelled"
      ? [["Due", format.date(invoice.dueDate)] as [string, string]]
      : []),
    ...(options.workOrder
      ? [["Work order", workOrderLink(options.workOrder)] as [string, Html]]
      : []),
    ...(options.quote ? [["Quote", quoteLink(options.quote)] as [string, Html]] : []),
  ];
  return html`<h1>Invoice ${invoice.number ?? "(draft)"} ${statusBadge(invoice.status, { id: "invoice-status" })}</h1>
<dl class="facts">${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
${invoice.changesRequestedReason && invoice.status === "pending_action" ? html`<p class="warning">Changes requested: ${invoice.changesRequestedReason}</p>` : ""}
${invoice.cancellationReason ? html`<p class="muted">Cancelled: ${invoice.cancellationReason}</p>` : ""}
${Number(invoice.credit) > 0 ? html`<p class="warning" id="credit">The customer has ${format.money(invoice.credit, invoice.currency)} of credit on this invoice: refund it or keep it for their next job.</p>` : ""}
<p class="actions">${links}</p>
${invoiceSummaryView(invoice, format)}
${creditNotesView(details, format, may)}
${invoice.content.memo ? html`<p id="memo"><strong>Memo:</strong> ${invoice.content.memo}</p>` : ""}
${invoiceActionsView(invoice, tenant, details.deliveries, may, options.refused)}
${invoiceHistoryView(details, format, options.actorNames ?? new Map())}`;
}
