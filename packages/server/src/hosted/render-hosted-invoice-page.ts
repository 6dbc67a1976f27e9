import type { Invoice, Tenant } from "@remit/core";
import { html, raw } from "hono/html";
import { contactLinks } from "./contact-links";
import { hostedPageStyle } from "./hosted-page-style";
import { invoiceSummaryView } from "./invoice-summary-view";
import { createPageFormatters } from "./page-formatters";
import { paySection } from "./pay-section";
import { statusBadge } from "./status-badge";

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
 * The customer's hosted invoice page as HTML: the tenant's logo, colors, contacts and locale, the
 * invoice's status in the PDF's words, the lines and totals laid out as the PDF prints them, the
 * Pay section and the PDF link. One function of its data, with no I/O, so the same data always
 * gives the same bytes (a cache can keep them by token).
 */
export function renderHostedInvoicePage(data: HostedInvoicePageData): string {
  const { invoice, tenant, pagePath } = data;
  const format = createPageFormatters(tenant.locale);
  const logo = tenant.branding?.logoUrl
    ? html`<img src="${tenant.branding.logoUrl}" alt="${tenant.name}" id="logo">`
    : "";
  const title = `Invoice ${invoice.number ?? ""} from ${tenant.name}`;
  const customer = invoice.customer;
  // A cancelled invoice asks for nothing: it says so first, with no amount due and no Pay section.
  const cancelled = invoice.status === "cancelled";
  const tenantContacts = contactLinks(tenant);
  const facts = [
    ["Invoice number", invoice.number ?? ""],
    ["Issued", format.date(invoice.issueDate)],
    ...(cancelled ? [] : [["Due", format.date(invoice.dueDate)]]),
  ].map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`);
  const body = html`<!doctype html>
<html lang="${format.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${raw(hostedPageStyle(tenant.branding))}</style></head>
<body><header>${logo}<div><p class="from">${tenant.name}</p>
${tenantContacts.length > 0 ? html`<p class="muted contacts">${tenantContacts.map((link, index) => (index === 0 ? link : html` · ${link}`))}</p>` : ""}</div></header>
<main><h1>Invoice ${invoice.number ?? ""} ${statusBadge(invoice.status)}</h1>
${cancelled ? html`<p class="error" id="cancelled" role="status">This invoice was cancelled: nothing is due.</p>` : ""}
<div class="parties"><section aria-labelledby="bill-to"><h2 id="bill-to">Bill to</h2>
<p>${customer?.name ?? ""}${customer ? contactLinks(customer).map((link) => html`<br>${link}`) : ""}</p></section>
<dl class="facts">${facts}</dl></div>
${invoiceSummaryView(invoice, format)}
${invoice.content.memo ? html`<section aria-labelledby="notes"><h2 id="notes">Notes</h2><p class="memo">${invoice.content.memo}</p></section>` : ""}
${cancelled ? "" : paySection({ invoice, tenant, payOnline: data.payOnline, payAction: `${pagePath}/pay`, format })}
<p><a href="${pagePath}/pdf" id="download-pdf" download>Download PDF</a></p></main></body></html>`;
  return body.toString();
}
