import type { Quote, Tenant } from "@remit/core";
import { html, raw } from "hono/html";
import { contactLinks } from "./contact-links";
import { hostedPageStyle } from "./hosted-page-style";
import { createPageFormatters } from "./page-formatters";
import { hasExpired, type QuoteFormError, quoteAnswerSection } from "./quote-answer-section";
import { quoteDepositSection } from "./quote-deposit-section";
import { quoteStatusBadge, quoteStatusBadgeStyles } from "./quote-status-badge";
import { quoteSummaryView } from "./quote-summary-view";

/** Everything the customer's quote page shows; the page is a pure function of it. */
export type HostedQuotePageData = {
  quote: Quote;
  tenant: Tenant;
  /** Today in the tenant's zone: a quote past its last day reads expired, with no forms. */
  today: string;
  /** The day an instant falls on in the tenant's zone (`localDateAt`). */
  dayOf: (instant: string) => string;
  /** What of the deposit is still to pay (asked less held, at least 0). */
  depositDue: string;
  /** Whether "Pay deposit" is offered (a checkout provider and a connected account). */
  payOnline: boolean;
  /** The page's own path (`/q/<token>` under the public URL's path): its forms post here. */
  pagePath: string;
  /** Back from the deposit checkout (`?deposit=1`). */
  returnedFromCheckout?: boolean;
  /** A refused answer, shown beside its form with the customer's input asked again. */
  formError?: QuoteFormError;
};

// Forms on the quote page: fields as wide as the page, the decline button quieter than approve.
const quoteFormStyle = `${quoteStatusBadgeStyles}
label{font-weight:600}input,textarea{font:inherit;width:100%;max-width:28rem;padding:.4rem;border:1px solid #6b7280;border-radius:.3rem;box-sizing:border-box}
.answer{margin:1rem 0}.answer form{margin:.5rem 0}details{margin-top:1rem}summary{cursor:pointer;color:var(--remit-accent)}
.field-error{color:#8a1c12;font-weight:600}button.secondary{background:#fff;color:#8a1c12;border:1px solid #8a1c12}`;

/**
 * The customer's hosted quote page as HTML: the tenant's logo, colors and contacts, the quote's
 * title, status, expiry date, lines, taxes and total, the deposit asked and paid, and the answer
 * forms (approve with a typed name, decline with a reason) or what became of the quote. One
 * function of its data, with no I/O.
 */
export function renderHostedQuotePage(data: HostedQuotePageData): string {
  const { quote, tenant, pagePath, today } = data;
  const format = createPageFormatters(tenant.locale);
  const logo = tenant.branding?.logoUrl
    ? html`<img src="${tenant.branding.logoUrl}" alt="${tenant.name}" id="logo">`
    : "";
  const title = `Quote: ${quote.title} from ${tenant.name}`;
  const status = hasExpired(quote, today) ? "expired" : quote.status;
  const tenantContacts = contactLinks(tenant);
  const facts = [
    ["Sent", format.date(quote.sentAt ? data.dayOf(quote.sentAt) : null)],
    ...(quote.expiresOn ? [["Valid until", format.date(quote.expiresOn)]] : []),
  ].map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`);
  const body = html`<!doctype html>
<html lang="${format.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${raw(hostedPageStyle(tenant.branding))}${raw(quoteFormStyle)}</style></head>
<body><header>${logo}<div><p class="from">${tenant.name}</p>
${tenantContacts.length > 0 ? html`<p class="muted contacts">${tenantContacts.map((link, index) => (index === 0 ? link : html` · ${link}`))}</p>` : ""}</div></header>
<main><h1>Quote: ${quote.title} ${quoteStatusBadge(status)}</h1>
<div class="parties"><section aria-labelledby="prepared-for"><h2 id="prepared-for">Prepared for</h2>
<p>${quote.customer.name}${contactLinks(quote.customer).map((link) => html`<br>${link}`)}</p></section>
<dl class="facts">${facts}</dl></div>
${quoteSummaryView(quote, format)}
${quote.content.memo ? html`<section aria-labelledby="notes"><h2 id="notes">Notes</h2><p class="memo">${quote.content.memo}</p></section>` : ""}
${quoteAnswerSection({
  quote,
  today,
  pagePath,
  format,
  tenantName: tenant.name,
  dayOf: data.dayOf,
  formError: data.formError,
})}
${quoteDepositSection({
  quote,
  tenant,
  due: data.depositDue,
  payOnline: data.payOnline,
  depositAction: `${pagePath}/deposit`,
  returnedFromCheckout: data.returnedFromCheckout ?? false,
  format,
})}</main></body></html>`;
  return body.toString();
}
