import type { Quote } from "@remit/core";
import { html } from "hono/html";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { invoiceSummaryView } from "./invoice-summary-view";
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

/** The statuses `remit.quotes.revise` accepts: before the customer decides. */
export const revisableQuoteStatuses: ReadonlySet<Quote["status"]> = new Set(["draft", "sent"]);

/**
 * One quote: its lines and totals as the invoice will show them, and its next moves, with
 * "Revise" while its status allows a revision and `mayRevise` (the caller's role may revise it).
 */
export function quoteDetailView(
  quote: Quote,
  format: Formatters,
  options: { workOrder?: { id: string; title: string } | undefined; mayRevise: boolean },
): Html {
  const { workOrder } = options;
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
  if (options.mayRevise && revisableQuoteStatuses.has(quote.status)) {
    // The deposit the hosted quote page asks for once the customer approves; empty asks none.
    forms.push(html`<fieldset id="deposit"><legend>Deposit asked on approval</legend>
<form method="post" action="${action}">${hidden("deposit")}<p><label for="depositRequired">Amount (${quote.currency})</label> <input type="text" inputmode="decimal" id="depositRequired" name="depositRequired" value="${quote.depositRequired ?? ""}" aria-describedby="deposit-hint"> <button class="secondary" id="save-deposit">Save deposit</button></p>
<p class="muted" id="deposit-hint">Leave it empty to ask for no deposit. At most the quote's total.</p></form></fieldset>`);
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
  const revise =
    options.mayRevise && revisableQuoteStatuses.has(quote.status)
      ? html`<p class="actions"><a class="button secondary" id="revise-quote" href="${action}/revise">Revise</a></p>`
      : "";
  const summary = {
    status: "pending_action",
    currency: quote.currency,
    totals: quote.totals,
    amountPaid: "0",
    amountDue: quote.totals.total,
    credit: "0",
  };
  return html`<h1>${quote.title} ${statusBadge(quote.status, { kind: "other", id: "quote-status" })}</h1>
<p>${customerLink(quote.customer)} · revision ${quote.revision}${quote.expiresOn ? ` · valid until ${format.date(quote.expiresOn)}` : ""}${workOrder ? html` · work order <a href="/work-orders/${encodeURIComponent(workOrder.id)}">${workOrder.title}</a>` : ""}</p>
<p id="quote-deposit">${quote.depositRequired ? `Deposit asked: ${format.money(quote.depositRequired, quote.currency)} · held: ${format.money(quote.depositHeld, quote.currency)}` : "No deposit asked"}${quote.publicToken ? html` · <a href="/q/${encodeURIComponent(quote.publicToken)}" id="customer-quote-page">Customer's page</a>` : ""}</p>
${revise}
${invoiceSummaryView(summary, format, { payments: false })}
${forms.length > 0 ? html`<section aria-labelledby="quote-actions"><h2 id="quote-actions">Actions</h2>${forms}</section>` : ""}`;
}
