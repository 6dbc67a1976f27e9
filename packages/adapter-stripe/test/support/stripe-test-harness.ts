import {
  type Context,
  createOutboxWorker,
  createRemit,
  type InvoiceStore,
  type Remit,
  StoreUnavailableError,
  type TenantSettingsInput,
} from "@remit/core";
import { createMemoryStore, createTestClock } from "@remit/testing";
import { signStripeWebhook, startFakeStripeApi } from "@remit/testing/fake-stripe";
import type Stripe from "stripe";
import {
  createStripePayments,
  handleStripeWebhook,
  type StripePayments,
  type StripePaymentsOptions,
  type StripeWebhookResult,
} from "../../src/index";

export const platformSecret = "whsec_platform_test_secret";
export const connectSecret = "whsec_connect_test_secret";

/** A store that can be switched off, as a database outage would: every transaction fails. */
function createSwitchableStore(store: InvoiceStore) {
  let down = false;
  const switchable: InvoiceStore = {
    ...store,
    transaction(input) {
      if (down) return Promise.reject(new StoreUnavailableError({ message: "store is down" }));
      return store.transaction(input);
    },
  };
  return {
    store: switchable,
    setDown(value: boolean) {
      down = value;
    },
  };
}

export type StripeTest = Awaited<ReturnType<typeof createStripeTest>>;

/**
 * A Remit on the memory store with the Stripe provider, its `stripe` client pointed at a fresh
 * fake Stripe, and one tenant whose connected account has finished onboarding.
 */
export async function createStripeTest(
  options: {
    payments?: Partial<Omit<StripePaymentsOptions, "stripe" | "webhookSecrets">>;
    tenant?: TenantSettingsInput;
    tenantId?: string;
    currency?: string;
    /** The store under Remit; the memory store by default. */
    store?: InvoiceStore;
  } = {},
) {
  const fake = await startFakeStripeApi();
  const stripe = fake.client();
  const payments = createStripePayments({
    stripe,
    webhookSecrets: { platform: platformSecret, connect: connectSecret },
    ...options.payments,
  });
  const clock = createTestClock();
  const memory = createMemoryStore();
  const switchable = createSwitchableStore(options.store ?? memory);
  const remit = createRemit({ store: switchable.store, clock, payments: { stripe: payments } });
  const syncFakeClock = () => {
    fake.state.now = Math.floor(Date.parse(clock.now()) / 1000);
  };
  syncFakeClock();

  async function addTenant(tenantId: string, settings: TenantSettingsInput = {}) {
    const ctx: Context = { tenantId, actor: { type: "user", id: "owner_1" } };
    await remit.tenants.upsert(ctx, {
      name: `${tenantId} Plumbing`,
      currency: options.currency ?? "USD",
      timeZone: "America/Chicago",
      ...settings,
    });
    const account = await payments.connectAccount(remit, ctx, {
      email: `owner@${tenantId}.example`,
      country: "US",
    });
    fake.updateAccount(account.accountId, { charges_enabled: true, details_submitted: true });
    fake.takeEvents();
    await payments.syncAccount(remit, ctx);
    const customer = await remit.customers.create(ctx, {
      name: "Dana Reyes",
      email: "dana@example.com",
    });
    return { ctx, accountId: account.accountId, customer };
  }

  const main = await addTenant(options.tenantId ?? "acme", options.tenant);

  /** An issued invoice of `total` (one line, no tax) in the tenant's currency. */
  async function issuedInvoice(total = "250.00", tenant = main) {
    const { invoice } = await remit.invoices.create(tenant.ctx, {
      customerId: tenant.customer.id,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: total }],
    });
    const issued = await remit.invoices.issue(tenant.ctx, { id: invoice.id });
    return issued.invoice;
  }

  /** Signs an event as Stripe does (at Remit's clock) and hands it to the webhook handler. */
  function sign(event: Stripe.Event, secret = connectSecret, timestamp?: number) {
    return signStripeWebhook(event, {
      secret,
      timestamp: timestamp ?? Math.floor(Date.parse(clock.now()) / 1000),
    });
  }

  async function deliver(
    events: readonly Stripe.Event[],
    secret = connectSecret,
  ): Promise<StripeWebhookResult[]> {
    const results: StripeWebhookResult[] = [];
    for (const event of events) {
      results.push(await handleStripeWebhook(remit, payments, sign(event, secret)));
    }
    return results;
  }

  /** Pays an invoice through Checkout: the Pay button, then the customer on Stripe's page. */
  async function checkout(invoiceId: string, amount?: string, tenant = main) {
    const session = await payments.startCheckout(remit, tenant.ctx, {
      invoiceId,
      ...(amount ? { amount } : {}),
      successUrl: "https://pay.example.com/done",
      cancelUrl: "https://pay.example.com/cancel",
    });
    return session;
  }

  return {
    fake,
    stripe,
    payments: payments as StripePayments,
    remit: remit as Remit,
    memory,
    clock,
    ctx: main.ctx,
    accountId: main.accountId,
    customer: main.customer,
    main,
    addTenant,
    issuedInvoice,
    sign,
    deliver,
    checkout,
    setStoreDown: switchable.setDown,
    worker: () => createOutboxWorker({ remit }),
    syncFakeClock,
    close: () => fake.close(),
  };
}
