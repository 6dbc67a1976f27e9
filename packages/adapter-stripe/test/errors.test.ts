import { ProviderError, ValidationError } from "@remit/core";
import type { FakeStripeFailure } from "@remit/testing/fake-stripe";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { toProviderError } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

/** What the Pay button throws when Stripe answers the session request with `failure`. */
async function checkoutFailure(failure: Omit<FakeStripeFailure, "path">) {
  const invoice = await t.issuedInvoice();
  t.fake.failNext({ ...failure, path: "/v1/checkout/sessions" });
  try {
    await t.checkout(invoice.id);
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error("The checkout succeeded");
}

describe("Stripe errors", () => {
  it("errors - rate limits, lock timeouts, Stripe's 5xx and idempotent requests in flight are retryable", async () => {
    t = await createStripeTest();
    const cases: Omit<FakeStripeFailure, "path">[] = [
      {
        status: 429,
        error: { type: "invalid_request_error", code: "rate_limit", message: "Too many requests" },
      },
      {
        status: 429,
        error: { type: "invalid_request_error", code: "lock_timeout", message: "Object locked" },
      },
      {
        status: 400,
        error: { type: "invalid_request_error", code: "lock_timeout", message: "Object locked" },
      },
      { status: 500, error: { type: "api_error", message: "An unknown error occurred" } },
      { status: 503, error: { type: "api_error", message: "Service unavailable" } },
      {
        status: 409,
        error: { type: "idempotency_error", code: "idempotency_key_in_use", message: "In use" },
      },
      {
        status: 400,
        error: { type: "invalid_request_error", message: "Try again" },
        headers: { "stripe-should-retry": "true" },
      },
    ];
    for (const failure of cases) {
      const error = await checkoutFailure(failure);
      expect(error, JSON.stringify(failure)).toBeInstanceOf(ProviderError);
      expect(error, JSON.stringify(failure)).toMatchObject({
        code: "provider_error",
        provider: "stripe",
        retryable: true,
      });
      expect(error.cause).toBeInstanceOf(Stripe.errors.StripeError);
    }
  });

  it("errors - declined cards, invalid requests, bad keys and permissions are not retryable", async () => {
    t = await createStripeTest();
    const cases: [Omit<FakeStripeFailure, "path">, string | undefined][] = [
      [
        {
          status: 402,
          error: {
            type: "card_error",
            code: "card_declined",
            decline_code: "generic_decline",
            message: "Declined",
          },
        },
        "generic_decline",
      ],
      [
        {
          status: 400,
          error: {
            type: "invalid_request_error",
            code: "parameter_invalid_integer",
            message: "Invalid integer",
            param: "amount",
          },
        },
        "parameter_invalid_integer",
      ],
      [
        {
          status: 401,
          error: { type: "invalid_request_error", message: "Invalid API Key provided" },
        },
        undefined,
      ],
      [
        {
          status: 403,
          error: { type: "invalid_request_error", code: "account_invalid", message: "No access" },
        },
        "account_invalid",
      ],
      [
        {
          status: 400,
          error: {
            type: "idempotency_error",
            message: "Keys for idempotent requests can only be used with the same parameters",
          },
        },
        undefined,
      ],
      [
        {
          status: 500,
          error: { type: "api_error", message: "Will fail again" },
          headers: { "stripe-should-retry": "false" },
        },
        undefined,
      ],
    ];
    for (const [failure, providerCode] of cases) {
      const error = await checkoutFailure(failure);
      expect(error, JSON.stringify(failure)).toMatchObject({
        code: "provider_error",
        retryable: false,
        providerCode,
      });
    }
  });

  it("errors - Stripe unreachable is a retryable connection error", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice();
    await t.fake.close();
    const error = await t.checkout(invoice.id).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "provider_error", retryable: true });
    expect((error as ProviderError).cause).toBeInstanceOf(Stripe.errors.StripeConnectionError);
  });

  it("errors - the SDK's own retry reuses the idempotency key, so Stripe runs the request once", async () => {
    t = await createStripeTest();
    const { createStripePayments } = await import("../src/index");
    const retrying = createStripePayments({
      stripe: t.fake.client({ maxNetworkRetries: 1 }),
      webhookSecrets: ["whsec_any"],
    });
    const invoice = await t.issuedInvoice();
    t.fake.failNext({
      path: "/v1/checkout/sessions",
      status: 409,
      error: { type: "invalid_request_error", code: "lock_timeout", message: "Object locked" },
    });
    const checkout = await retrying.startCheckout(t.remit, t.ctx, {
      invoiceId: invoice.id,
      successUrl: "https://pay.example.com/done",
      cancelUrl: "https://pay.example.com/cancel",
    });
    const attempts = t.fake.requests.filter((r) => r.path === "/v1/checkout/sessions");
    expect(attempts.map((r) => r.status)).toEqual([409, 200]);
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(t.fake.state.sessions.size).toBe(1);
    expect(checkout.sessionId).toBe([...t.fake.state.sessions.keys()][0]);
  });

  it("errors - Remit errors pass through; anything else is a provider error", () => {
    const remitError = new ValidationError({ issues: [{ path: "x", message: "bad" }] });
    expect(toProviderError(remitError)).toBe(remitError);
    expect(toProviderError(new TypeError("boom"))).toMatchObject({
      code: "provider_error",
      retryable: false,
    });
  });

  it("errors - bad options are refused with a validation error", () => {
    return import("../src/index").then(({ createStripePayments }) => {
      expect(() =>
        createStripePayments({ stripe: {} as Stripe, webhookSecrets: ["sk_live_oops"] }),
      ).toThrow(
        expect.objectContaining({
          code: "validation_error",
          issues: [
            expect.objectContaining({ path: "options.stripe" }),
            expect.objectContaining({ path: "options.webhookSecrets[0]" }),
          ],
        }),
      );
    });
  });
});
