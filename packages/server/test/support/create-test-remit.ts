import { createStripePayments, type StripePayments } from "@remit/adapter-stripe";
import { type Context, createRemit, type Remit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { startFakeStripeApi } from "@remit/testing/fake-stripe";
import type Stripe from "stripe";
import type { Authenticate } from "../../src/index";

export const tenantId = "reyes";
export const ctx: Context = { tenantId, actor: { type: "user", id: "u_office" } };
export const connectSecret = "whsec_server_connect_secret";
export const platformSecret = "whsec_server_platform_secret";

/**
 * The caller a test names in `x-test-user` (`office` or `tech`), in the one tenant; none without
 * it. A host app would read its session here.
 */
export const authenticateByTestHeader: Authenticate = (request) => {
  const user = request.headers.get("x-test-user");
  return user ? { tenantId, actor: { type: "user", id: user } } : null;
};

/** Remit on the memory store, one tenant with a customer and an issued invoice. */
export async function createTestRemit(options: { stripe?: StripePayments } = {}) {
  const remit: Remit = createRemit({
    store: createMemoryStore(),
    ...(options.stripe ? { payments: { stripe: options.stripe } } : {}),
  });
  await remit.tenants.upsert(ctx, { name: "Reyes Plumbing", currency: "USD" });
  const customer = await remit.customers.create(ctx, {
    name: "Dana Reyes",
    email: "dana@example.com",
  });
  const issue = async (unitPrice = "120.00") => {
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ kind: "labor", description: "Service call", quantity: "1", unitPrice }],
    });
    return (await remit.invoices.issue(ctx, { id: invoice.id })).invoice;
  };
  return { remit, customer, issue };
}

/**
 * Remit with the real Stripe adapter, its `stripe` client pointed at the fake Stripe API of
 * `@remit/testing`, and the tenant's connected account able to take charges.
 */
export async function createStripeTestRemit() {
  const fake = await startFakeStripeApi();
  // Stripe signs webhooks, and times its objects, by the real clock, as this Remit does.
  fake.state.now = Math.floor(Date.now() / 1000);
  const client = fake.client();
  const stripe = createStripePayments({
    stripe: client,
    webhookSecrets: { platform: platformSecret, connect: connectSecret },
  });
  const test = await createTestRemit({ stripe });
  const account = await stripe.connectAccount(test.remit, ctx, {
    email: "office@reyes.example",
    country: "US",
  });
  fake.updateAccount(account.accountId, { charges_enabled: true, details_submitted: true });
  fake.takeEvents();
  await stripe.syncAccount(test.remit, ctx);
  return {
    ...test,
    fake,
    stripe,
    /** An event as Stripe sends it, signed with the stripe SDK: the JSON body and its header. */
    sign(event: Stripe.Event) {
      const body = JSON.stringify(event, null, 2);
      const signature = client.webhooks.generateTestHeaderString({
        payload: body,
        secret: connectSecret,
      });
      return { body, signature };
    },
    close: () => fake.close(),
  };
}
