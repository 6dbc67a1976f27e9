import { IdempotencyKeyTakenError, type Invoice, type InvoiceFilter } from "@remit/core";
import { expect, test } from "vitest";
import { describeBackends } from "./support/backends";
import {
  customerRecord,
  deliveryRecord,
  id,
  invoiceRecord,
  issuedInvoice,
  paymentRecord,
  quoteRecord,
  refundRecord,
  revisionRecord,
  tenantRecord,
  workOrderRecord,
} from "./support/records";

describeBackends((backend) => {
  const insertAll = (tenantId: string, invoices: Invoice[]) =>
    backend().store.transaction({
      tenantId,
      work: async (transaction) => {
        for (const invoice of invoices) await transaction.invoices.insert({ record: invoice });
      },
    });

  test("list - newest first by id, in pages joined by an opaque cursor", async () => {
    const { store } = backend();
    await insertAll(
      "t1",
      Array.from({ length: 7 }, (_, n) => invoiceRecord("t1", n + 1)),
    );
    await insertAll("t2", [invoiceRecord("t2", 99)]);
    const seen: string[] = [];
    let cursor: string | undefined;
    const cursors: (string | null)[] = [];
    do {
      const page = await store.transaction({
        tenantId: "t1",
        work: (transaction) => transaction.invoices.list({ filter: {}, limit: 3, cursor }),
      });
      seen.push(...page.items.map((invoice) => invoice.id));
      cursors.push(page.nextCursor);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1].map((n) => id("inv", n)));
    expect(cursors.at(-1)).toBeNull();
    expect(cursors[0]).not.toContain("inv_"); // opaque
    await expect(
      store.transaction({
        tenantId: "t1",
        work: (transaction) =>
          transaction.invoices.list({ filter: {}, limit: 3, cursor: "not a cursor!" }),
      }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });

  test("list - filters by status, customer, due dates, number, work order and text", async () => {
    const { store } = backend();
    await store.transaction({
      tenantId: "t1",
      work: (transaction) => transaction.workOrders.insert({ record: workOrderRecord("t1", 1) }),
    });
    await insertAll("t1", [
      invoiceRecord("t1", 1),
      issuedInvoice("t1", 2, { dueDate: "2026-03-10", workOrderId: id("wo", 1) }),
      issuedInvoice("t1", 3, { status: "past_due", dueDate: "2026-02-01" }),
      issuedInvoice("t1", 4, {
        dueDate: "2026-04-30",
        customer: {
          id: id("cus", 2),
          name: "Ana Müller 50%_off",
          email: null,
          phone: null,
          billingAddress: null,
        },
      }),
    ]);
    const list = async (filter: InvoiceFilter) =>
      (
        await store.transaction({
          tenantId: "t1",
          work: (transaction) => transaction.invoices.list({ filter, limit: 50 }),
        })
      ).items.map((invoice) => Number(invoice.id.slice(-2)));
    expect(await list({ status: ["pending_payment"] })).toEqual([4, 2]);
    expect(await list({ status: ["pending_payment", "past_due"] })).toEqual([4, 3, 2]);
    expect(await list({ status: [] })).toEqual([]);
    expect(await list({ customerId: id("cus", 2) })).toEqual([4, 2]);
    expect(await list({ dueFrom: "2026-03-01", dueTo: "2026-03-31" })).toEqual([2]);
    expect(await list({ dueFrom: "2026-03-10" })).toEqual([4, 2]);
    expect(await list({ number: "INV-0003" })).toEqual([3]);
    expect(await list({ workOrderId: id("wo", 1) })).toEqual([2]);
    expect(await list({ search: "inv-000" })).toEqual([4, 3, 2]);
    expect(await list({ search: "müller" })).toEqual([4]);
    expect(await list({ search: "MÜLLER" })).toEqual([4]); // not only ASCII, on any server locale
    expect(await list({ search: "CUSTOMER 1" })).toEqual([1]);
    expect(await list({ search: "50%_" })).toEqual([4]); // LIKE wildcards are literal
    expect(await list({ search: "%" })).toEqual([4]);
    expect(await list({ search: "0004 ana" })).toEqual([]); // no match across the two fields
    expect(await list({ status: ["pending_payment"], search: "customer" })).toEqual([2]);
  });

  test("listDueBefore - pending_payment invoices due before a date, by id, in batches", async () => {
    const { store } = backend();
    await insertAll("t1", [
      issuedInvoice("t1", 1, { dueDate: "2026-03-01" }),
      issuedInvoice("t1", 2, { dueDate: "2026-03-09" }),
      issuedInvoice("t1", 3, { dueDate: "2026-03-10" }), // not before
      issuedInvoice("t1", 4, { dueDate: "2026-02-01", status: "past_due" }),
      issuedInvoice("t1", 5, { dueDate: "2026-01-01" }),
    ]);
    await insertAll("t2", [issuedInvoice("t2", 6, { dueDate: "2026-01-01" })]);
    const batch = (after?: string) =>
      store.transaction({
        tenantId: "t1",
        work: async (transaction) =>
          (await transaction.invoices.listDueBefore({ before: "2026-03-10", after, limit: 2 })).map(
            (invoice) => invoice.id,
          ),
      });
    expect(await batch()).toEqual([id("inv", 1), id("inv", 2)]);
    expect(await batch(id("inv", 2))).toEqual([id("inv", 5)]);
    expect(await batch(id("inv", 5))).toEqual([]);
  });

  test("findInvoiceByPublicToken - finds the invoice across tenants by its token only", async () => {
    const { store } = backend();
    const invoice = issuedInvoice("t2", 1, { publicToken: "tok_Ab-9_xyz" });
    await insertAll("t2", [invoice]);
    expect(await store.findInvoiceByPublicToken({ token: "tok_Ab-9_xyz" })).toEqual(invoice);
    expect(await store.findInvoiceByPublicToken({ token: "tok_ab-9_xyz" })).toBeUndefined();
    expect(await store.findInvoiceByPublicToken({ token: "" })).toBeUndefined();
  });

  test("invoices - money, dates and instants come back exactly as written", async () => {
    const { store } = backend();
    const invoice = issuedInvoice("t1", 1, {
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
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        expect(await transaction.invoices.get({ id: invoice.id })).toEqual(invoice);
        expect(await transaction.invoices.get({ id: invoice.id, forUpdate: true })).toEqual(
          invoice,
        );
      },
    });
  });

  test("revisions - listed in order; customers list and search by name, email or phone", async () => {
    const { store } = backend();
    const invoice = invoiceRecord("t1", 1);
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.invoices.insert({ record: invoice });
        await transaction.revisions.append({ record: revisionRecord(invoice, 2) });
        await transaction.revisions.append({ record: revisionRecord(invoice, 1) });
        await transaction.customers.insert({
          record: customerRecord("t1", 1, { name: "Dana Reyes" }),
        });
        await transaction.customers.insert({
          record: customerRecord("t1", 2, { phone: "+15551234567" }),
        });
        await transaction.customers.insert({ record: customerRecord("t1", 3) });
      },
    });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        expect(
          (await transaction.revisions.list({ invoiceId: invoice.id })).map((r) => r.revision),
        ).toEqual([1, 2]);
        expect(await transaction.customers.get({ id: id("cus", 1) })).toEqual(
          customerRecord("t1", 1, { name: "Dana Reyes" }),
        );
        const first = await transaction.customers.list({ limit: 2 });
        expect(first.items.map((customer) => customer.id)).toEqual([id("cus", 1), id("cus", 2)]);
        const rest = await transaction.customers.list({ limit: 2, cursor: first.nextCursor ?? "" });
        expect(rest).toEqual({ items: [customerRecord("t1", 3)], nextCursor: null });
        const search = async (text: string) =>
          (await transaction.customers.list({ search: text, limit: 10 })).items.map((c) => c.id);
        expect(await search("REYES")).toEqual([id("cus", 1)]);
        expect(await search("5551234")).toEqual([id("cus", 2)]);
        expect(await search("customer3@")).toEqual([id("cus", 3)]);
      },
    });
  });

  test("idempotency - a key is stored once per tenant; a second put throws IdempotencyKeyTakenError", async () => {
    const { store } = backend();
    const record = {
      tenantId: "t1",
      key: "pi_123",
      fingerprint: "record payment:abc",
      result: { invoice: { id: "inv_1", total: "10.00" }, events: [] },
      createdAt: "2026-03-01T10:00:00.000Z",
    };
    await store.transaction({
      tenantId: "t1",
      work: (transaction) => transaction.idempotency.put({ record }),
    });
    const error = await store
      .transaction({
        tenantId: "t1",
        work: async (transaction) => {
          await transaction.idempotency.put({ record: { ...record, fingerprint: "other" } });
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IdempotencyKeyTakenError);
    expect(error).toMatchObject({ key: "pi_123" });
    // The transaction stays usable after the refusal, and another tenant has its own keys.
    const stored = await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.idempotency.put({ record }).catch(() => undefined);
        return await transaction.idempotency.get({ key: "pi_123" });
      },
    });
    expect(stored).toEqual(record);
    await store.transaction({
      tenantId: "t2",
      work: (transaction) => transaction.idempotency.put({ record: { ...record, tenantId: "t2" } }),
    });
  });

  test("payments - unique by idempotency key per tenant; refunds listed by payment and invoice", async () => {
    const { store } = backend();
    const invoice = issuedInvoice("t1", 1);
    await insertAll("t1", [invoice]);
    const payment = paymentRecord("t1", 1, { invoiceId: invoice.id, amount: "0.10" });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.payments.insert({ record: payment });
        await transaction.quotes.insert({ record: quoteRecord("t1", 1) });
        await transaction.payments.insert({
          record: paymentRecord("t1", 2, { quoteId: id("quo", 1) }),
        });
        await transaction.refunds.insert({
          record: refundRecord("t1", 1, payment.id, { invoiceId: invoice.id, status: "pending" }),
        });
      },
    });
    await expect(
      store.transaction({
        tenantId: "t1",
        work: (transaction) =>
          transaction.payments.insert({
            record: paymentRecord("t1", 3, { idempotencyKey: payment.idempotencyKey }),
          }),
      }),
    ).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        expect(await transaction.payments.get({ id: payment.id })).toEqual(payment);
        expect(await transaction.payments.listByInvoice({ invoiceId: invoice.id })).toEqual([
          payment,
        ]);
        expect(
          (await transaction.payments.listByQuote({ quoteId: id("quo", 1) })).map((p) => p.id),
        ).toEqual([id("pay", 2)]);
        const refund = (await transaction.refunds.listByPayment({ paymentId: payment.id }))[0];
        expect(refund).toMatchObject({ status: "pending", amount: "10.00" });
        if (!refund) return;
        await transaction.refunds.update({
          record: {
            ...refund,
            status: "succeeded",
            providerRefundId: "re_1",
          },
        });
        expect(await transaction.refunds.listByInvoice({ invoiceId: invoice.id })).toEqual([
          { ...refund, status: "succeeded", providerRefundId: "re_1" },
        ]);
      },
    });
  });

  test("deliveries - a second insert for the same source, channel and recipient returns false", async () => {
    const { store } = backend();
    const invoice = issuedInvoice("t1", 1);
    await insertAll("t1", [invoice]);
    const delivery = deliveryRecord("t1", 1, invoice.id, { providerMessageId: "SM123" });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        expect(await transaction.deliveries.insert({ record: delivery })).toBe(true);
        expect(
          await transaction.deliveries.insert({ record: { ...delivery, id: id("dlv", 2) } }),
        ).toBe(false);
        expect(
          await transaction.deliveries.insert({
            record: {
              ...delivery,
              id: id("dlv", 3),
              channel: "sms",
              recipient: "+15550000000",
            },
          }),
        ).toBe(true);
        await transaction.deliveries.update({
          record: { ...delivery, status: "sent", attempts: 1 },
        });
      },
    });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        expect(
          (await transaction.deliveries.listByInvoice({ invoiceId: invoice.id })).map((d) => d.id),
        ).toEqual([id("dlv", 1), id("dlv", 3)]);
        expect(
          await transaction.deliveries.findByProviderMessageId({ providerMessageId: "SM123" }),
        ).toEqual({
          ...delivery,
          status: "sent",
          attempts: 1,
        });
        expect(await transaction.deliveries.get({ id: id("dlv", 2) })).toBeUndefined();
      },
    });
  });

  test("tenants - settings round-trip, and every tenant with rows is listed in pages", async () => {
    const { store } = backend();
    const tenant = tenantRecord("t3", {
      reminders: [{ daysFromDueDate: -3, channels: ["email"] }],
    });
    await store.transaction({
      tenantId: "t3",
      work: (transaction) => transaction.tenants.put({ record: tenant }),
    });
    await store.transaction({
      tenantId: "t3",
      work: (transaction) =>
        transaction.tenants.put({ record: { ...tenant, version: 2, name: "Renamed" } }),
    });
    expect(
      await store.transaction({ tenantId: "t3", work: (transaction) => transaction.tenants.get() }),
    ).toEqual({
      ...tenant,
      version: 2,
      name: "Renamed",
    });
    await insertAll("t1", [invoiceRecord("t1", 1), invoiceRecord("t1", 2)]);
    await store.transaction({
      tenantId: "t2",
      work: (transaction) => transaction.customers.insert({ record: customerRecord("t2", 1) }),
    });
    expect(await store.listTenantIds({ limit: 10 })).toEqual(["t1", "t2", "t3"]);
    expect(await store.listTenantIds({ limit: 2 })).toEqual(["t1", "t2"]);
    expect(await store.listTenantIds({ after: "t2", limit: 2 })).toEqual(["t3"]);
  });
});
