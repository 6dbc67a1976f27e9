import type { StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { sampleLines, setupTenant } from "./fixtures";
import {
  creditApplicationRecord,
  creditNoteRecord,
  deliveryRecord,
  id,
  inTenant,
  issuedInvoiceRecord,
  serial,
} from "./records";

/**
 * Credit notes, customer credit moved between invoices, and the invoice fields and status that
 * came with them (`@since 0.3.0` of the store port): each method on its own, then the moves that
 * lean on the store under concurrency.
 */
export function defineCreditCollectionCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);
  const collections = (transaction: StoreTransaction) => {
    const { creditNotes, creditApplications } = transaction;
    if (!creditNotes || !creditApplications)
      throw new Error("The store implements no creditNotes / creditApplications");
    return { creditNotes, creditApplications };
  };
  const insertInvoices = (tenantId: string, count: number) =>
    within(tenantId, async (transaction) => {
      for (let n = 1; n <= count; n++)
        await transaction.invoices.insert({ record: issuedInvoiceRecord(tenantId, n) });
    });

  it("creditNotes - get, insert and listByInvoice keep every field, by id, within the tenant", async () => {
    await insertInvoices("t1", 2);
    await insertInvoices("t2", 1);
    await within("t1", async (transaction) => {
      const { creditNotes } = collections(transaction);
      await creditNotes.insert({ record: creditNoteRecord("t1", 3, 1) });
      await creditNotes.insert({ record: creditNoteRecord("t1", 1, 1) });
      await creditNotes.insert({ record: creditNoteRecord("t1", 2, 2) });
    });
    await within("t2", (transaction) =>
      collections(transaction).creditNotes.insert({ record: creditNoteRecord("t2", 1, 1) }),
    );
    await within("t1", async (transaction) => {
      const { creditNotes } = collections(transaction);
      expect(await creditNotes.get({ id: id("cn", 3) })).toEqual(creditNoteRecord("t1", 3, 1));
      expect(await creditNotes.get({ id: id("cn", 9) })).toBeUndefined();
      expect((await creditNotes.listByInvoice({ invoiceId: id("inv", 1) })).map(serial)).toEqual([
        1, 3,
      ]);
      expect(await creditNotes.listByInvoice({ invoiceId: id("inv", 9) })).toEqual([]);
    });
    // Another tenant's note of the same id is its own.
    expect(
      await within("t2", (transaction) =>
        collections(transaction).creditNotes.listByInvoice({ invoiceId: id("inv", 2) }),
      ),
    ).toEqual([]);
    expect(await harness.probe().count("t1", "creditNotes")).toBe(3);
    expect((await harness.probe().creditNoteNumbers("t1")).sort()).toEqual([
      "CN-0001",
      "CN-0002",
      "CN-0003",
    ]);
  });

  it("deliveries - a credit_note delivery keeps its creditNoteId and is listed with its invoice's", async () => {
    await insertInvoices("t1", 1);
    const delivery = deliveryRecord("t1", 1, id("inv", 1), {
      purpose: "credit_note",
      creditNoteId: id("cn", 1),
    });
    await within("t1", async (transaction) => {
      await collections(transaction).creditNotes.insert({ record: creditNoteRecord("t1", 1, 1) });
      expect(await transaction.deliveries.insert({ record: delivery })).toBe(true);
      await transaction.deliveries.insert({ record: deliveryRecord("t1", 2, id("inv", 1)) });
    });
    await within("t1", async (transaction) => {
      expect(await transaction.deliveries.get({ id: delivery.id })).toEqual(delivery);
      const listed = await transaction.deliveries.listByInvoice({ invoiceId: id("inv", 1) });
      expect(listed.map((each) => [each.purpose, each.creditNoteId])).toEqual([
        ["credit_note", id("cn", 1)],
        ["invoice", null],
      ]);
    });
  });

  it("creditNotes.insert - a number the tenant used is refused, and a rollback keeps nothing", async () => {
    await insertInvoices("t1", 1);
    await within("t1", (transaction) =>
      collections(transaction).creditNotes.insert({ record: creditNoteRecord("t1", 1, 1) }),
    );
    await expect(
      within("t1", (transaction) =>
        collections(transaction).creditNotes.insert({
          record: creditNoteRecord("t1", 2, 1, { number: "CN-0001" }),
        }),
      ),
    ).rejects.toBeDefined();
    expect(await harness.probe().count("t1", "creditNotes")).toBe(1);
  });

  it("creditApplications - listByInvoice finds both ends, listByCustomer every entry, by id", async () => {
    await insertInvoices("t1", 3);
    await within("t1", async (transaction) => {
      const { creditApplications } = collections(transaction);
      await creditApplications.insert({ record: creditApplicationRecord("t1", 2, 1, 2) });
      await creditApplications.insert({ record: creditApplicationRecord("t1", 1, 3, 1) });
      await creditApplications.insert({
        record: creditApplicationRecord("t1", 3, 2, 3, { customerId: id("cus", 7) }),
      });
    });
    await within("t1", async (transaction) => {
      const { creditApplications } = collections(transaction);
      expect(
        (await creditApplications.listByInvoice({ invoiceId: id("inv", 1) })).map(serial),
      ).toEqual([1, 2]);
      expect(await creditApplications.listByInvoice({ invoiceId: id("inv", 2) })).toEqual([
        creditApplicationRecord("t1", 2, 1, 2),
        creditApplicationRecord("t1", 3, 2, 3, { customerId: id("cus", 7) }),
      ]);
      expect(
        (await creditApplications.listByCustomer({ customerId: id("cus", 1) })).map(serial),
      ).toEqual([1, 2]);
    });
    expect(await harness.probe().count("t1", "creditApplications")).toBe(3);
    expect(
      await within("t2", (transaction) =>
        collections(transaction).creditApplications.listByCustomer({ customerId: id("cus", 1) }),
      ),
    ).toEqual([]);
  });

  it("invoices - keep the credit-note total, the written-off amount and the status uncollectible; listWithCredit finds a customer's credit", async () => {
    const customer = issuedInvoiceRecord("t1", 1).customer;
    const uncollectible = issuedInvoiceRecord("t1", 1, {
      status: "uncollectible",
      creditNoteTotal: "20.00",
      amountPaid: "50.00",
      amountDue: "0.00",
      writtenOff: "100.00",
      writeOffReason: "Bad debt",
      writtenOffAt: "2026-03-05T10:00:00.000Z",
    });
    const withCredit = issuedInvoiceRecord("t1", 2, {
      status: "paid",
      customer,
      amountPaid: "180.00",
      amountDue: "0.00",
      credit: "10.00",
    });
    const otherCustomer = issuedInvoiceRecord("t1", 3, { status: "paid", credit: "4.00" });
    const alsoCredit = issuedInvoiceRecord("t1", 4, {
      status: "cancelled",
      customer,
      credit: "0.01",
    });
    await within("t1", async (transaction) => {
      for (const record of [alsoCredit, withCredit, uncollectible, otherCustomer])
        await transaction.invoices.insert({ record });
    });
    await within("t1", async (transaction) => {
      expect(await transaction.invoices.get({ id: uncollectible.id })).toEqual(uncollectible);
      const page = await transaction.invoices.list({
        filter: { status: ["uncollectible"] },
        limit: 10,
      });
      expect(page.items).toEqual([uncollectible]);
      const listWithCredit = transaction.invoices.listWithCredit?.bind(transaction.invoices);
      expect(listWithCredit).toBeDefined();
      expect((await listWithCredit?.({ customerId: customer?.id ?? "" }))?.map(serial)).toEqual([
        2, 4,
      ]);
    });
    // The sweep's batches leave uncollectible invoices alone.
    expect(
      await within("t1", (transaction) =>
        transaction.invoices.listDueBefore({ before: "2027-01-01", limit: 10 }),
      ),
    ).toEqual([]);
  });

  it("issueCreditNote - assigns the next credit-note number under concurrent calls, with no gap and no repeat", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store(), "tenant_a", {
      creditNoteNumberFormat: "CN-{YYYY}-{SEQ:3}",
    });
    const invoices = [];
    for (let index = 0; index < 8; index++) {
      const { invoice } = await remit.invoices.create(ctx, {
        customerId: customer.id,
        ...sampleLines(),
        issue: true,
      });
      invoices.push(invoice);
    }
    // Three notes per invoice, all at once: each invoice's notes wait on its row, and every
    // note on the tenant's credit-note counter.
    const results = await Promise.allSettled(
      invoices.flatMap((invoice) =>
        [1, 2, 3].map((n) =>
          remit.invoices.issueCreditNote(ctx, {
            id: invoice.id,
            amount: "1.00",
            reason: `Goodwill ${n}`,
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect((await harness.probe().creditNoteNumbers("tenant_a")).sort()).toEqual(
      Array.from({ length: 24 }, (_, index) => `CN-2026-${String(index + 1).padStart(3, "0")}`),
    );
    expect(await harness.probe().invoiceNumbers("tenant_a")).toHaveLength(8);
    for (const invoice of invoices) {
      const details = await remit.invoices.get(ctx, { id: invoice.id });
      expect(details.invoice).toMatchObject({
        creditNoteTotal: "3.00",
        version: invoice.version + 3,
      });
    }
  });

  it("applyCredit - concurrent applications of one invoice's credit never apply more than it holds", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store(), "tenant_a");
    const create = async () =>
      (await remit.invoices.create(ctx, { customerId: customer.id, ...sampleLines(), issue: true }))
        .invoice;
    const source = await create();
    const targets = [await create(), await create(), await create()];
    await remit.invoices.recordPayment(ctx, {
      id: source.id,
      amount: "403.93",
      method: "check",
      idempotencyKey: "overpaid",
    });
    const results = await Promise.allSettled(
      targets.map((target) =>
        remit.invoices.applyCredit(ctx, { id: source.id, toInvoiceId: target.id, amount: "40.00" }),
      ),
    );
    // 100.00 of credit: two applications of 40.00 fit, the third finds 20.00 left and is refused.
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused && "reason" in refused && refused.reason).toMatchObject({ path: "amount" });
    const after = await remit.invoices.get(ctx, { id: source.id });
    expect(after.invoice).toMatchObject({ credit: "20.00", amountPaid: "323.93" });
    const credit = await remit.customers.getCredit(ctx, { id: customer.id });
    expect(credit.balances).toMatchObject([{ currency: "USD", amount: "20.00" }]);
    expect(await harness.probe().count("tenant_a", "creditApplications")).toBe(2);
  });
}
