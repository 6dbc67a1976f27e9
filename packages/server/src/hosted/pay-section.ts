import type { Invoice, Tenant } from "@remit/core";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { contactLinks } from "./contact-links";
import type { PageFormatters } from "./page-formatters";

/**
 * Whether the page offers online payment: a checkout provider, and the tenant's account with it
 * takes charges and is still connected (an account whose owner revoked the platform's access, as
 * Stripe's `account.application.deauthorized` reports, has `disconnectedAt`).
 */
export function canPayOnline(tenant: Tenant, providerName: string | undefined): boolean {
  const account = providerName === undefined ? undefined : tenant.paymentAccounts[providerName];
  return account?.chargesEnabled === true && account.disconnectedAt === undefined;
}

/**
 * The Pay section: the card button when online payment is offered (it posts to `…/pay`, which
 * sends the customer to the provider's checkout), and payment instructions always; a thank-you
 * once paid; nothing for a cancelled invoice.
 */
export function paySection(options: {
  invoice: Invoice;
  tenant: Tenant;
  payOnline: boolean;
  payAction: string;
  format: PageFormatters;
}): HtmlEscapedString | Promise<HtmlEscapedString> {
  const { invoice, tenant, format } = options;
  if (invoice.status === "cancelled")
    return html`<p class="muted">This invoice was cancelled; nothing is due.</p>`;
  if (invoice.status === "paid")
    return html`<section class="pay" id="pay"><strong>Paid in full. Thank you!</strong></section>`;
  // A written-off invoice still takes money (it lowers what was written off): by check or
  // transfer only, since an online checkout charges the amount due, which is 0 while uncollectible.
  const uncollectible = invoice.status === "uncollectible";
  const due = format.money(
    uncollectible ? invoice.writtenOff : invoice.amountDue,
    invoice.currency,
  );
  const button =
    options.payOnline && !uncollectible
      ? html`<form method="post" action="${options.payAction}"><button id="pay-online">Pay ${due} by card</button></form>`
      : "";
  const contacts = contactLinks(tenant);
  return html`<section class="pay" id="pay"><h2>Pay ${due}</h2>
${button}
<p>By check: make it payable to <strong>${tenant.name}</strong> and write <strong>${invoice.number ?? ""}</strong> on it.
${contacts.length > 0 ? html`Questions: ${contacts.map((link, index) => (index === 0 ? link : html` · ${link}`))}.` : ""}</p></section>`;
}
