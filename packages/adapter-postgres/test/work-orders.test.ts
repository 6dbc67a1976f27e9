import { expect, test } from "vitest";
import { describeBackends } from "./support/backends";
import { id, invoiceRecord, quoteRecord, workOrderRecord } from "./support/records";

describeBackends((backend) => {
  test("work orders - round-trip, filters, newest-first pages and version checks", async () => {
    const { store } = backend();
    const scheduled = workOrderRecord("t1", 1, {
      status: "scheduled",
      schedule: {
        date: "2026-03-05",
        windowStart: "09:00",
        windowEnd: "11:00",
        technician: "Sam",
      },
    });
    const records = [
      scheduled,
      workOrderRecord("t1", 2, {
        status: "complete_invoice_needed",
        completedAt: "2026-03-02T18:30:00.000Z",
      }),
      workOrderRecord("t1", 3, {
        customer: {
          id: id("cus", 1),
          name: "Customer 1",
          email: null,
          phone: null,
          billingAddress: null,
        },
      }),
    ];
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        for (const record of records) await transaction.workOrders.insert({ record });
      },
    });
    await store.transaction({
      tenantId: "t2",
      work: (transaction) => transaction.workOrders.insert({ record: workOrderRecord("t2", 9) }),
    });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        expect(await transaction.workOrders.get({ id: id("wo", 2) })).toEqual(records[1]);
        expect(await transaction.workOrders.get({ id: id("wo", 9) })).toBeUndefined();
        const ids = async (filter: {
          status?: ("open" | "scheduled" | "complete_invoice_needed")[];
          customerId?: string;
        }) => (await transaction.workOrders.list({ filter, limit: 10 })).items.map((row) => row.id);
        expect(await ids({})).toEqual([3, 2, 1].map((n) => id("wo", n)));
        expect(await ids({ status: ["scheduled", "complete_invoice_needed"] })).toEqual([
          id("wo", 2),
          id("wo", 1),
        ]);
        expect(await ids({ customerId: id("cus", 1) })).toEqual([id("wo", 3), id("wo", 1)]);
        const first = await transaction.workOrders.list({ filter: {}, limit: 2 });
        const second = await transaction.workOrders.list({
          filter: {},
          limit: 2,
          cursor: first.nextCursor ?? "",
        });
        expect(second).toEqual({ items: [records[0]], nextCursor: null });
      },
    });
    await store.transaction({
      tenantId: "t1",
      work: (transaction) =>
        transaction.workOrders.update({
          record: { ...scheduled, version: 2, status: "in_progress" },
          expectedVersion: 1,
        }),
    });
    await expect(
      store.transaction({
        tenantId: "t1",
        work: (transaction) =>
          transaction.workOrders.update({
            record: { ...scheduled, version: 2, status: "cancelled" },
            expectedVersion: 1,
          }),
      }),
    ).rejects.toMatchObject({ code: "version_conflict", expectedVersion: 1, actualVersion: 2 });
  });

  test("work orders - at most one live invoice each; a cancelled one does not count", async () => {
    const { store } = backend();
    const workOrderId = id("wo", 1);
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.workOrders.insert({ record: workOrderRecord("t1", 1) });
        await transaction.invoices.insert({ record: invoiceRecord("t1", 1, { workOrderId }) });
      },
    });
    await expect(
      store.transaction({
        tenantId: "t1",
        work: (transaction) =>
          transaction.invoices.insert({ record: invoiceRecord("t1", 2, { workOrderId }) }),
      }),
    ).rejects.toMatchObject({ code: "23505" });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.invoices.update({
          record: invoiceRecord("t1", 1, { workOrderId, version: 2, status: "cancelled" }),
          expectedVersion: 1,
        });
        await transaction.invoices.insert({ record: invoiceRecord("t1", 2, { workOrderId }) });
      },
    });
  });

  test("quotes - round-trip with money and dates, and the expiry sweep's batches", async () => {
    const { store } = backend();
    const quotes = [
      quoteRecord("t1", 1, {
        status: "sent",
        expiresOn: "2026-03-01",
        sentAt: "2026-02-01T12:00:00.000Z",
      }),
      quoteRecord("t1", 2, { status: "sent", expiresOn: "2026-03-10" }), // not before
      quoteRecord("t1", 3, { status: "approved", expiresOn: "2026-01-01", depositHeld: "250.50" }),
      quoteRecord("t1", 4, { status: "sent", expiresOn: "2026-02-15" }),
      quoteRecord("t1", 5, { status: "sent", expiresOn: null }),
    ];
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        for (const quote of quotes) await transaction.quotes.insert({ record: quote });
      },
    });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        expect(await transaction.quotes.get({ id: id("quo", 3) })).toEqual(quotes[2]);
        expect(await transaction.quotes.get({ id: id("quo", 1), forUpdate: true })).toEqual(
          quotes[0],
        );
        const batch = async (after?: string) =>
          (await transaction.quotes.listExpiring({ before: "2026-03-10", after, limit: 1 })).map(
            (quote) => quote.id,
          );
        expect(await batch()).toEqual([id("quo", 1)]);
        expect(await batch(id("quo", 1))).toEqual([id("quo", 4)]);
        expect(await batch(id("quo", 4))).toEqual([]);
        const sent = await transaction.quotes.list({ filter: { status: ["sent"] }, limit: 10 });
        expect(sent.items.map((quote) => quote.id)).toEqual([5, 4, 2, 1].map((n) => id("quo", n)));
      },
    });
    expect(
      await store.transaction({
        tenantId: "t2",
        work: (transaction) => transaction.quotes.get({ id: id("quo", 1) }),
      }),
    ).toBeUndefined();
  });
});
