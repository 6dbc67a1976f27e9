import type { StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { expectIdempotencyKeyTaken, rejectionOf } from "./fixtures";
import {
  deliveryRecord,
  id,
  inTenant,
  issuedInvoiceRecord,
  paymentRecord,
  quoteRecord,
  refundRecord,
  serial,
} from "./records";

/** Payments, refunds and deliveries: the records money and messages leave behind. */
export function defineLedgerCollectionCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);
  /** Invoices 1 and 2 and quote 1 of `tenantId`, for payments to point at. */
  const insertParents = (tenantId: string) =>
    within(tenantId, async (transaction) => {
      await transaction.invoices.insert({ record: issuedInvoiceRecord(tenantId, 1) });
      await transaction.invoices.insert({ record: issuedInvoiceRecord(tenantId, 2) });
      await transaction.quotes.insert({ record: quoteRecord(tenantId, 1, { status: "approved" }) });
    });

  it("payments.listByInvoice - an invoice's payments by id; listByQuote - every payment of a quote", async () => {
    await insertParents("t1");
    const [invoiceId, quoteId] = [id("inv", 1), id("quo", 1)];
    const deposit = paymentRecord("t1", 2, { quoteId });
    await within("t1", async (transaction) => {
      await transaction.payments.insert({ record: paymentRecord("t1", 3, { invoiceId }) });
      await transaction.payments.insert({ record: paymentRecord("t1", 1, { invoiceId }) });
      await transaction.payments.insert({ record: deposit });
      await transaction.payments.insert({
        record: paymentRecord("t1", 4, { invoiceId: id("inv", 2) }),
      });
      await transaction.payments.insert({ record: paymentRecord("t1", 5, { invoiceId, quoteId }) });
    });
    const byInvoice = () =>
      within("t1", async (transaction) =>
        (await transaction.payments.listByInvoice({ invoiceId })).map(serial),
      );
    await within("t1", async (transaction) => {
      expect(await transaction.payments.get({ id: id("pay", 3) })).toEqual(
        paymentRecord("t1", 3, { invoiceId }),
      );
      expect(await transaction.payments.get({ id: id("pay", 9) })).toBeUndefined();
      expect((await transaction.payments.listByQuote({ quoteId })).map(serial)).toEqual([2, 5]);
      expect(await transaction.payments.listByInvoice({ invoiceId: id("inv", 9) })).toEqual([]);
    });
    expect(await byInvoice()).toEqual([1, 3, 5]);
    // A deposit applied to the invoice, then returned to its quote.
    await within("t1", (transaction) =>
      transaction.payments.update({ record: { ...deposit, invoiceId } }),
    );
    expect(await byInvoice()).toEqual([1, 2, 3, 5]);
    await within("t1", (transaction) =>
      transaction.payments.update({
        record: { ...deposit, invoiceId: null, status: "returned_to_quote" },
      }),
    );
    expect(await byInvoice()).toEqual([1, 3, 5]);
    expect(
      await within("t1", (transaction) => transaction.payments.get({ id: deposit.id })),
    ).toEqual({ ...deposit, status: "returned_to_quote" });
    expect(
      (
        await rejectionOf(
          within("t1", (transaction) =>
            transaction.payments.update({ record: paymentRecord("t1", 9) }),
          ),
        )
      ).code,
    ).toBe("not_found");
  });

  it("payments.insert - a taken idempotency key throws IdempotencyKeyTakenError and writes nothing", async () => {
    await insertParents("t1");
    await insertParents("t2");
    const first = paymentRecord("t1", 1, { invoiceId: id("inv", 1), idempotencyKey: "pi_123" });
    await within("t1", (transaction) => transaction.payments.insert({ record: first }));
    const again = paymentRecord("t1", 2, { invoiceId: id("inv", 2), idempotencyKey: "pi_123" });
    const error = await within("t1", async (transaction) => {
      const refused = await transaction.payments
        .insert({ record: again })
        .catch((caught: unknown) => caught);
      // The transaction stays usable after the refusal.
      await transaction.payments.insert({ record: paymentRecord("t1", 3) });
      return refused;
    });
    expectIdempotencyKeyTaken(error, "pi_123");
    await within("t2", (transaction) =>
      transaction.payments.insert({ record: { ...again, tenantId: "t2" } }),
    );
    const probe = harness.probe();
    expect(await probe.count("t1", "payments")).toBe(2);
    expect(await probe.count("t2", "payments")).toBe(1);
    await within("t1", async (transaction) => {
      expect(await transaction.payments.get({ id: again.id })).toBeUndefined();
      expect(await transaction.payments.listByInvoice({ invoiceId: id("inv", 2) })).toEqual([]);
    });
  });

  it("refunds - listed by payment and by invoice, by id; update replaces the status", async () => {
    await insertParents("t1");
    const [invoiceId, paymentId] = [id("inv", 1), id("pay", 1)];
    const pending = refundRecord("t1", 3, paymentId, { invoiceId, status: "pending" });
    await within("t1", async (transaction) => {
      await transaction.payments.insert({ record: paymentRecord("t1", 1, { invoiceId }) });
      await transaction.payments.insert({ record: paymentRecord("t1", 2, { invoiceId }) });
      await transaction.refunds.insert({ record: pending });
      await transaction.refunds.insert({
        record: refundRecord("t1", 1, paymentId, { invoiceId }),
      });
      await transaction.refunds.insert({
        record: refundRecord("t1", 2, id("pay", 2), { invoiceId }),
      });
    });
    await within("t1", async (transaction) => {
      expect((await transaction.refunds.listByPayment({ paymentId })).map(serial)).toEqual([1, 3]);
      expect((await transaction.refunds.listByInvoice({ invoiceId })).map(serial)).toEqual([
        1, 2, 3,
      ]);
      expect(await transaction.refunds.listByInvoice({ invoiceId: id("inv", 2) })).toEqual([]);
      expect(await transaction.refunds.get({ id: id("ref", 9) })).toBeUndefined();
      await transaction.refunds.update({
        record: { ...pending, status: "succeeded", providerRefundId: "re_1" },
      });
    });
    expect(
      await within("t1", (transaction) => transaction.refunds.get({ id: pending.id })),
    ).toEqual({ ...pending, status: "succeeded", providerRefundId: "re_1" });
    expect(
      (
        await rejectionOf(
          within("t1", (transaction) =>
            transaction.refunds.update({ record: refundRecord("t1", 9, paymentId) }),
          ),
        )
      ).code,
    ).toBe("not_found");
  });

  it("refunds.insert - a taken idempotency key throws IdempotencyKeyTakenError and writes nothing", async () => {
    await insertParents("t1");
    const paymentId = id("pay", 1);
    await within("t1", async (transaction) => {
      await transaction.payments.insert({ record: paymentRecord("t1", 1) });
      await transaction.refunds.insert({
        record: refundRecord("t1", 1, paymentId, { idempotencyKey: "re-key" }),
      });
    });
    const error = await within("t1", async (transaction) => {
      const refused = await transaction.refunds
        .insert({ record: refundRecord("t1", 2, paymentId, { idempotencyKey: "re-key" }) })
        .catch((caught: unknown) => caught);
      await transaction.refunds.insert({ record: refundRecord("t1", 3, paymentId) });
      return refused;
    });
    expectIdempotencyKeyTaken(error, "re-key");
    expect(await harness.probe().count("t1", "refunds")).toBe(2);
    expect(
      await within("t1", (transaction) => transaction.refunds.get({ id: id("ref", 2) })),
    ).toBeUndefined();
  });

  it("deliveries.insert - the same source, channel and recipient again returns false and writes nothing", async () => {
    await insertParents("t1");
    await insertParents("t2");
    const invoiceId = id("inv", 1);
    const delivery = deliveryRecord("t1", 1, invoiceId);
    await within("t1", async (transaction) => {
      expect(await transaction.deliveries.insert({ record: delivery })).toBe(true);
      expect(
        await transaction.deliveries.insert({ record: { ...delivery, id: id("dlv", 2) } }),
      ).toBe(false);
    });
    await within("t1", async (transaction) => {
      expect(
        await transaction.deliveries.insert({
          record: { ...delivery, id: id("dlv", 3), status: "sent" },
        }),
      ).toBe(false);
      // Another channel, recipient or source is another message.
      for (const [n, change] of [
        [4, { channel: "sms", recipient: "+15550000000" }],
        [5, { recipient: "other@example.com" }],
        [6, { sourceId: id("evt", 6) }],
      ] as const) {
        expect(
          await transaction.deliveries.insert({
            record: { ...delivery, id: id("dlv", n), ...change },
          }),
        ).toBe(true);
      }
    });
    expect(
      await within("t2", (transaction) =>
        transaction.deliveries.insert({ record: { ...delivery, tenantId: "t2" } }),
      ),
    ).toBe(true);
    const probe = harness.probe();
    expect(await probe.count("t1", "deliveries")).toBe(4);
    expect(await probe.count("t2", "deliveries")).toBe(1);
    await within("t1", async (transaction) => {
      expect(await transaction.deliveries.get({ id: id("dlv", 2) })).toBeUndefined();
      expect(await transaction.deliveries.get({ id: delivery.id })).toEqual(delivery);
    });
  });

  it("deliveries - update replaces one; listByInvoice by id; findByProviderMessageId", async () => {
    await insertParents("t1");
    const invoiceId = id("inv", 1);
    const first = deliveryRecord("t1", 1, invoiceId);
    await within("t1", async (transaction) => {
      for (const delivery of [
        deliveryRecord("t1", 3, invoiceId),
        first,
        deliveryRecord("t1", 2, id("inv", 2)),
        deliveryRecord("t1", 4, invoiceId, { channel: "sms", recipient: "+15550000000" }),
      ])
        await transaction.deliveries.insert({ record: delivery });
      await transaction.deliveries.update({
        record: { ...first, status: "sent", attempts: 1, providerMessageId: "SM123" },
      });
    });
    await within("t1", async (transaction) => {
      expect((await transaction.deliveries.listByInvoice({ invoiceId })).map(serial)).toEqual([
        1, 3, 4,
      ]);
      expect(
        await transaction.deliveries.findByProviderMessageId({ providerMessageId: "SM123" }),
      ).toEqual({ ...first, status: "sent", attempts: 1, providerMessageId: "SM123" });
      expect(
        await transaction.deliveries.findByProviderMessageId({ providerMessageId: "SM999" }),
      ).toBeUndefined();
    });
    expect(
      (
        await rejectionOf(
          within("t1", (transaction) =>
            transaction.deliveries.update({ record: deliveryRecord("t1", 9, invoiceId) }),
          ),
        )
      ).code,
    ).toBe("not_found");
  });

  it("deliveries - a quote's delivery names the quote and no invoice; listByQuote finds it by id", async () => {
    await insertParents("t1");
    const quoteId = id("quo", 1);
    const forQuote = (n: number) =>
      deliveryRecord("t1", n, id("inv", 1), { invoiceId: null, quoteId, purpose: "quote" });
    await within("t1", async (transaction) => {
      await transaction.deliveries.insert({ record: forQuote(3) });
      await transaction.deliveries.insert({ record: forQuote(1) });
      await transaction.deliveries.insert({ record: deliveryRecord("t1", 2, id("inv", 1)) });
    });
    await within("t1", async (transaction) => {
      const { listByQuote } = transaction.deliveries;
      if (!listByQuote) throw new Error("The store implements no deliveries.listByQuote");
      expect(await transaction.deliveries.get({ id: id("dlv", 1) })).toEqual(forQuote(1));
      expect((await listByQuote.call(transaction.deliveries, { quoteId })).map(serial)).toEqual([
        1, 3,
      ]);
      expect(await listByQuote.call(transaction.deliveries, { quoteId: id("quo", 9) })).toEqual([]);
      expect(
        (await transaction.deliveries.listByInvoice({ invoiceId: id("inv", 1) })).map(serial),
      ).toEqual([2]);
    });
  });
}
