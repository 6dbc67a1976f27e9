import type { StripePayments } from "@remit/adapter-stripe";
import type { Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { connectStripeFormSchema, receiptSettingsFormSchema } from "../forms/back-office-forms";
import { parseForm } from "../forms/parse-form";
import { remitContext, signedInOf } from "../request-context";
import { page } from "../views/layout";
import { paymentSettingsView } from "../views/payment-settings-view";
import { receiptSettingsView } from "../views/receipt-settings-view";

/**
 * The back office's payment settings and Stripe Connect onboarding:
 *
 * - `GET /settings/payments`: the tenant's Stripe account and its state.
 * - `POST /settings/payments/stripe/connect` ("Connect Stripe"): creates the tenant's connected
 *   account (or finds it) and sends the contractor to Stripe's onboarding.
 * - `GET /settings/payments/stripe/refresh`: Stripe sends the contractor here when the onboarding
 *   link expired; a new link, and back to Stripe.
 * - `GET /settings/payments/stripe/return`: back from Stripe; reads the account's state onto the
 *   tenant (`account.updated` webhooks keep it current afterwards).
 */
export function backOfficePaymentSettings(
  remit: Remit,
  options: {
    stripe?: StripePayments | undefined;
    publicUrl?: string | (() => string) | undefined;
  },
) {
  const { stripe } = options;
  const routes = new Hono();

  routes.get("/settings/payments", async (context) => {
    const tenant = await remit.tenants.get(remitContext(context));
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Payments",
        body: html`${paymentSettingsView(tenant, stripe !== undefined)}${receiptSettingsView(tenant)}`,
        notice: context.req.query("notice"),
      }),
    );
  });
  // Receipts go out on the channels the tenant ticks (Remit's outbox sends them).
  routes.post("/settings/receipts", async (context) => {
    const { receiptChannels } = await parseForm(context, receiptSettingsFormSchema);
    const tenant = await remit.tenants.get(remitContext(context));
    // Saved only when it changes: the same form sent twice writes nothing.
    const same =
      tenant.receiptChannels.length === receiptChannels.length &&
      receiptChannels.every((channel) => tenant.receiptChannels.includes(channel));
    if (!same) await remit.tenants.upsert(remitContext(context), { receiptChannels });
    const notice =
      receiptChannels.length > 0
        ? "Receipts will be sent for every payment recorded"
        : "No receipts will be sent";
    return context.redirect(`/settings/payments?notice=${encodeURIComponent(notice)}`, 303);
  });
  if (!stripe) return routes;

  // Stripe's onboarding, with the way back to this server (PUBLIC_URL behind a proxy).
  const toOnboarding = async (context: Context) => {
    const publicUrl =
      typeof options.publicUrl === "function" ? options.publicUrl() : options.publicUrl;
    const origin = publicUrl ?? new URL(context.req.url).origin;
    const link = await stripe.createAccountLink(remit, remitContext(context), {
      refreshUrl: `${origin}/settings/payments/stripe/refresh`,
      returnUrl: `${origin}/settings/payments/stripe/return`,
    });
    return context.redirect(link.url, 303);
  };

  routes.post("/settings/payments/stripe/connect", async (context) => {
    const tenant = await remit.tenants.get(remitContext(context));
    if (!tenant.paymentAccounts.stripe) {
      const form = await parseForm(context, connectStripeFormSchema);
      await stripe.connectAccount(remit, remitContext(context), form);
    }
    return toOnboarding(context);
  });

  routes.get("/settings/payments/stripe/refresh", toOnboarding);

  routes.get("/settings/payments/stripe/return", async (context) => {
    const account = await stripe.syncAccount(remit, remitContext(context));
    const notice = !account
      ? "Connect a Stripe account first."
      : account.chargesEnabled
        ? "Stripe is connected: customers can pay by card."
        : "Stripe still needs details before the account can take payments.";
    return context.redirect(`/settings/payments?notice=${encodeURIComponent(notice)}`, 303);
  });
  return routes;
}
