import { afterEach, describe, expect, it } from "vitest";
import { checkoutExpiringEvents } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

const statusOf = (sessionId: string) => t.fake.state.sessions.get(sessionId)?.session.status;

async function twoOpenSessions() {
  await t.remit.tenants.upsert(t.ctx, { allowPartialOnlinePayment: true });
  const invoice = await t.issuedInvoice("300.00");
  const full = await t.checkout(invoice.id);
  const part = await t.checkout(invoice.id, "100.00");
  const otherInvoice = await t.issuedInvoice("20.00");
  const other = await t.checkout(otherInvoice.id);
  return { invoice, full, part, other };
}

describe("expiring open checkouts", () => {
  it("expire - updating an invoice expires its open sessions, through the outbox worker", async () => {
    t = await createStripeTest();
    const unregister = t.payments.expireCheckoutsOnChange(t.remit);
    const { invoice, full, part, other } = await twoOpenSessions();
    await t.remit.invoices.update(t.ctx, {
      id: invoice.id,
      expectedVersion: invoice.version,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "320.00" }],
    });
    const report = await t.worker().runOnce();
    expect(report.dead).toBe(0);
    expect([statusOf(full.sessionId), statusOf(part.sessionId), statusOf(other.sessionId)]).toEqual(
      ["expired", "expired", "open"],
    );
    const expiries = t.fake.requests.filter((r) => r.path.endsWith("/expire"));
    expect(expiries).toEqual(
      [full.sessionId, part.sessionId].map((id) =>
        expect.objectContaining({
          method: "POST",
          path: `/v1/checkout/sessions/${id}/expire`,
          account: t.accountId,
          idempotencyKey: `remit:expire-checkout:${id}`,
        }),
      ),
    );
    unregister();
  });

  it("expire - cancelling an invoice, or a payment on it, expires its other open sessions", async () => {
    t = await createStripeTest();
    t.payments.expireCheckoutsOnChange(t.remit);
    const { invoice, full, part, other } = await twoOpenSessions();
    await t.deliver(t.fake.pay(part.sessionId));
    await t.worker().runOnce();
    expect([statusOf(full.sessionId), statusOf(part.sessionId)]).toEqual(["expired", "complete"]);

    const cancelled = await t.issuedInvoice("20.00");
    const session = await t.checkout(cancelled.id);
    await t.remit.invoices.cancel(t.ctx, { id: cancelled.id, reason: "Duplicate invoice" });
    await t.worker().runOnce();
    expect(statusOf(session.sessionId)).toBe("expired");
    expect(statusOf(other.sessionId)).toBe("open");
    expect((await t.remit.invoices.get(t.ctx, { id: invoice.id })).invoice.amountPaid).toBe(
      "100.00",
    );
  });

  it("expire - a session completed since it was listed is left alone; an outage is retried", async () => {
    t = await createStripeTest();
    const { invoice, full, part } = await twoOpenSessions();
    t.fake.failNext({
      path: `/v1/checkout/sessions/${full.sessionId}/expire`,
      status: 400,
      error: {
        type: "invalid_request_error",
        message: 'Only Checkout Sessions with a status in ["open"] can be expired.',
      },
    });
    const result = await t.payments.expireOpenCheckouts(t.remit, t.ctx, { invoiceId: invoice.id });
    expect(result.expired).toEqual([part.sessionId]);

    const again = await t.issuedInvoice("10.00");
    await t.checkout(again.id);
    t.fake.failNext({
      path: /\/expire$/,
      status: 500,
      error: { type: "api_error", message: "An unknown error occurred" },
    });
    await expect(
      t.payments.expireOpenCheckouts(t.remit, t.ctx, { invoiceId: again.id }),
    ).rejects.toMatchObject({ code: "provider_error", retryable: true });
  });

  it("expire - lists every page of open sessions", async () => {
    t = await createStripeTest({ tenant: { allowPartialOnlinePayment: true } });
    const invoice = await t.issuedInvoice("500.00");
    const sessions = [];
    for (let cents = 1; cents <= 105; cents++) {
      sessions.push(await t.checkout(invoice.id, `${cents}.00`));
    }
    const { expired } = await t.payments.expireOpenCheckouts(t.remit, t.ctx, {
      invoiceId: invoice.id,
    });
    expect(expired).toHaveLength(105);
    const pages = t.fake.requests.filter(
      (r) => r.method === "GET" && r.path === "/v1/checkout/sessions",
    );
    expect(pages).toHaveLength(2);
    expect(checkoutExpiringEvents).toEqual([
      "invoice.updated",
      "invoice.cancelled",
      "invoice.payment_recorded",
    ]);
  });
});
