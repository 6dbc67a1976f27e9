import {
  type Context,
  createOutboxWorker,
  type Invoice,
  type PaymentProvider,
  type Remit,
  RemitError,
} from "@remit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * What each case runs on: a Remit that has the provider, and a tenant ready to use it.
 * @group Conformance suites
 */
export type PaymentProviderHarness = {
  /** A Remit with `provider` among its payments, under `provider.name`. */
  remit: Remit;
  provider: PaymentProvider;
  /** A user of a tenant that can take payments through the provider (onboarded, if it needs). */
  context: Context;
  /** A customer of that tenant. */
  customerId: string;
  /**
   * Makes `amount` of the invoice arrive through the provider and be recorded in Remit (a paid
   * checkout and its webhooks). Without it, the suite records a check by hand.
   */
  collect?(invoice: Invoice, amount: string): Promise<void>;
  /** Reads the provider's side directly: the refunds it holds for a payment reference. */
  probe?: { refunds(paymentReference: string): Promise<{ amount: string }[]> };
  close?(): Promise<void>;
};

/** @group Conformance suites */
export type PaymentProviderConformanceOptions = {
  /** Shown in test names, e.g. "stripe" or "manual". */
  name: string;
  /**
   * What the provider can do, known before any case runs: the checkout and provider-refund cases
   * are defined only for a provider that has them (and the first case checks the declaration).
   */
  capabilities: { checkout: boolean; refunds: boolean };
  /** A fresh harness; called before each case. */
  setup(): Promise<PaymentProviderHarness>;
};

async function issuedInvoice(harness: PaymentProviderHarness, total = "120.00") {
  const { remit, context, customerId } = harness;
  const { invoice } = await remit.invoices.create(context, {
    customerId,
    lines: [{ kind: "labor", description: "Service call", quantity: "1", unitPrice: total }],
  });
  return (await remit.invoices.issue(context, { id: invoice.id })).invoice;
}

async function paidPayment(harness: PaymentProviderHarness, invoice: Invoice) {
  const { remit, context } = harness;
  if (harness.collect) await harness.collect(invoice, invoice.amountDue);
  else {
    await remit.invoices.recordPayment(context, {
      id: invoice.id,
      amount: invoice.amountDue,
      method: "check",
      reference: "1042",
      idempotencyKey: `conformance-payment-${invoice.id}`,
    });
  }
  const [payment] = (await remit.invoices.get(context, { id: invoice.id })).payments;
  if (!payment) throw new Error("collect() recorded no payment");
  return payment;
}

/**
 * The payment provider conformance suite: the port's declaration, checkout, and refunds through
 * Remit (pending until the provider confirms, requested once by the outbox worker, idempotent by
 * the refund's id), checked against the provider's side with `probe` where given.
 *
 * @example
 * ```ts
 * describePaymentProviderConformance({
 *   name: "manual",
 *   setup: async () => { … return { remit, provider: createManualPayments(), context, customerId }; },
 * });
 * ```
 * @group Conformance suites
 */
export function describePaymentProviderConformance(
  options: PaymentProviderConformanceOptions,
): void {
  describe(`payment provider conformance (${options.name})`, () => {
    let harness: PaymentProviderHarness;
    beforeEach(async () => {
      harness = await options.setup();
    });
    afterEach(async () => {
      await harness.close?.();
    });

    it("payment port - declares v1, its name, and methods matching its capabilities", () => {
      const { provider } = harness;
      expect(provider.specificationVersion).toBe("v1");
      expect(provider.name).toMatch(/^[a-z][a-z0-9_-]{0,63}$/);
      expect(typeof provider.createCheckout === "function").toBe(provider.capabilities.checkout);
      expect(typeof provider.refund === "function").toBe(provider.capabilities.refunds);
    });

    it("payment port - declares the capabilities the suite was told of", () => {
      expect(harness.provider.capabilities).toMatchObject(options.capabilities);
    });

    const itWithCheckout = options.capabilities.checkout ? it : undefined;
    itWithCheckout?.(
      "payment port - a checkout for the amount due gives a page for the customer",
      async () => {
        const { provider, remit } = harness;
        if (!provider.createCheckout)
          throw new Error("capabilities.checkout is true, but there is no createCheckout");
        const invoice = await issuedInvoice(harness);
        const tenant = await remit.tenants.get(harness.context);
        const urls = {
          successUrl: "https://pay.example.com/ok",
          cancelUrl: "https://pay.example.com/no",
        };
        const checkout = await provider.createCheckout({
          invoice,
          tenant,
          amount: invoice.amountDue,
          ...urls,
        });
        expect(checkout.url).toMatch(/^https?:\/\//);
        expect(checkout.providerReference).toEqual(expect.any(String));
        const refusal = await provider
          .createCheckout({ invoice, tenant, amount: "120.01", ...urls })
          .catch((error: unknown) => error);
        expect(RemitError.isInstance(refusal)).toBe(true);
      },
    );

    it("payment port - a refund through Remit counts once the provider confirms it, and only once", async () => {
      const { provider, remit, context } = harness;
      const invoice = await issuedInvoice(harness);
      const payment = await paidPayment(harness, invoice);
      const { refund } = await remit.invoices.refund(context, {
        id: invoice.id,
        paymentId: payment.id,
        amount: "20.00",
        idempotencyKey: `conformance-refund-${invoice.id}`,
      });
      const viaProvider = payment.provider === provider.name && provider.capabilities.refunds;
      expect(refund.status).toBe(viaProvider ? "pending" : "succeeded");
      const worker = createOutboxWorker({ remit });
      await worker.runOnce();
      await worker.runOnce();
      const after = await remit.invoices.get(context, { id: invoice.id });
      expect(after.refunds).toEqual([
        expect.objectContaining({ id: refund.id, status: "succeeded" }),
      ]);
      expect(after.invoice).toMatchObject({ amountPaid: "100.00", refundPending: "0.00" });
      if (viaProvider && harness.probe && payment.reference) {
        expect(await harness.probe.refunds(payment.reference)).toEqual([
          expect.objectContaining({ amount: "20.00" }),
        ]);
      }
    });

    const itWithRefunds = options.capabilities.refunds ? it : undefined;
    itWithRefunds?.("payment port - refund is idempotent by the refund's id", async () => {
      const { provider, remit } = harness;
      if (!provider.refund)
        throw new Error("capabilities.refunds is true, but there is no refund()");
      const invoice = await issuedInvoice(harness);
      const payment = await paidPayment(harness, invoice);
      const { refund } = await remit.invoices.refund(harness.context, {
        id: invoice.id,
        paymentId: payment.id,
        amount: "5.00",
        idempotencyKey: `conformance-twice-${invoice.id}`,
      });
      const tenant = await remit.tenants.get(harness.context);
      const input = { refund, providerPaymentReference: payment.reference ?? "", tenant };
      const first = await provider.refund(input);
      const second = await provider.refund(input);
      expect(second.providerRefundId).toBe(first.providerRefundId);
      if (harness.probe && payment.reference) {
        expect(await harness.probe.refunds(payment.reference)).toHaveLength(1);
      }
    });
  });
}
