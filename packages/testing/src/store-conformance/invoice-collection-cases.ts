import type { Invoice, InvoiceFilter, StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { rejectionOf } from "./fixtures";
import {
  id,
  inTenant,
  invoiceRecord,
  issuedInvoiceRecord,
  serial,
  workOrderRecord,
} from "./records";

/**
 * Four invoices of tenant t1 that the filter cases pick from (and one of t2 that matches every
 * filter but must never show):
 * 1. draft, Customer 1, no due date, no number;
 * 2. issued INV-0002, Customer 2, due 2026-03-10, from work order 1;
 * 3. past due INV-0003, Customer 3, due 2026-02-01;
 * 4. issued INV-0004, "Ana Müller 50%_off" (the id of Customer 2), due 2026-04-30.
 */
function filterFixture(): Invoice[] {
  return [
    invoiceRecord("t1", 1),
    issuedInvoiceRecord("t1", 2, { dueDate: "2026-03-10", workOrderId: id("wo", 1) }),
    issuedInvoiceRecord("t1", 3, { status: "past_due", dueDate: "2026-02-01" }),
    issuedInvoiceRecord("t1", 4, {
      dueDate: "2026-04-30",
      customer: {
        id: id("cus", 2),
        name: "Ana Müller 50%_off",
        email: null,
        phone: null,
        billingAddress: null,
      },
    }),
  ];
}

export function defineInvoiceCollectionCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);
  const insertAll = (tenantId: string, invoices: Invoice[]) =>
    within(tenantId, async (transaction) => {
      for (const invoice of invoices) await transaction.invoices.insert({ record: invoice });
    });
  const insertFilterFixture = async () => {
    await within("t1", (transaction) =>
      transaction.workOrders.insert({ record: workOrderRecord("t1", 1) }),
    );
    await insertAll("t1", filterFixture());
    await within("t2", (transaction) =>
      transaction.workOrders.insert({ record: workOrderRecord("t2", 1) }),
    );
    await insertAll("t2", [
      issuedInvoiceRecord("t2", 2, { dueDate: "2026-03-10", workOrderId: id("wo", 1) }),
    ]);
  };
  /** The serial numbers of the t1 invoices the filter lists, in list order. */
  const listed = async (filter: InvoiceFilter) =>
    (
      await within("t1", (transaction) => transaction.invoices.list({ filter, limit: 50 }))
    ).items.map(serial);

  it("invoices.get - returns the record exactly as written: money, dates and instants", async () => {
    const invoice = issuedInvoiceRecord("t1", 1, {
      total: "12345678901234567890.123456789",
      amountPaid: "0.10",
      amountDue: "12345678901234567890.023456789",
      credit: "0",
      refundPending: "1.000",
      issueDate: "2026-12-31",
      dueDate: "2027-01-01",
      paidAt: "2026-12-31T23:59:59.999Z",
      terms: { dueDate: "2027-01-01" },
    });
    await insertAll("t1", [invoice]);
    await within("t1", async (transaction) => {
      expect(await transaction.invoices.get({ id: invoice.id })).toEqual(invoice);
      expect(await transaction.invoices.get({ id: invoice.id, forUpdate: true })).toEqual(invoice);
      expect(await transaction.invoices.get({ id: id("inv", 2) })).toBeUndefined();
    });
  });

  it("invoices.list - pages newest first with an opaque cursor, nextCursor null at the end", async () => {
    await insertAll(
      "t1",
      Array.from({ length: 7 }, (_, index) => invoiceRecord("t1", index + 1)),
    );
    await insertAll("t2", [invoiceRecord("t2", 99)]);
    const seen: number[][] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | undefined;
    do {
      const page = await within("t1", (transaction) =>
        transaction.invoices.list({ filter: {}, limit: 3, ...(cursor ? { cursor } : {}) }),
      );
      seen.push(page.items.map(serial));
      cursors.push(page.nextCursor);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([[7, 6, 5], [4, 3, 2], [1]]);
    expect(cursors[0]).not.toContain("inv_");
    expect(cursors.at(-1)).toBeNull();
    const whole = await within("t1", (transaction) =>
      transaction.invoices.list({ filter: {}, limit: 7 }),
    );
    expect(whole.items).toHaveLength(7);
    expect(whole.nextCursor).toBeNull();
  });

  it("invoices.list - refuses a cursor that no page returned", async () => {
    await insertAll("t1", [invoiceRecord("t1", 1)]);
    const refused = await rejectionOf(
      within("t1", (transaction) =>
        transaction.invoices.list({ filter: {}, limit: 3, cursor: "not a cursor!" }),
      ),
    );
    expect(refused.code).toBe("validation_error");
  });

  it("invoices.list - filters by each field alone", async () => {
    await insertFilterFixture();
    expect(await listed({})).toEqual([4, 3, 2, 1]);
    expect(await listed({ status: ["pending_payment"] })).toEqual([4, 2]);
    expect(await listed({ status: ["pending_payment", "past_due"] })).toEqual([4, 3, 2]);
    expect(await listed({ status: [] })).toEqual([]);
    expect(await listed({ customerId: id("cus", 2) })).toEqual([4, 2]);
    expect(await listed({ customerId: id("cus", 9) })).toEqual([]);
    expect(await listed({ dueFrom: "2026-03-10" })).toEqual([4, 2]); // inclusive
    expect(await listed({ dueTo: "2026-03-10" })).toEqual([3, 2]); // inclusive; no due date: out
    expect(await listed({ number: "INV-0003" })).toEqual([3]);
    expect(await listed({ number: "inv-0003" })).toEqual([]); // the exact number
    expect(await listed({ workOrderId: id("wo", 1) })).toEqual([2]);
  });

  it("invoices.list - combines filters with AND", async () => {
    await insertFilterFixture();
    expect(await listed({ dueFrom: "2026-03-01", dueTo: "2026-03-31" })).toEqual([2]);
    expect(await listed({ status: ["pending_payment", "past_due"], dueTo: "2026-03-31" })).toEqual([
      3, 2,
    ]);
    expect(await listed({ customerId: id("cus", 2), dueFrom: "2026-04-01" })).toEqual([4]);
    expect(await listed({ status: ["pending_payment"], search: "customer" })).toEqual([2]);
    const every: InvoiceFilter = {
      status: ["pending_payment"],
      customerId: id("cus", 2),
      dueFrom: "2026-03-01",
      dueTo: "2026-03-31",
      number: "INV-0002",
      search: "inv-0002",
      workOrderId: id("wo", 1),
    };
    expect(await listed(every)).toEqual([2]);
    expect(await listed({ ...every, status: ["past_due"] })).toEqual([]);
    expect(await listed({ ...every, search: "ana" })).toEqual([]);
  });

  it("invoices.list - searches the customer's name and the number case-insensitively, text taken literally", async () => {
    await insertFilterFixture();
    expect(await listed({ search: "inv-000" })).toEqual([4, 3, 2]);
    expect(await listed({ search: "CUSTOMER 1" })).toEqual([1]);
    expect(await listed({ search: "müller" })).toEqual([4]);
    expect(await listed({ search: "MÜLLER" })).toEqual([4]); // not only ASCII
    expect(await listed({ search: "50%_" })).toEqual([4]); // no wildcards
    expect(await listed({ search: "%" })).toEqual([4]);
    expect(await listed({ search: "_" })).toEqual([4]);
    expect(await listed({ search: "_off inv" })).toEqual([]); // a match never spans the two fields
    expect(await listed({ search: "" })).toEqual([4, 3, 2, 1]);
  });

  it("invoices.list - pages a filtered list", async () => {
    await insertFilterFixture();
    const filter: InvoiceFilter = { status: ["pending_payment", "past_due"] };
    const first = await within("t1", (transaction) =>
      transaction.invoices.list({ filter, limit: 2 }),
    );
    expect(first.items.map(serial)).toEqual([4, 3]);
    const second = await within("t1", (transaction) =>
      transaction.invoices.list({ filter, limit: 2, cursor: first.nextCursor ?? "" }),
    );
    expect(second.items.map(serial)).toEqual([2]);
    expect(second.nextCursor).toBeNull();
  });

  it("invoices.listDueBefore - only pending_payment invoices due before the date, by id, in batches", async () => {
    await insertAll("t1", [
      issuedInvoiceRecord("t1", 5, { dueDate: "2026-01-01" }),
      issuedInvoiceRecord("t1", 1, { dueDate: "2026-03-01" }),
      issuedInvoiceRecord("t1", 2, { dueDate: "2026-03-09" }),
      issuedInvoiceRecord("t1", 3, { dueDate: "2026-03-10" }), // not before
      issuedInvoiceRecord("t1", 4, { dueDate: "2026-02-01", status: "past_due" }),
      invoiceRecord("t1", 6, { dueDate: "2026-01-01" }), // a draft
    ]);
    await insertAll("t2", [issuedInvoiceRecord("t2", 7, { dueDate: "2026-01-01" })]);
    const batch = (after?: string) =>
      within("t1", async (transaction) =>
        (
          await transaction.invoices.listDueBefore({
            before: "2026-03-10",
            limit: 2,
            ...(after ? { after } : {}),
          })
        ).map(serial),
      );
    expect(await batch()).toEqual([1, 2]);
    expect(await batch(id("inv", 2))).toEqual([5]);
    expect(await batch(id("inv", 5))).toEqual([]);
    const all = await within("t1", (transaction) =>
      transaction.invoices.listDueBefore({ before: "2026-03-11", limit: 10 }),
    );
    expect(all.map(serial)).toEqual([1, 2, 3, 5]);
  });

  it("invoices.update - writes over the expected version, refuses a stale one and writes nothing", async () => {
    const invoice = invoiceRecord("t1", 1);
    await insertAll("t1", [invoice]);
    await within("t1", (transaction) =>
      transaction.invoices.update({
        record: { ...invoice, version: 2, status: "pending_review" },
        expectedVersion: 1,
      }),
    );
    const stale = await rejectionOf(
      within("t1", (transaction) =>
        transaction.invoices.update({
          record: { ...invoice, version: 2, status: "cancelled" },
          expectedVersion: 1,
        }),
      ),
    );
    expect(stale).toMatchObject({
      code: "version_conflict",
      expectedVersion: 1,
      actualVersion: 2,
    });
    const missing = await rejectionOf(
      within("t1", (transaction) =>
        transaction.invoices.update({ record: invoiceRecord("t1", 2), expectedVersion: 1 }),
      ),
    );
    expect(missing).toMatchObject({ code: "version_conflict", actualVersion: 0 });
    const probe = harness.probe();
    expect(await probe.invoice("t1", invoice.id)).toMatchObject({
      status: "pending_review",
      version: 2,
    });
    expect(await probe.invoice("t1", id("inv", 2))).toBeUndefined();
    expect(await probe.count("t1", "invoices")).toBe(1);
  });

  it("findInvoiceByPublicToken - finds an invoice of any tenant by its exact token", async () => {
    const inserted = issuedInvoiceRecord("t2", 1, { publicToken: "tok_Ab-9_xyz" });
    await insertAll("t2", [inserted]);
    const draft = invoiceRecord("t3", 2);
    await insertAll("t3", [draft]);
    const issued = issuedInvoiceRecord("t3", 2, { version: 2, publicToken: "tok_issued_later" });
    await within("t3", (transaction) =>
      transaction.invoices.update({ record: issued, expectedVersion: 1 }),
    );
    const store = harness.store();
    expect(await store.findInvoiceByPublicToken({ token: "tok_Ab-9_xyz" })).toEqual(inserted);
    expect(await store.findInvoiceByPublicToken({ token: "tok_issued_later" })).toEqual(issued);
    expect(await store.findInvoiceByPublicToken({ token: "tok_ab-9_xyz" })).toBeUndefined();
    expect(await store.findInvoiceByPublicToken({ token: "tok_Ab-9" })).toBeUndefined();
    expect(await store.findInvoiceByPublicToken({ token: "" })).toBeUndefined();
  });

  it("findInvoiceByPublicToken - a replaced token finds nothing; its successor finds the invoice", async () => {
    const first = issuedInvoiceRecord("t2", 3, { publicToken: "tok_first_link" });
    await insertAll("t2", [first]);
    const rotated = { ...first, version: first.version + 1, publicToken: "tok_second_link" };
    await within("t2", (transaction) =>
      transaction.invoices.update({ record: rotated, expectedVersion: first.version }),
    );
    const store = harness.store();
    expect(await store.findInvoiceByPublicToken({ token: "tok_first_link" })).toBeUndefined();
    expect(await store.findInvoiceByPublicToken({ token: "tok_second_link" })).toEqual(rotated);
  });
}
