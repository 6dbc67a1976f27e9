import { compareMoney, type Quote, type Tenant } from "@remit/core";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { contactLinks } from "./contact-links";
import type { PageFormatters } from "./page-formatters";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The deposit of an approved quote: the "Pay deposit" button when online payment is offered (it
 * posts to `…/deposit`, which sends the customer to the provider's checkout) and what is still to
 * pay; a thank-you once the deposit asked is held. Nothing when no deposit is asked, and nothing
 * before approval (a deposit is taken on an approved quote only).
 */
export function quoteDepositSection(options: {
  quote: Quote;
  tenant: Tenant;
  /** What of the deposit is still to pay (asked less held, at least 0). */
  due: string;
  payOnline: boolean;
  depositAction: string;
  /** Back from the checkout: the payment may still be on its way from the provider. */
  returnedFromCheckout: boolean;
  format: PageFormatters;
}): Html {
  const { quote, tenant, format } = options;
  if (quote.status !== "approved" || quote.depositRequired === null) return html``;
  if (compareMoney(options.due, "0") <= 0) {
    return html`<section class="pay" id="deposit"><strong id="deposit-received">Deposit of ${format.money(quote.depositHeld, quote.currency)} received. Thank you!</strong></section>`;
  }
  const due = format.money(options.due, quote.currency);
  if (options.returnedFromCheckout) {
    return html`<section class="pay" id="deposit"><p class="notice" id="deposit-processing" role="status">Thank you: your deposit payment is being confirmed. This page shows it once it arrives.</p></section>`;
  }
  const button = options.payOnline
    ? html`<form method="post" action="${options.depositAction}"><button id="pay-deposit">Pay deposit of ${due} by card</button></form>`
    : "";
  const contacts = contactLinks(tenant);
  return html`<section class="pay" id="deposit"><h2>Deposit due: ${due}</h2>
${button}
<p>${options.payOnline ? "Or pay" : "Pay"} by check, payable to <strong>${tenant.name}</strong>.
${contacts.length > 0 ? html`Questions: ${contacts.map((link, index) => (index === 0 ? link : html` · ${link}`))}.` : ""}</p></section>`;
}
