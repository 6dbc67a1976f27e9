import type { Customer, Quote } from "@remit/core";
import { html } from "hono/html";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import { selectField, textField } from "./form-fields";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { invoiceSummaryView } from "./invoice-summary-view";
import { linesEditorView } from "./lines-editor-view";
import { customerLink, quoteLink } from "./record-links";
import { statusBadge } from "./status-badge";

/** Every quote status. */
export const quoteStatuses = ["draft", "sent", "approved", "declined", "expired"] as const;

/** The quotes: one row each, by title, with its customer, status and total. */
export function quoteListView(quotes: Quote[], format: Formatters): Html {
  const rows = quotes.map(
    (quote) =>
      html`<tr data-status="${quote.status}"><td>${quoteLink(quote)}</td><td>${customerLink(quote.customer)}</td><td>${statusBadge(quote.status, { kind: "other" })}</td><td class="num">${format.money(quote.totals.total, quote.currency)}</td></tr>`,
  );
  return html`<h1>Quotes</h1>
<p class="actions"><a class="button" href="/quotes/new" id="new-quote">New quote</a></p>
${rows.length > 0 ? html`<table><thead><tr><th>Quote</th><th>Customer</th><th>Status</th><th class="num">Total</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="empty" id="empty">No quotes yet.</p>`}`;
}

/** One quote: its lines and totals as the invoice will show them, and its next moves. */
export function quoteDetailView(
  quote: Quote,
  format: Formatters,
  workOrder?: { id: string; title: string },
): Html {
  const action = `/quotes/${encodeURIComponent(quote.id)}`;
  const hidden = (move: string) =>
    html`<input type="hidden" name="move" value="${move}"><input type="hidden" name="version" value="${quote.version}">`;
  const forms: Html[] = [];
  if (quote.status === "draft" || quote.status === "sent") {
    // Sends the quote's link by the channels ticked; "Mark as sent" records a quote handed over.
    forms.push(html`<fieldset id="send"><legend>Send to the customer</legend>
<form method="post" action="${action}">${hidden("send")}<p><label class="check"><input type="checkbox" name="channels" value="email" checked> Email</label>
<label class="check"><input type="checkbox" name="channels" value="sms"> Text message</label>
<button id="send-quote">${quote.status === "sent" ? "Send again" : "Send"}</button></p></form>
${quote.status === "draft" ? html`<form class="inline" method="post" action="${action}">${hidden("send")}<button class="secondary" id="mark-quote-sent">Mark as sent (handed over)</button></form>` : ""}</fieldset>`);
  }
  if (quote.status === "sent") {
    forms.push(
      html`<form method="post" action="${action}">${hidden("approve")}<label for="approvedBy">Approved by</label><input type="text" id="approvedBy" name="approvedBy" value="${quote.customer.name}"> <button>Record approval</button></form>`,
    );
    forms.push(
      html`<form method="post" action="${action}">${hidden("decline")}<label for="decline-reason">Why declined</label><input type="text" id="decline-reason" name="reason"> <button class="danger">Record decline</button></form>`,
    );
  }
  if (quote.status === "approved" && !quote.workOrderId)
    forms.push(
      html`<form class="inline" method="post" action="${action}">${hidden("convert")}<button>Create the work order</button></form>`,
    );
  const summary = {
    status: "pending_action",
    currency: quote.currency,
    totals: quote.totals,
    amountPaid: "0",
    amountDue: quote.totals.total,
    credit: "0",
  };
  return html`<h1>${quote.title} ${statusBadge(quote.status, { kind: "other", id: "quote-status" })}</h1>
<p>${customerLink(quote.customer)}${quote.expiresOn ? ` · valid until ${format.date(quote.expiresOn)}` : ""}${workOrder ? html` · work order <a href="/work-orders/${encodeURIComponent(workOrder.id)}">${workOrder.title}</a>` : ""}</p>
${invoiceSummaryView(summary, format, { payments: false })}
${forms.length > 0 ? html`<section aria-labelledby="quote-actions"><h2 id="quote-actions">Actions</h2>${forms}</section>` : ""}`;
}

/** "New quote": customer, title, lines. Posts to its own URL. */
export function quoteFormView(options: {
  customers: readonly Customer[];
  values: { customerId?: string; title?: string; memo?: string };
  rows: readonly EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  fields?: FieldErrors;
}): Html {
  return html`<h1>New quote</h1>
<form method="post" action="/quotes/new" novalidate>
${selectField({ name: "customerId", label: "Customer", value: options.values.customerId, choices: [["", "Choose a customer"], ...options.customers.map((customer) => [customer.id, customer.name] as const)], errors: options.fields })}
${textField({ name: "title", label: "Title", value: options.values.title, errors: options.fields, required: true })}
<fieldset><legend>Lines</legend>${linesEditorView({ rows: options.rows, errors: options.rowErrors ?? {}, memo: options.values.memo, memoLabel: "Memo (printed on the quote)" })}</fieldset>
<p class="actions"><button id="create-quote">Create quote</button> <a href="/quotes">Cancel</a></p></form>`;
}
