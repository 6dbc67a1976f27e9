import { type Invoice, invoiceStatuses } from "@remit/core";
import { html } from "hono/html";
import { type Html, money, statusBadge } from "./layout";

/** The back office's invoice list: filters by status and a search box, one row per invoice. */
export function invoiceListView(options: {
  invoices: Invoice[];
  status: string | undefined;
  search: string | undefined;
  nextCursor: string | null;
}): Html {
  const filters = ["", ...invoiceStatuses].map((value) =>
    value === (options.status ?? "")
      ? html`<strong>${value || "all"}</strong>`
      : html`<a href="/${value ? `?status=${value}` : ""}">${value || "all"}</a>`,
  );
  const rows = options.invoices.map(
    (invoice) => html`<tr data-invoice-id="${invoice.id}" data-status="${invoice.status}">
<td><a href="/invoices/${invoice.id}">${invoice.number ?? "(draft)"}</a></td>
<td>${invoice.customer?.name ?? ""}</td><td>${statusBadge(invoice.status)}</td>
<td class="num">${money(invoice.total, invoice.currency)}</td><td class="num">${money(invoice.amountDue, invoice.currency)}</td>
<td>${invoice.dueDate ?? ""}</td>
<td>${invoice.publicToken ? html`<a href="/i/${invoice.publicToken}">customer page</a>` : ""}</td></tr>`,
  );
  const more = options.nextCursor
    ? html`<p><a href="/?${new URLSearchParams({
        ...(options.status ? { status: options.status } : {}),
        ...(options.search ? { search: options.search } : {}),
        cursor: options.nextCursor,
      }).toString()}">Next page</a></p>`
    : "";
  return html`<h1>Invoices</h1>
<p>${filters.map((filter, index) => (index === 0 ? filter : html` · ${filter}`))}</p>
<form method="get" action="/">${options.status ? html`<input type="hidden" name="status" value="${options.status}">` : ""}
<input type="search" name="search" value="${options.search ?? ""}" placeholder="Number or customer" aria-label="Search"> <button>Search</button></form>
<table><thead><tr><th>Number</th><th>Customer</th><th>Status</th><th class="num">Total</th><th class="num">Due</th><th>Due date</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>${more}`;
}
