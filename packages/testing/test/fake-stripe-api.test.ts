import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeStripeApi,
  fakeStripeApiKey,
  signStripeWebhook,
  startFakeStripeApi,
} from "../src/fake-stripe";

let fake: FakeStripeApi;
let stripe: Stripe;
beforeEach(async () => {
  fake = await startFakeStripeApi();
  stripe = fake.client();
});
afterEach(async () => {
  await fake.close();
});

/** A connected account that has finished onboarding (or not). */
async function connectedAccount(chargesEnabled = true): Promise<string> {
  const account = await stripe.accounts.create({ type: "standard", email: "owner@acme.example" });
  if (chargesEnabled) fake.updateAccount(account.id, { charges_enabled: true });
  fake.takeEvents();
  return account.id;
}

const sessionParams: Stripe.Checkout.SessionCreateParams = {
  mode: "payment",
  line_items: [
    {
      quantity: 1,
      price_data: { currency: "usd", unit_amount: 25_000, product_data: { name: "INV-0001" } },
    },
  ],
  metadata: { remit_invoice_id: "inv_1" },
  success_url: "https://pay.example.com/done",
  cancel_url: "https://pay.example.com/cancel",
};

/** The rejection of `promise`, which must fail. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the request should have failed"),
    (error: unknown) => error,
  );
}

function lastAnswer(): unknown {
  return JSON.parse(fake.requests.at(-1)?.responseBody ?? "null");
}

describe("fake Stripe API - idempotency", () => {
  it("idempotency - a repeated key replays the first answer byte for byte", async () => {
    const first = await stripe.accounts.create({ type: "standard" }, { idempotencyKey: "key_1" });
    const second = await stripe.accounts.create({ type: "standard" }, { idempotencyKey: "key_1" });

    expect(second.id).toBe(first.id);
    expect(fake.state.accounts.size).toBe(1);
    const [original, replay] = fake.requests;
    expect([original?.replayed, replay?.replayed]).toEqual([false, true]);
    expect(replay?.responseBody).toBe(original?.responseBody);
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(second.lastResponse.headers["original-request"]).toBe(first.lastResponse.requestId);
  });

  it("idempotency - an error saved for a key is replayed, even once its cause is gone", async () => {
    const account = await connectedAccount(false);
    const options = { stripeAccount: account, idempotencyKey: "pay_inv_1" };

    const refused = await rejection(stripe.checkout.sessions.create(sessionParams, options));
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused).toMatchObject({ code: "account_invalid", statusCode: 400 });
    const firstBody = fake.requests.at(-1)?.responseBody;

    fake.updateAccount(account, { charges_enabled: true });
    const replayed = await rejection(stripe.checkout.sessions.create(sessionParams, options));
    expect(replayed).toMatchObject({ code: "account_invalid", statusCode: 400 });
    expect(fake.requests.at(-1)).toMatchObject({ replayed: true, responseBody: firstBody });

    const fresh = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: account,
      idempotencyKey: "pay_inv_1_again",
    });
    expect(fresh.status).toBe("open");
  });

  it("idempotency - a request refused by parameter validation saves nothing for its key", async () => {
    const account = await connectedAccount();
    const options = { stripeAccount: account, idempotencyKey: "pay_inv_2" };
    const { line_items: _omitted, ...withoutLines } = sessionParams;

    const refused = await rejection(stripe.checkout.sessions.create(withoutLines, options));
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused).toMatchObject({ param: "line_items", statusCode: 400 });

    const session = await stripe.checkout.sessions.create(sessionParams, options);
    expect(session.amount_total).toBe(25_000);
    expect(fake.requests.at(-1)?.replayed).toBe(false);
  });

  it("idempotency - the same key with other parameters is an idempotency_error", async () => {
    await stripe.accounts.create({ email: "a@acme.example" }, { idempotencyKey: "key_2" });
    const error = await rejection(
      stripe.accounts.create({ email: "b@acme.example" }, { idempotencyKey: "key_2" }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ type: "StripeIdempotencyError", statusCode: 400 });
    expect(lastAnswer()).toEqual({
      error: {
        type: "idempotency_error",
        message: expect.stringContaining("can only be used with the same parameters"),
      },
    });
    expect(fake.state.accounts.size).toBe(1);
  });

  it("idempotency - keys are scoped to the connected account the request acts on", async () => {
    const first = await connectedAccount();
    const second = await connectedAccount();
    const key = "the_same_key";

    const a = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: first,
      idempotencyKey: key,
    });
    const b = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: second,
      idempotencyKey: key,
    });

    expect(a.id).not.toBe(b.id);
    expect(fake.requests.filter((request) => request.replayed)).toHaveLength(0);
  });

  it("idempotency - a key is pruned after 24 hours of the fake's clock", async () => {
    const first = await stripe.accounts.create({}, { idempotencyKey: "key_3" });
    fake.state.now += 24 * 3600;
    const second = await stripe.accounts.create({}, { idempotencyKey: "key_3" });

    expect(second.id).not.toBe(first.id);
    expect(fake.state.accounts.size).toBe(2);
  });
});

describe("fake Stripe API - errors", () => {
  it("errors - a missing object answers Stripe's error shape, raised as StripeInvalidRequestError", async () => {
    const error = await rejection(stripe.accounts.retrieve("acct_missing"));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      type: "StripeInvalidRequestError",
      code: "resource_missing",
      param: "account",
      statusCode: 404,
      message: "No such account: 'acct_missing'",
    });
    expect(lastAnswer()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        message: "No such account: 'acct_missing'",
        param: "account",
        doc_url: "https://stripe.com/docs/error-codes/resource-missing",
      },
    });
  });

  it("errors - another API key is a StripeAuthenticationError (401)", async () => {
    const other = new Stripe("sk_test_someone_else", fake.clientOptions());
    const error = await rejection(other.accounts.create({}));

    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401 });
    expect(lastAnswer()).toEqual({
      error: { type: "invalid_request_error", message: expect.stringMatching(/^Invalid API Key/) },
    });
    expect(fake.state.accounts.size).toBe(0);
  });

  it("errors - an injected card error reaches the SDK as StripeCardError, and runs nothing", async () => {
    const account = await connectedAccount();
    fake.failNext({
      path: "/v1/checkout/sessions",
      status: 402,
      error: {
        type: "card_error",
        code: "card_declined",
        decline_code: "insufficient_funds",
        message: "Your card has insufficient funds.",
      },
    });
    const options = { stripeAccount: account, idempotencyKey: "pay_inv_3" };

    const error = await rejection(stripe.checkout.sessions.create(sessionParams, options));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ decline_code: "insufficient_funds", statusCode: 402 });
    expect(fake.state.sessions.size).toBe(0);

    // Nothing was saved for the key: the retry runs.
    await stripe.checkout.sessions.create(sessionParams, options);
    expect(fake.state.sessions.size).toBe(1);
  });

  it("errors - an unknown URL is a 404 invalid_request_error", async () => {
    const response = await fetch(`${fake.origin}/v1/unknown_things`, {
      headers: { authorization: `Bearer ${fakeStripeApiKey}` },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        type: "invalid_request_error",
        message: expect.stringMatching(/^Unrecognized request URL \(GET: \/v1\/unknown_things\)/),
      },
    });
  });
});

describe("fake Stripe API - webhooks and scenarios", () => {
  it("webhooks - a payload signed by signStripeWebhook passes the SDK's constructEvent", async () => {
    const account = await connectedAccount(false);
    const [event] = fake.updateAccount(account, { charges_enabled: true });
    const secret = "whsec_test_secret";

    const signed = signStripeWebhook(event as Stripe.Event, { secret });
    const verified = stripe.webhooks.constructEvent(signed.rawBody, signed.signature, secret);
    expect(verified).toMatchObject({ type: "account.updated", account });

    expect(() =>
      stripe.webhooks.constructEvent(signed.rawBody, signed.signature, "whsec_other"),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const altered = signed.rawBody.replace('"charges_enabled": true', '"charges_enabled": false');
    expect(altered).not.toBe(signed.rawBody);
    expect(() => stripe.webhooks.constructEvent(altered, signed.signature, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = signStripeWebhook(event as Stripe.Event, {
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(() => stripe.webhooks.constructEvent(stale.rawBody, stale.signature, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it("scenarios - a paid session emits Stripe's events for it, on the connected account", async () => {
    const account = await connectedAccount();
    const session = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: account,
    });

    const events = fake.pay(session.id);
    expect(events.map((event) => event.type)).toEqual([
      "charge.succeeded",
      "payment_intent.succeeded",
      "checkout.session.completed",
    ]);
    expect(events.every((event) => event.account === account)).toBe(true);
    const completed = events.at(-1)?.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: session.id, payment_status: "paid", status: "complete" });

    const intent = await stripe.paymentIntents.retrieve(
      String(completed.payment_intent),
      {},
      { stripeAccount: account },
    );
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 25_000 });
    const elsewhere = await rejection(stripe.paymentIntents.retrieve(intent.id));
    expect(elsewhere).toMatchObject({ code: "resource_missing", statusCode: 404 });
  });

  it("scenarios - a refund emits refund.created, its outcome refund.updated (refund.failed), charge.refund.updated only where asked", async () => {
    const account = await connectedAccount();
    const session = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: account,
    });
    fake.pay(session.id);
    const intentId = String(fake.state.sessions.get(session.id)?.session.payment_intent);
    fake.state.refundStatus = "pending";
    const { refund, events } = fake.refundInDashboard(intentId, 1000);
    expect(events.map((event) => event.type)).toEqual(["refund.created", "charge.refunded"]);
    expect(events[0]?.data.object).toMatchObject({ id: refund.id, status: "pending" });
    const failed = fake.updateRefund(refund.id, "failed", { chargeRefundUpdated: false });
    expect(failed.map((event) => event.type)).toEqual(["refund.updated", "refund.failed"]);
    expect(failed.map((event) => (event.data.object as Stripe.Refund).status)).toEqual([
      "failed",
      "failed",
    ]);
    const second = fake.refundInDashboard(intentId, 500).refund;
    expect(fake.updateRefund(second.id, "succeeded").map((event) => event.type)).toEqual([
      "refund.updated",
      "charge.refund.updated",
    ]);
    expect(failed.every((event) => event.account === account)).toBe(true);
  });

  it("scenarios - a deauthorized account: account.application.deauthorized, then 403 account_invalid for anything done for it", async () => {
    const account = await connectedAccount();
    const other = await connectedAccount();
    const session = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: account,
    });
    const intentId = String(
      (fake.pay(session.id).at(-1)?.data.object as Stripe.Checkout.Session | undefined)
        ?.payment_intent,
    );
    fake.takeEvents();

    const [event, ...more] = fake.deauthorizeAccount(account);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      type: "account.application.deauthorized",
      account,
      data: { object: { object: "application", id: "ca_fake_platform" } },
    });
    const refused = await rejection(
      stripe.paymentIntents.retrieve(intentId, {}, { stripeAccount: account }),
    );
    expect(refused).toMatchObject({ code: "account_invalid", statusCode: 403 });
    // Other accounts, and the platform's own calls, go on.
    await stripe.checkout.sessions.create(sessionParams, { stripeAccount: other });
    expect((await stripe.accounts.retrieve(other)).id).toBe(other);
  });

  it("amounts - a three-decimal amount whose last digit is not 0 is refused, as Stripe does", async () => {
    const account = await connectedAccount();
    const kwd = (unitAmount: number): Stripe.Checkout.SessionCreateParams => ({
      ...sessionParams,
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "kwd", unit_amount: unitAmount, product_data: { name: "INV" } },
        },
      ],
    });
    const badSession = await rejection(
      stripe.checkout.sessions.create(kwd(10_005), { stripeAccount: account }),
    );
    expect(badSession).toMatchObject({ code: "amount_invalid", statusCode: 400 });
    const session = await stripe.checkout.sessions.create(kwd(10_010), { stripeAccount: account });
    const intentId = String(
      (fake.pay(session.id).at(-1)?.data.object as Stripe.Checkout.Session | undefined)
        ?.payment_intent,
    );
    const badRefund = await rejection(
      stripe.refunds.create({ payment_intent: intentId, amount: 5 }, { stripeAccount: account }),
    );
    expect(badRefund).toMatchObject({ code: "amount_invalid", param: "amount" });
    const refund = await stripe.refunds.create(
      { payment_intent: intentId, amount: 10 },
      { stripeAccount: account },
    );
    expect(refund).toMatchObject({ amount: 10, currency: "kwd" });
  });
});

describe("fake Stripe API - a local checkout page", () => {
  it("checkout page - a session's url is Stripe's Checkout page by default", async () => {
    const account = await connectedAccount();
    const session = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: account,
    });
    expect(session.url).toBe(`https://checkout.stripe.com/c/pay/${session.id}`);
  });

  it("checkout page - checkoutPageUrl points each session's url at a local page", async () => {
    const local = await startFakeStripeApi({
      checkoutPageUrl: (sessionId) => `http://127.0.0.1:3000/test-checkout/${sessionId}`,
    });
    try {
      const client = local.client();
      const account = await client.accounts.create({ type: "standard" });
      local.updateAccount(account.id, { charges_enabled: true });
      const session = await client.checkout.sessions.create(sessionParams, {
        stripeAccount: account.id,
      });
      expect(session.url).toBe(`http://127.0.0.1:3000/test-checkout/${session.id}`);
      const [completed] = local
        .pay(session.id)
        .filter((event) => event.type === "checkout.session.completed");
      expect(completed?.data.object).toMatchObject({ url: session.url });
    } finally {
      await local.close();
    }
  });

  it("checkout page - a checkoutPageUrl that is not a function is a ValidationError", async () => {
    await expect(
      startFakeStripeApi({ checkoutPageUrl: "http://127.0.0.1" as unknown as () => string }),
    ).rejects.toMatchObject({ code: "validation_error", path: "options.checkoutPageUrl" });
  });

  it("addAccount - an account kept from before the fake started is found again by its id", async () => {
    const added = fake.addAccount("acct_kept000001", {
      charges_enabled: true,
      details_submitted: true,
    });
    expect(added).toMatchObject({ id: "acct_kept000001", charges_enabled: true });
    expect(await stripe.accounts.retrieve("acct_kept000001")).toMatchObject({
      id: "acct_kept000001",
      charges_enabled: true,
      details_submitted: true,
    });
    const session = await stripe.checkout.sessions.create(sessionParams, {
      stripeAccount: "acct_kept000001",
    });
    expect(session.status).toBe("open");
    expect(fake.takeEvents()).toEqual([]);
  });
});
