import { type Invoice, invoiceStatuses } from "@remit/core";
import { html } from "hono/html";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { customerLink, invoiceLink } from "./record-links";
import { statusBadge, statusLabel } from "./status-badge";

/** Issued invoices waiting for payment: those "Send selected" can send. */
const sendable = new Set(["pending_payment", "past_due"]);

/** The "Send selected" button's form; the rows' checkboxes belong to it (`form=`). */
const batchForm = html`<form method="post" action="/batches/send-invoices" id="send-selected" class="actions">
<button id="send-selected-button">Send selected</button> <span class="muted">Emails the checked invoices to their customers.</span></form>`;

/** A row's checkbox for "Send selected": only issued invoices. */
function selectBox(invoice: Invoice): Html | string {
  if (!sendable.has(invoice.status)) return "";
  return html`<input type="checkbox" name="ids" value="${invoice.id}" form="send-selected" aria-label="Select invoice ${invoice.number ?? "draft"}">`;
}

/** The back office's invoice list: filters by status and a search box, one row per invoice. */
export function invoiceListView(options: {
  invoices: Invoice[];
  status: string | undefined;
  search: string | undefined;
  nextCursor: string | null;
  format: Formatters;
  /** Whether the caller may "Send selected": then issued rows get a checkbox. */
  batch?: boolean;
}): Html {
  const batch = options.batch ?? false;
  const { format } = options;
  const filters = ["", ...invoiceStatuses].map((value) => {
    const words = value ? statusLabel(value) : "All";
    return value === (options.status ?? "")
      ? html`<strong aria-current="page">${words}</strong>`
      : html`<a href="/invoices${value ? `?status=${value}` : ""}">${words}</a>`;
  });
  const rows = options.invoices.map(
    (invoice) => html`<tr data-invoice-id="${invoice.id}" data-status="${invoice.status}">
${batch ? html`<td>${selectBox(invoice)}</td>` : ""}<td>${invoiceLink(invoice)}</td><td>${customerLink(invoice.customer)}</td><td>${statusBadge(invoice.status)}</td>
<td class="num">${format.money(invoice.total, invoice.currency)}</td><td class="num">${invoice.status === "cancelled" ? "" : format.money(invoice.amountDue, invoice.currency)}</td>
<td>${format.date(invoice.dueDate)}</td></tr>`,
  );
  const more = options.nextCursor
    ? html`<p><a href="/invoices?${new URLSearchParams({
        ...(options.status ? { status: options.status } : {}),
        ...(options.search ? { search: options.search } : {}),
        cursor: options.nextCursor,
      }).toString()}">Next page</a></p>`
    : "";
  const filtered = Boolean(options.status || options.search);
  return html`<h1>Invoices</h1>
<p class="actions"><a class="button" href="/invoices/new" id="new-invoice">New invoice</a></p>
<nav class="filters" aria-label="Filter by status">${filters}</nav>
<form method="get" action="/invoices" role="search">${options.status ? html`<input type="hidden" name="status" value="${options.status}">` : ""}
<label for="search">Search</label><input type="search" id="search" name="search" value="${options.search ?? ""}" placeholder="Number or customer"> <button class="secondary">Search</button></form>
${
  rows.length > 0
    ? html`${batch ? batchForm : ""}<div class="scroll"><table><thead><tr>${batch ? html`<th>Select</th>` : ""}<th>Number</th><th>Customer</th><th>Status</th><th class="num">Total</th><th class="num">Amount due</th><th>Due date</th></tr></thead>
<tbody>${rows}</tbody></table></div>${more}`
    : html`<p class="empty" id="empty">${filtered ? "No invoices match. Try another status or search." : "No invoices yet. Create one, or complete a work order and review its invoice."}</p>`
}`;
}
