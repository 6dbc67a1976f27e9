import { startFakeStripeApi } from "@remit/testing/fake-stripe";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  createStripePayments,
  type StripeUnmatchedEvent,
  supportedStripeApiVersions,
} from "../src/index";
import { connectSecret, createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("Stripe API version", () => {
  it("api version - a client pinned to a version outside the supported range is refused when the adapter is created", async () => {
    const fake = await startFakeStripeApi();
    try {
      for (const apiVersion of ["2023-10-16", "2024-09-30.acacia", "2099-01-01.future"]) {
        expect(() =>
          createStripePayments({
            stripe: fake.client({ apiVersion: apiVersion as Stripe.LatestApiVersion }),
            webhookSecrets: [connectSecret],
          }),
        ).toThrow(
          expect.objectContaining({
            code: "validation_error",
            issues: [
              expect.objectContaining({
                path: "options.stripe",
                message: expect.stringContaining(supportedStripeApiVersions.oldest),
              }),
            ],
          }),
        );
      }
      for (const apiVersion of ["2024-10-28.acacia", supportedStripeApiVersions.newest]) {
        expect(
          createStripePayments({
            stripe: fake.client({ apiVersion: apiVersion as Stripe.LatestApiVersion }),
            webhookSecrets: [connectSecret],
          }).name,
        ).toBe("stripe");
      }
    } finally {
      await fake.close();
    }
  });

  it("api version - an event of an unsupported api_version is answered 2xx as unmatched with the reason, changing nothing", async () => {
    const unmatched: StripeUnmatchedEvent[] = [];
    t = await createStripeTest({
      payments: { onUnmatched: (event) => void unmatched.push(event), logger: { warn: () => {} } },
    });
    const invoice = await t.issuedInvoice("30.00");
    const session = await t.checkout(invoice.id);
    const events = t.fake.pay(session.sessionId);
    const old = events.map((event) => ({ ...structuredClone(event), api_version: "2022-08-01" }));
    const results = await t.deliver(old);
    expect(results.map((result) => result.outcome)).toEqual(old.map(() => "unmatched"));
    expect(results[0]?.steps[0]?.detail).toMatch(/API version 2022-08-01 is not supported/);
    expect(unmatched[0]).toMatchObject({
      eventId: old[0]?.id,
      tenantId: null,
      account: t.accountId,
    });
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).payments).toEqual([]);
    const [current] = await t.deliver(events.slice(-1));
    expect(current?.outcome).toBe("recorded");
  });

  it("checkout - Adaptive Pricing is turned off on the sessions the adapter creates", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("30.00");
    await t.checkout(invoice.id);
    const created = t.fake.requests.find(
      (request) => request.method === "POST" && request.path === "/v1/checkout/sessions",
    );
    expect(created?.body.adaptive_pricing).toEqual({ enabled: "false" });
  });
});
