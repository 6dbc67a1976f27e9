import type { InvoiceDetails, Tenant } from "@remit/core";
import { html } from "hono/html";
import type { Permission } from "../auth/roles";
import { invoiceActionsView } from "./invoice-actions-view";
import { invoiceHistoryView } from "./invoice-history-view";
import { type Html, money, statusBadge } from "./layout";

/** The back office's page for one invoice: where it stands, its lines, the forms to act, its history. */
export function invoiceDetailView(
  details: InvoiceDetails,
  tenant: Tenant,
  paymentKey: string,
  may: (permission: Permission) => boolean,
): Html {
  const { invoice } = details;
  const lines = invoice.totals.lines.map(
    (
      line,
    ) => html`<tr><td>${line.description || line.kind}</td><td class="num">${line.quantity}</td>
<td class="num">${money(line.unitPrice, invoice.currency)}</td><td class="num">${money(line.total, invoice.currency)}</td></tr>`,
  );
  const links = [
    html`<a href="/invoices/${invoice.id}/pdf">PDF</a>`,
    invoice.publicToken
      ? html` · <a href="/i/${invoice.publicToken}" id="customer-page">customer page</a>`
      : "",
    invoice.workOrderId ? html` · work order <code>${invoice.workOrderId}</code>` : "",
  ];
  return html`<h1>Invoice ${invoice.number ?? "(draft)"} ${statusBadge(invoice.status, "invoice-status")}</h1>
<p>${invoice.customer?.name ?? "No customer"} · version ${invoice.version} · revision ${invoice.revision}
${invoice.dueDate ? html` · due ${invoice.dueDate}` : ""}</p>
${invoice.changesRequestedReason && invoice.status === "pending_action" ? html`<p class="error">Changes requested: ${invoice.changesRequestedReason}</p>` : ""}
${invoice.cancellationReason ? html`<p class="muted">Cancelled: ${invoice.cancellationReason}</p>` : ""}
<p>${links}</p>
<table><thead><tr><th>Item</th><th class="num">Qty</th><th class="num">Price</th><th class="num">Total</th></tr></thead><tbody>${lines}</tbody></table>
<p class="num">Tax ${money(invoice.totals.taxTotal, invoice.currency)} · Total <strong>${money(invoice.total, invoice.currency)}</strong>
· Paid ${money(invoice.amountPaid, invoice.currency)} · <strong id="amount-due">Due ${money(invoice.amountDue, invoice.currency)}</strong></p>
${invoice.content.memo ? html`<p id="memo">Memo: ${invoice.content.memo}</p>` : ""}
${invoiceActionsView(invoice, tenant, paymentKey, may)}
${invoiceHistoryView(details)}`;
}
