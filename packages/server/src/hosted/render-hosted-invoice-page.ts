import type { Invoice, Tenant } from "@remit/core";
import { html, raw } from "hono/html";
import { hostedPageStyle } from "./hosted-page-style";
import { createPageFormatters } from "./page-formatters";
import { paySection } from "./pay-section";

/** Everything the customer's invoice page shows; the page is a pure function of it. */
export type HostedInvoicePageData = {
  invoice: Invoice;
  tenant: Tenant;
  /** Whether the Pay button is offered (see `canPayOnline`). */
  payOnline: boolean;
  /** The page's own path (`/i/<token>` under the public URL's path): its links start here. */
  pagePath: string;
};

/**
 * The customer's hosted invoice page as HTML: the tenant's logo, colors and locale, the invoice,
 * its status and amount due, the Pay section and the PDF link. One function of its data, with no
 * I/O, so the same data always gives the same bytes (a cache can keep them by token).
 */
export function renderHostedInvoicePage(data: HostedInvoicePageData): string {
  const { invoice, tenant, pagePath } = data;
  const format = createPageFormatters(tenant.locale);
  const money = (amount: string) => format.money(amount, invoice.currency);
  const lines = invoice.totals.lines.map(
    (line) =>
      html`<tr><td>${line.description || line.kind}</td><td class="num">${line.quantity}</td>
<td class="num">${money(line.unitPrice)}</td><td class="num">${money(line.total)}</td></tr>`,
  );
  const logo = tenant.branding?.logoUrl
    ? html`<img src="${tenant.branding.logoUrl}" alt="${tenant.name}" id="logo">`
    : "";
  const title = `Invoice ${invoice.number ?? ""} from ${tenant.name}`;
  // A cancelled invoice asks for nothing: it says so first, with no amount due and no Pay section.
  const cancelled = invoice.status === "cancelled";
  // Credit notes lower what is owed, and credit is money the customer has with the tenant: both
  // shown when there is any (invoices stored before 0.3 have no credit-note total).
  const credited = !/^0+(\.0+)?$/.test(invoice.creditNoteTotal ?? "0");
  const hasCredit = !/^0+(\.0+)?$/.test(invoice.credit);
  const body = html`<!doctype html>
<html lang="${format.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${raw(hostedPageStyle(tenant.branding))}</style></head>
<body><header>${logo}<p class="muted">${tenant.name}</p></header>
<h1>Invoice ${invoice.number ?? ""}</h1>
<p>For ${invoice.customer?.name ?? ""} · issued ${format.date(invoice.issueDate)} · due ${format.date(invoice.dueDate)}</p>
<p><span class="status" id="status">${invoice.status}</span></p>
${cancelled ? html`<p class="error" id="cancelled">This invoice was cancelled; nothing is due.</p>` : ""}
<table><thead><tr><th>Item</th><th class="num">Qty</th><th class="num">Price</th><th class="num">Total</th></tr></thead><tbody>${lines}</tbody></table>
<p class="num">Tax ${money(invoice.totals.taxTotal)} · Total <strong>${money(invoice.total)}</strong></p>
${credited ? html`<p class="num" id="credit-notes">Credit notes −${money(invoice.creditNoteTotal)}</p>` : ""}
${hasCredit ? html`<p class="num" id="credit">Credit ${money(invoice.credit)}</p>` : ""}
${
  cancelled
    ? ""
    : html`<p class="num">Paid ${money(invoice.amountPaid)} · <strong id="amount-due">Amount due ${money(invoice.amountDue)}</strong></p>`
}
${invoice.content.memo ? html`<p>${invoice.content.memo}</p>` : ""}
${cancelled ? "" : paySection({ invoice, tenant, payOnline: data.payOnline, payAction: `${pagePath}/pay`, format })}
<p><a href="${pagePath}/pdf" id="download-pdf" download>Download PDF</a></p></body></html>`;
  return body.toString();
}
