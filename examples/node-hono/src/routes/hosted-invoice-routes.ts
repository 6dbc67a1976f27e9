import type { PaymentProvider, Remit } from "@remit/core";
import { Hono } from "hono";
import { renderInvoicePdfFor } from "../invoice-pdf";
import { hostedInvoiceView } from "../views/hosted-invoice-view";
import { page } from "../views/layout";
import { canPayOnline } from "../views/pay-section-view";

/** What the hosted page needs beyond Remit. */
export type HostedInvoiceOptions = {
  /**
   * The provider behind the Pay button (`createStripePayments(...)` from `@remit/adapter-stripe`).
   * The button shows when the tenant's account with it (`paymentAccounts[provider.name]`) can take
   * charges; without a provider the page offers payment instructions only.
   */
  checkoutProvider?: PaymentProvider;
  /** This server's public origin, for the checkout's return links. */
  publicUrl?: string;
};

// The token is the only key to the page: keep it out of Referer headers, caches and search engines.
const privateHeaders = {
  "referrer-policy": "no-referrer",
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex",
};

/**
 * The customer's side, reached only through an invoice's unguessable public token: the hosted page
 * (`/i/:token`), its PDF (`/i/:token/pdf`), and the Pay button's target (`POST /i/:token/pay`).
 */
export function hostedInvoiceRoutes(remit: Remit, options: HostedInvoiceOptions = {}) {
  const routes = new Hono();
  const provider = options.checkoutProvider;
  const load = async (token: string) => {
    const invoice = await remit.invoices.getByPublicToken({ token });
    const tenant = await remit.tenants.get({
      tenantId: invoice.tenantId,
      actor: { type: "system" },
    });
    return {
      invoice,
      tenant,
      payOnline: canPayOnline(tenant, provider?.createCheckout && provider.name),
    };
  };

  routes.get("/:token", async (context) => {
    const { invoice, tenant, payOnline } = await load(context.req.param("token"));
    const body = hostedInvoiceView(invoice, tenant, payOnline);
    return context.html(
      page({ title: `Invoice ${invoice.number ?? ""} from ${tenant.name}`, body, hosted: true }),
      200,
      privateHeaders,
    );
  });

  routes.get("/:token/pdf", async (context) => {
    const invoice = await remit.invoices.getByPublicToken({ token: context.req.param("token") });
    const response = await renderInvoicePdfFor(remit, invoice, "attachment");
    for (const [name, value] of Object.entries(privateHeaders)) response.headers.set(name, value);
    return response;
  });

  // The Stripe Checkout hook: starts a checkout for the amount due and sends the customer there.
  // Stripe's webhook (handled by @remit/adapter-stripe) then records the payment.
  routes.post("/:token/pay", async (context) => {
    const token = context.req.param("token");
    const { invoice, tenant, payOnline } = await load(token);
    const payable = invoice.status === "pending_payment" || invoice.status === "past_due";
    if (!payOnline || !payable || !provider?.createCheckout)
      return context.redirect(`/i/${token}`, 303);
    const origin = options.publicUrl ?? new URL(context.req.url).origin;
    const pageUrl = `${origin}/i/${encodeURIComponent(token)}`;
    const checkout = await provider.createCheckout({
      invoice,
      tenant,
      amount: invoice.amountDue,
      successUrl: `${pageUrl}?paid=1`,
      cancelUrl: pageUrl,
    });
    return context.redirect(checkout.url, 303);
  });
  return routes;
}
