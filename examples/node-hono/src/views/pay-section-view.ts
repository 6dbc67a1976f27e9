import type { Invoice, Tenant } from "@remit/core";
import { html } from "hono/html";
import { type Html, money } from "./layout";

/**
 * The Stripe Checkout button: shown when the app was given a checkout provider (`createApp(remit,
 * { stripe })` with `createStripePayments(...)`, or `{ checkoutProvider }`) and the tenant's Stripe
 * account can take charges. It posts to `/i/:token/pay`, which sends the customer to Checkout.
 */
export function stripeCheckoutButtonView(invoice: Invoice): Html {
  return html`<form method="post" action="/i/${invoice.publicToken ?? ""}/pay">
<button id="pay-online">Pay ${money(invoice.amountDue, invoice.currency)} by card</button></form>`;
}

/** Whether the hosted page offers online payment for this tenant. */
export function canPayOnline(tenant: Tenant, providerName: string | undefined): boolean {
  return (
    providerName !== undefined && tenant.paymentAccounts[providerName]?.chargesEnabled === true
  );
}

/**
 * The hosted page's Pay section: online payment when offered, and payment instructions (check or
 * bank transfer) always; a thank-you once paid; nothing for a cancelled invoice.
 */
export function paySectionView(invoice: Invoice, tenant: Tenant, payOnline: boolean): Html {
  if (invoice.status === "cancelled")
    return html`<p class="muted">This invoice was cancelled; nothing is due.</p>`;
  if (invoice.status === "paid")
    return html`<section class="pay" id="pay"><strong>Paid in full. Thank you!</strong></section>`;
  return html`<section class="pay" id="pay"><h2>Pay ${money(invoice.amountDue, invoice.currency)}</h2>
${payOnline ? stripeCheckoutButtonView(invoice) : ""}
<p>By check: make it payable to <strong>${tenant.name}</strong> and write <strong>${invoice.number ?? ""}</strong> on it.
${tenant.email || tenant.phone ? html`Questions: ${[tenant.email, tenant.phone].filter(Boolean).join(" · ")}.` : ""}</p></section>`;
}
