import type { Tenant } from "@remit/core";
import { html } from "hono/html";
import type { Html } from "./layout";

/**
 * The back office's payment settings: the tenant's Stripe account and its state, with the button
 * that starts (or continues) Stripe's onboarding. Without Stripe settings it says how to turn
 * online payment on.
 */
export function paymentSettingsView(tenant: Tenant, stripeConfigured: boolean): Html {
  if (!stripeConfigured) {
    return html`<h1>Payments</h1><p id="stripe-status">Online payment is off.</p>
<p class="muted">Set <code>STRIPE_SECRET_KEY</code> and <code>STRIPE_WEBHOOK_SECRET</code> and restart
to let customers pay invoices by card. Until then the invoice page gives payment instructions.</p>`;
  }
  const account = tenant.paymentAccounts.stripe;
  const status = !account
    ? "not connected"
    : account.chargesEnabled
      ? "taking payments"
      : account.detailsSubmitted
        ? "waiting for Stripe to review"
        : "onboarding not finished";
  const connectForm = html`<form method="post" action="/settings/payments/stripe/connect">
<fieldset><legend>${account ? "Stripe onboarding" : "Connect Stripe"}</legend>
${
  account
    ? ""
    : html`<label>Email <input type="text" name="email" value="${tenant.email ?? ""}"></label>
<label>Country <input type="text" name="country" value="US" size="2" maxlength="2"></label>
<label>Business name <input type="text" name="businessName" value="${tenant.name}"></label>`
}
<button id="connect-stripe">${account ? "Continue on Stripe" : "Connect Stripe"}</button></fieldset></form>`;
  return html`<h1>Payments</h1>
<p>Stripe account: <span class="status" id="stripe-status">${status}</span>
${account ? html`<span class="muted">${account.accountId}</span>` : ""}</p>
${
  account?.chargesEnabled
    ? html`<p>Customers see a card button on their invoice page.</p>`
    : html`<p class="muted">Once Stripe lets the account take charges, customers see a card button on their invoice page.</p>`
}
${account?.chargesEnabled ? "" : connectForm}`;
}
