import { parseWithSchema, type Remit, ValidationError } from "@remit/core";
import type Stripe from "stripe";
import { z } from "zod";
import { metadataKeys } from "./internal/metadata-keys";
import { nowOf, parseContext, saveStripeAccount, stripeAccountOf } from "./internal/remit-access";
import type { StripePaymentsConfig } from "./internal/stripe-payments-config";
import { callStripe } from "./internal/to-provider-error";

/**
 * What `connectAccount` needs to open a connected account for a tenant.
 * @group Connect onboarding
 */
export const connectAccountInputSchema = z.object({
  /** The contractor's email; Stripe prefills onboarding with it. */
  email: z.email().max(320),
  /** Where the business is established: ISO 3166-1 alpha-2, upper case (`"US"`). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as "US"'),
  /** Shown to customers on Stripe's pages and statements. */
  businessName: z.string().trim().min(1).max(200).optional(),
});

/** @group Connect onboarding @interface */
export type ConnectAccountInput = z.input<typeof connectAccountInputSchema>;

/**
 * A tenant's connected account as Remit keeps it (`tenant.paymentAccounts.stripe`).
 * @group Connect onboarding
 */
export type ConnectedStripeAccount = {
  accountId: string;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  /** True when this call created the account; false when the tenant had one. */
  created: boolean;
};

const accountLinkInputSchema = z.object({
  /** Where Stripe sends the contractor if the link expired: make a new link there. */
  refreshUrl: z.url({ protocol: /^https?$/ }).max(2_000),
  /** Where Stripe sends the contractor after onboarding: call `syncAccount` there. */
  returnUrl: z.url({ protocol: /^https?$/ }).max(2_000),
});

/** @group Connect onboarding @interface */
export type CreateAccountLinkInput = z.input<typeof accountLinkInputSchema>;

function statusOf(account: Stripe.Account) {
  return {
    accountId: account.id,
    chargesEnabled: account.charges_enabled === true,
    detailsSubmitted: account.details_submitted === true,
  };
}

/**
 * Creates the tenant's connected account, or returns the one it has. The account is a Standard-like
 * account (Stripe-hosted dashboard, Stripe's fees and losses on the account): the contractor's
 * customers pay it directly. Its id is stored in `tenant.paymentAccounts.stripe`.
 */
export async function connectStripeAccount(
  config: StripePaymentsConfig,
  remit: Remit,
  rawContext: unknown,
  rawInput: ConnectAccountInput,
): Promise<ConnectedStripeAccount> {
  const context = parseContext(rawContext);
  const input = parseWithSchema(connectAccountInputSchema, rawInput);
  const tenant = await remit.tenants.get(context);
  const existing = stripeAccountOf(tenant);
  if (existing) {
    const account = await callStripe(() => config.stripe.accounts.retrieve(existing.accountId));
    await saveStripeAccount(remit, context, tenant, statusOf(account));
    return { ...statusOf(account), created: false };
  }
  const ach = config.paymentMethods.includes("ach");
  const account = await callStripe(() =>
    config.stripe.accounts.create(
      {
        country: input.country,
        email: input.email,
        ...(input.businessName ? { business_profile: { name: input.businessName } } : {}),
        controller: {
          stripe_dashboard: { type: "full" },
          fees: { payer: "account" },
          losses: { payments: "stripe" },
          requirement_collection: "stripe",
        },
        capabilities: {
          card_payments: { requested: true },
          transfers: { requested: true },
          ...(ach ? { us_bank_account_ach_payments: { requested: true } } : {}),
        },
        metadata: { [metadataKeys.tenantId]: context.tenantId },
      },
      // One account per tenant: a retry after a crash before the tenant was saved gets the same one.
      { idempotencyKey: `remit:connect-account:${context.tenantId}` },
    ),
  );
  await saveStripeAccount(remit, context, tenant, statusOf(account));
  return { ...statusOf(account), created: true };
}

/**
 * A single-use onboarding link for the tenant's connected account (it expires within minutes: make
 * one each time the contractor presses "Set up payments").
 */
export async function createStripeAccountLink(
  config: StripePaymentsConfig,
  remit: Remit,
  rawContext: unknown,
  rawInput: CreateAccountLinkInput,
): Promise<{ url: string; expiresAt: string }> {
  const context = parseContext(rawContext);
  const input = parseWithSchema(accountLinkInputSchema, rawInput);
  const account = stripeAccountOf(await remit.tenants.get(context));
  if (!account) {
    throw new ValidationError({
      issues: [{ path: "tenant.paymentAccounts.stripe", message: "call connectAccount first" }],
    });
  }
  const link = await callStripe(() =>
    config.stripe.accountLinks.create(
      {
        account: account.accountId,
        type: "account_onboarding",
        refresh_url: input.refreshUrl,
        return_url: input.returnUrl,
        collection_options: { fields: "eventually_due" },
      },
      // Links are single-use: one key per request, stable only across the SDK's own retries.
      { idempotencyKey: `remit:account-link:${account.accountId}:${nowOf(remit)}` },
    ),
  );
  return { url: link.url, expiresAt: new Date(link.expires_at * 1000).toISOString() };
}

/**
 * Reads the connected account from Stripe and stores whether it can take charges. Call it when the
 * contractor returns from onboarding; `account.updated` webhooks do the same.
 */
export async function syncStripeAccount(
  config: StripePaymentsConfig,
  remit: Remit,
  rawContext: unknown,
): Promise<ConnectedStripeAccount | null> {
  const context = parseContext(rawContext);
  const tenant = await remit.tenants.get(context);
  const existing = stripeAccountOf(tenant);
  if (!existing) return null;
  const account = await callStripe(() => config.stripe.accounts.retrieve(existing.accountId));
  await saveStripeAccount(remit, context, tenant, statusOf(account));
  return { ...statusOf(account), created: false };
}
