import { afterEach, describe, expect, it } from "vitest";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

function lastRequest(path: string) {
  const found = t.fake.requests.filter((request) => request.path === path).at(-1);
  if (!found) throw new Error(`No request to ${path}`);
  return found;
}

describe("checkout", () => {
  it("checkout - creates the session on the tenant's connected account for the amount due", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("250.00");
    const checkout = await t.checkout(invoice.id);

    const request = lastRequest("/v1/checkout/sessions");
    expect(request.method).toBe("POST");
    expect(request.account).toBe(t.accountId);
    expect(request.idempotencyKey).toMatch(new RegExp(`^remit:checkout:${invoice.id}:`));
    expect(request.body).toMatchObject({
      mode: "payment",
      allowed_payment_method_types: ["card"],
      client_reference_id: invoice.id,
      customer_email: "dana@example.com",
      success_url: "https://pay.example.com/done",
      cancel_url: "https://pay.example.com/cancel",
      line_items: [
        {
          quantity: "1",
          price_data: {
            currency: "usd",
            unit_amount: "25000",
            product_data: { name: `Invoice ${invoice.number}` },
          },
        },
      ],
      metadata: { remit_tenant_id: "acme", remit_invoice_id: invoice.id },
      payment_intent_data: { metadata: { remit_tenant_id: "acme", remit_invoice_id: invoice.id } },
    });
    expect(request.body.payment_intent_data).not.toHaveProperty("application_fee_amount");
    expect(checkout).toMatchObject({
      amount: "250.00",
      charged: "250.00",
      excess: "0.00",
      surcharge: null,
      total: "250.00",
      applicationFee: null,
      providerReference: checkout.sessionId,
    });
    expect(checkout.url).toContain(checkout.sessionId);
  });

  it("checkout - adds the application fee and the card surcharge as its own line", async () => {
    t = await createStripeTest({
      payments: { applicationFeePercent: "1.5", cardSurchargePercent: "3" },
    });
    const invoice = await t.issuedInvoice("100.01");
    const checkout = await t.checkout(invoice.id);

    const request = lastRequest("/v1/checkout/sessions");
    expect(request.body.line_items).toEqual([
      expect.objectContaining({ price_data: expect.objectContaining({ unit_amount: "10001" }) }),
      {
        quantity: "1",
        price_data: {
          currency: "usd",
          unit_amount: "301",
          product_data: { name: "Card surcharge (3%)" },
        },
      },
    ]);
    expect(request.body.payment_intent_data).toMatchObject({
      application_fee_amount: "150",
      metadata: { remit_surcharge_minor: "301" },
    });
    expect(request.body.metadata).toMatchObject({ remit_surcharge_minor: "301" });
    expect(checkout).toMatchObject({
      surcharge: "3.01",
      total: "103.02",
      applicationFee: "1.50",
    });
  });

  it("checkout - a surcharge is never added when the customer may pay by bank debit", async () => {
    t = await createStripeTest({
      payments: { cardSurchargePercent: "3", paymentMethods: ["card", "ach"] },
    });
    const invoice = await t.issuedInvoice("100.00");
    const checkout = await t.checkout(invoice.id);
    const request = lastRequest("/v1/checkout/sessions");
    expect(request.body.allowed_payment_method_types).toEqual(["card", "us_bank_account"]);
    expect(request.body.line_items).toHaveLength(1);
    expect(checkout.surcharge).toBeNull();
  });

  it("checkout - pressing Pay twice gives the same session (idempotency key replayed)", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice();
    const first = await t.checkout(invoice.id);
    const second = await t.checkout(invoice.id);
    expect(second.sessionId).toBe(first.sessionId);
    const posts = t.fake.requests.filter((request) => request.path === "/v1/checkout/sessions");
    expect(posts.map((request) => request.replayed)).toEqual([false, true]);
    expect(t.fake.state.sessions.size).toBe(1);
  });

  it("checkout - three-decimal amounts are rounded up to Stripe's multiple of ten", async () => {
    t = await createStripeTest({ currency: "KWD" });
    const invoice = await t.issuedInvoice("10.005");
    const checkout = await t.checkout(invoice.id);
    expect(lastRequest("/v1/checkout/sessions").body.line_items).toEqual([
      expect.objectContaining({
        price_data: expect.objectContaining({ currency: "kwd", unit_amount: "10010" }),
      }),
    ]);
    expect(checkout).toMatchObject({ amount: "10.005", charged: "10.010", excess: "0.005" });
  });

  it("checkout - zero-decimal amounts are whole units", async () => {
    t = await createStripeTest({ currency: "JPY" });
    const invoice = await t.issuedInvoice("12000");
    await t.checkout(invoice.id);
    expect(lastRequest("/v1/checkout/sessions").body.line_items).toEqual([
      expect.objectContaining({
        price_data: expect.objectContaining({ currency: "jpy", unit_amount: "12000" }),
      }),
    ]);
  });

  it("checkout - a partial amount only where the tenant allows it", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice("250.00");
    await expect(t.checkout(invoice.id, "100.00")).rejects.toMatchObject({
      code: "validation_error",
      path: "amount",
    });
    await t.remit.tenants.upsert(t.ctx, { allowPartialOnlinePayment: true });
    const checkout = await t.checkout(invoice.id, "100.00");
    expect(checkout.amount).toBe("100.00");
    expect(lastRequest("/v1/checkout/sessions").body.line_items).toEqual([
      expect.objectContaining({
        price_data: expect.objectContaining({
          unit_amount: "10000",
          product_data: { name: `Payment toward Invoice ${invoice.number}` },
        }),
      }),
    ]);
    await expect(t.checkout(invoice.id, "250.01")).rejects.toMatchObject({
      code: "validation_error",
      path: "amount",
    });
  });

  it("checkout - refuses an invoice that is not issued, and a tenant not yet onboarded", async () => {
    t = await createStripeTest();
    const { invoice: draft } = await t.remit.invoices.create(t.ctx, {
      customerId: t.customer.id,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "10.00" }],
    });
    await expect(t.checkout(draft.id)).rejects.toMatchObject({ code: "invalid_transition" });

    const other = await t.addTenant("beta");
    t.fake.updateAccount(other.accountId, { charges_enabled: false });
    await t.payments.syncAccount(t.remit, other.ctx);
    const invoice = await t.issuedInvoice("10.00", other);
    await expect(t.checkout(invoice.id, undefined, other)).rejects.toMatchObject({
      code: "validation_error",
      path: "tenant.paymentAccounts.stripe",
    });
    const sessionCalls = t.fake.requests.filter((r) => r.path === "/v1/checkout/sessions");
    expect(sessionCalls).toHaveLength(0);
  });

  it("checkout - validates its input with typed errors", async () => {
    t = await createStripeTest();
    const invoice = await t.issuedInvoice();
    await expect(
      t.payments.startCheckout(t.remit, t.ctx, {
        invoiceId: invoice.id,
        successUrl: "javascript:alert(1)",
        cancelUrl: "https://pay.example.com/cancel",
      }),
    ).rejects.toMatchObject({ code: "validation_error", path: "successUrl" });
    await expect(
      t.payments.startCheckout(t.remit, { tenantId: "" } as never, {
        invoiceId: invoice.id,
        successUrl: "https://pay.example.com/done",
        cancelUrl: "https://pay.example.com/cancel",
      }),
    ).rejects.toMatchObject({ code: "validation_error" });
    await expect(
      t.payments.createCheckout({
        invoice,
        amount: invoice.amountDue,
        successUrl: "https://pay.example.com/done",
        cancelUrl: "https://pay.example.com/cancel",
      }),
    ).rejects.toMatchObject({ code: "validation_error", path: "tenant" });
  });
});
