import { formatMoney } from "@remit/core";
import { html } from "hono/html";
import type Stripe from "stripe";
import { type Html, page } from "../views/layout";
import { toDecimalAmount } from "./to-decimal-amount";

/** Said on every test-checkout page, in its title and its banner. */
export const testModeLabel = "Test mode: no real money";

function amountOf(session: Stripe.Checkout.Session): string {
  const currency = (session.currency ?? "usd").toUpperCase();
  return formatMoney(toDecimalAmount(session.amount_total ?? 0, currency), currency, "en-US");
}

const banner = html`<p class="test-mode" id="test-mode-banner" role="note">${testModeLabel}. This page stands in for Stripe Checkout in the demo: no card is asked for and nothing is charged. A server with Stripe keys sends customers to Stripe instead.</p>`;

/**
 * The demo's stand-in for Stripe Checkout: labelled as a test in its title and banner, the amount,
 * and a "Pay (test)" button that completes the session at the fake Stripe.
 */
export function testCheckoutPage(options: {
  session: Stripe.Checkout.Session;
  description: string | null;
  action: string;
}): Html {
  const { session } = options;
  const amount = amountOf(session);
  return page({
    title: `${testModeLabel} · Pay ${amount}`,
    nav: false,
    body: html`${banner}
<h1>Pay ${amount}</h1>
<p>${options.description ?? "Invoice"}${session.customer_email ? html` · receipt to ${session.customer_email}` : ""}</p>
<form method="post" action="${options.action}"><button id="pay-test">Pay (test)</button></form>
${session.cancel_url ? html`<p><a href="${session.cancel_url}">Cancel and go back to the invoice</a></p>` : ""}`,
  });
}

/** A session that can no longer be paid here (expired while the customer looked). */
export function closedTestCheckoutPage(session: Stripe.Checkout.Session): Html {
  return page({
    title: `${testModeLabel} · Checkout closed`,
    nav: false,
    body: html`${banner}
<h1>This checkout is closed</h1>
<p>It ${session.status === "expired" ? "expired, or the invoice changed since it was opened" : "cannot be paid"}. Go back to the invoice and press Pay again.</p>
${session.cancel_url ? html`<p><a href="${session.cancel_url}">Back to the invoice</a></p>` : ""}`,
  });
}

/** The payment went through at the fake Stripe but the example's webhook refused its event. */
export function undeliveredTestCheckoutPage(session: Stripe.Checkout.Session): Html {
  return page({
    title: `${testModeLabel} · Not recorded`,
    nav: false,
    error: "The test payment was made, but the webhook did not record it: see the server's log.",
    body: html`${banner}
<h1>Payment not recorded</h1>
${session.cancel_url ? html`<p><a href="${session.cancel_url}">Back to the invoice</a></p>` : ""}`,
  });
}
