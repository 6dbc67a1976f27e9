import type { Invoice, Tenant } from "@remit/core";
import { html } from "hono/html";
import { type Html, money, statusBadge } from "./layout";
import { paySectionView } from "./pay-section-view";

/** The customer's hosted invoice page: the invoice, its status and amount due, Pay, and the PDF. */
export function hostedInvoiceView(invoice: Invoice, tenant: Tenant, payOnline: boolean): Html {
  const lines = invoice.totals.lines.map(
    (
      line,
    ) => html`<tr><td>${line.description || line.kind}</td><td class="num">${line.quantity}</td>
<td class="num">${money(line.unitPrice, invoice.currency)}</td><td class="num">${money(line.total, invoice.currency)}</td></tr>`,
  );
  return html`<p class="muted">${tenant.name}</p>
<h1>Invoice ${invoice.number ?? ""}</h1>
<p>For ${invoice.customer?.name ?? ""} · issued ${invoice.issueDate ?? ""} · due ${invoice.dueDate ?? ""}</p>
<p>${statusBadge(invoice.status, "status")}</p>
<table><thead><tr><th>Item</th><th class="num">Qty</th><th class="num">Price</th><th class="num">Total</th></tr></thead><tbody>${lines}</tbody></table>
<p class="num">Tax ${money(invoice.totals.taxTotal, invoice.currency)} · Total <strong>${money(invoice.total, invoice.currency)}</strong></p>
<p class="num">Paid ${money(invoice.amountPaid, invoice.currency)} · <strong id="amount-due">Amount due ${money(invoice.amountDue, invoice.currency)}</strong></p>
${invoice.content.memo ? html`<p>${invoice.content.memo}</p>` : ""}
${paySectionView(invoice, tenant, payOnline)}
<p><a href="/i/${invoice.publicToken ?? ""}/pdf" id="download-pdf" download>Download PDF</a></p>`;
}
