import type { StoreTransaction, WorkOrderStatus } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { rejectionOf } from "./fixtures";
import { customerRecord, id, inTenant, quoteRecord, serial, workOrderRecord } from "./records";

/** Customers, work orders and quotes: the versioned records beside invoices. */
export function defineRecordCollectionCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);

  it("customers.list - pages by id ascending with an opaque cursor, nextCursor null at the end", async () => {
    await within("t1", async (transaction) => {
      for (const n of [3, 1, 5, 2, 4])
        await transaction.customers.insert({ record: customerRecord("t1", n) });
    });
    await within("t2", (transaction) =>
      transaction.customers.insert({ record: customerRecord("t2", 9) }),
    );
    await within("t1", async (transaction) => {
      expect(await transaction.customers.get({ id: id("cus", 3) })).toEqual(
        customerRecord("t1", 3),
      );
      const first = await transaction.customers.list({ limit: 2 });
      expect(first.items.map(serial)).toEqual([1, 2]);
      expect(first.nextCursor).not.toContain("cus_");
      const second = await transaction.customers.list({ limit: 2, cursor: first.nextCursor ?? "" });
      expect(second.items.map(serial)).toEqual([3, 4]);
      const last = await transaction.customers.list({ limit: 2, cursor: second.nextCursor ?? "" });
      expect(last).toEqual({ items: [customerRecord("t1", 5)], nextCursor: null });
      expect((await transaction.customers.list({ limit: 5 })).nextCursor).toBeNull();
      expect(
        (await rejectionOf(transaction.customers.list({ limit: 2, cursor: "not a cursor!" }))).code,
      ).toBe("validation_error");
    });
  });

  it("customers.list - searches name, email and phone case-insensitively", async () => {
    await within("t1", async (transaction) => {
      await transaction.customers.insert({
        record: customerRecord("t1", 1, { name: "Dana Reyes", email: null }),
      });
      await transaction.customers.insert({
        record: customerRecord("t1", 2, { phone: "+15551234567" }),
      });
      await transaction.customers.insert({
        record: customerRecord("t1", 3, { email: "Billing@Müller.example" }),
      });
      await transaction.customers.insert({ record: customerRecord("t1", 4) });
    });
    await within("t2", (transaction) =>
      transaction.customers.insert({ record: customerRecord("t2", 5, { name: "Dana Reyes" }) }),
    );
    await within("t1", async (transaction) => {
      const search = async (text: string, limit = 10) =>
        (await transaction.customers.list({ search: text, limit })).items.map(serial);
      expect(await search("REYES")).toEqual([1]);
      expect(await search("dana r")).toEqual([1]);
      expect(await search("5551234")).toEqual([2]);
      expect(await search("customer4@")).toEqual([4]);
      expect(await search("billing@MÜLLER")).toEqual([3]);
      expect(await search("customer")).toEqual([2, 3, 4]);
      expect(await search("%")).toEqual([]);
      expect(await search("")).toEqual([1, 2, 3, 4]);
      const page = await transaction.customers.list({ search: "example", limit: 1 });
      expect(page.items.map(serial)).toEqual([2]);
      const rest = await transaction.customers.list({
        search: "example",
        limit: 5,
        cursor: page.nextCursor ?? "",
      });
      expect(rest).toMatchObject({ nextCursor: null });
      expect(rest.items.map(serial)).toEqual([3, 4]);
    });
  });

  it("customers.update - writes over the expected version and refuses a stale one", async () => {
    const customer = customerRecord("t1", 1);
    await within("t1", (transaction) => transaction.customers.insert({ record: customer }));
    await within("t1", (transaction) =>
      transaction.customers.update({
        record: { ...customer, version: 2, name: "Renamed" },
        expectedVersion: 1,
      }),
    );
    const stale = await rejectionOf(
      within("t1", (transaction) =>
        transaction.customers.update({
          record: { ...customer, version: 2, name: "Stale" },
          expectedVersion: 1,
        }),
      ),
    );
    expect(stale).toMatchObject({ code: "version_conflict", expectedVersion: 1, actualVersion: 2 });
    expect(
      await within("t1", (transaction) => transaction.customers.get({ id: customer.id })),
    ).toMatchObject({ version: 2, name: "Renamed" });
  });

  it("workOrders.list - pages newest first, filtered by any of some statuses and by customer", async () => {
    const records = [
      workOrderRecord("t1", 1, {
        status: "scheduled",
        schedule: {
          date: "2026-03-05",
          windowStart: "09:00",
          windowEnd: "11:00",
          technician: "Sam",
        },
      }),
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
    await within("t1", async (transaction) => {
      for (const record of records) await transaction.workOrders.insert({ record });
    });
    await within("t2", (transaction) =>
      transaction.workOrders.insert({ record: workOrderRecord("t2", 9) }),
    );
    await within("t1", async (transaction) => {
      expect(await transaction.workOrders.get({ id: id("wo", 2) })).toEqual(records[1]);
      const listed = async (filter: { status?: WorkOrderStatus[]; customerId?: string }) =>
        (await transaction.workOrders.list({ filter, limit: 10 })).items.map(serial);
      expect(await listed({})).toEqual([3, 2, 1]);
      expect(await listed({ status: ["scheduled", "complete_invoice_needed"] })).toEqual([2, 1]);
      expect(await listed({ status: [] })).toEqual([]);
      expect(await listed({ customerId: id("cus", 1) })).toEqual([3, 1]);
      expect(await listed({ status: ["open"], customerId: id("cus", 1) })).toEqual([3]);
      const first = await transaction.workOrders.list({ filter: {}, limit: 2 });
      expect(first.items.map(serial)).toEqual([3, 2]);
      expect(first.nextCursor).not.toContain("wo_");
      const second = await transaction.workOrders.list({
        filter: {},
        limit: 2,
        cursor: first.nextCursor ?? "",
      });
      expect(second).toEqual({ items: [records[0]], nextCursor: null });
    });
  });

  it("workOrders.update - writes over the expected version and refuses a stale one", async () => {
    const workOrder = workOrderRecord("t1", 1);
    await within("t1", (transaction) => transaction.workOrders.insert({ record: workOrder }));
    await within("t1", (transaction) =>
      transaction.workOrders.update({
        record: { ...workOrder, version: 2, status: "in_progress" },
        expectedVersion: 1,
      }),
    );
    const stale = await rejectionOf(
      within("t1", (transaction) =>
        transaction.workOrders.update({
          record: { ...workOrder, version: 2, status: "cancelled" },
          expectedVersion: 1,
        }),
      ),
    );
    expect(stale).toMatchObject({ code: "version_conflict", expectedVersion: 1, actualVersion: 2 });
    expect(
      await within("t1", (transaction) => transaction.workOrders.get({ id: workOrder.id })),
    ).toMatchObject({ version: 2, status: "in_progress" });
  });

  it("quotes.list - pages newest first, filtered by any of some statuses and by customer", async () => {
    await within("t1", async (transaction) => {
      await transaction.quotes.insert({ record: quoteRecord("t1", 1, { status: "sent" }) });
      await transaction.quotes.insert({ record: quoteRecord("t1", 2) });
      await transaction.quotes.insert({
        record: quoteRecord("t1", 3, {
          status: "sent",
          customer: {
            id: id("cus", 1),
            name: "Customer 1",
            email: null,
            phone: null,
            billingAddress: null,
          },
        }),
      });
      await transaction.quotes.insert({ record: quoteRecord("t1", 4, { status: "approved" }) });
    });
    await within("t2", (transaction) =>
      transaction.quotes.insert({ record: quoteRecord("t2", 9, { status: "sent" }) }),
    );
    await within("t1", async (transaction) => {
      const listed = async (filter: { status?: ("sent" | "approved")[]; customerId?: string }) =>
        (await transaction.quotes.list({ filter, limit: 10 })).items.map(serial);
      expect(await listed({})).toEqual([4, 3, 2, 1]);
      expect(await listed({ status: ["sent"] })).toEqual([3, 1]);
      expect(await listed({ status: ["sent", "approved"] })).toEqual([4, 3, 1]);
      expect(await listed({ customerId: id("cus", 1) })).toEqual([3, 1]);
      expect(await listed({ status: ["approved"], customerId: id("cus", 1) })).toEqual([]);
      expect(await listed({ status: ["sent", "approved"], customerId: id("cus", 4) })).toEqual([4]);
      const first = await transaction.quotes.list({ filter: { status: ["sent"] }, limit: 1 });
      expect(first.items.map(serial)).toEqual([3]);
      const second = await transaction.quotes.list({
        filter: { status: ["sent"] },
        limit: 1,
        cursor: first.nextCursor ?? "",
      });
      expect(second.items.map(serial)).toEqual([1]);
      expect(second.nextCursor).toBeNull();
    });
  });

  it("quotes.listExpiring - only sent quotes expiring before the date, by id, in batches", async () => {
    const quotes = [
      quoteRecord("t1", 4, { status: "sent", expiresOn: "2026-02-15" }),
      quoteRecord("t1", 1, {
        status: "sent",
        expiresOn: "2026-03-01",
        sentAt: "2026-02-01T12:00:00.000Z",
      }),
      quoteRecord("t1", 2, { status: "sent", expiresOn: "2026-03-10" }), // not before
      quoteRecord("t1", 3, { status: "approved", expiresOn: "2026-01-01", depositHeld: "250.50" }),
      quoteRecord("t1", 5, { status: "sent", expiresOn: null }),
    ];
    await within("t1", async (transaction) => {
      for (const quote of quotes) await transaction.quotes.insert({ record: quote });
    });
    await within("t2", (transaction) =>
      transaction.quotes.insert({
        record: quoteRecord("t2", 6, { status: "sent", expiresOn: "2026-01-01" }),
      }),
    );
    await within("t1", async (transaction) => {
      expect(await transaction.quotes.get({ id: id("quo", 3) })).toEqual(quotes[3]);
      expect(await transaction.quotes.get({ id: id("quo", 1), forUpdate: true })).toEqual(
        quotes[1],
      );
      const batch = async (after?: string) =>
        (
          await transaction.quotes.listExpiring({
            before: "2026-03-10",
            limit: 1,
            ...(after ? { after } : {}),
          })
        ).map(serial);
      expect(await batch()).toEqual([1]);
      expect(await batch(id("quo", 1))).toEqual([4]);
      expect(await batch(id("quo", 4))).toEqual([]);
      const all = await transaction.quotes.listExpiring({ before: "2026-03-11", limit: 10 });
      expect(all.map(serial)).toEqual([1, 2, 4]);
    });
  });

  it("quotes.update - writes over the expected version and refuses a stale one", async () => {
    const quote = quoteRecord("t1", 1);
    await within("t1", (transaction) => transaction.quotes.insert({ record: quote }));
    await within("t1", (transaction) =>
      transaction.quotes.update({
        record: { ...quote, version: 2, status: "sent", sentAt: "2026-03-02T09:00:00.000Z" },
        expectedVersion: 1,
      }),
    );
    const stale = await rejectionOf(
      within("t1", (transaction) =>
        transaction.quotes.update({
          record: { ...quote, version: 2, status: "declined" },
          expectedVersion: 1,
        }),
      ),
    );
    expect(stale).toMatchObject({ code: "version_conflict", expectedVersion: 1, actualVersion: 2 });
    expect(
      await within("t1", (transaction) => transaction.quotes.get({ id: quote.id })),
    ).toMatchObject({ version: 2, status: "sent", sentAt: "2026-03-02T09:00:00.000Z" });
  });
}
