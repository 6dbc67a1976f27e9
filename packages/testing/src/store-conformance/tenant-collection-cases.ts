import type { StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { rejectionOf } from "./fixtures";
import {
  at,
  customerRecord,
  deliveryRecord,
  eventRecord,
  id,
  idempotencyRecord,
  inTenant,
  invoiceRecord,
  issuedInvoiceRecord,
  jobRecord,
  paymentRecord,
  quoteRecord,
  refundRecord,
  revisionRecord,
  tenantRecord,
  workOrderRecord,
} from "./records";

/** Tenants: their settings, the cross-tenant listing, and the wall between two tenants' rows. */
export function defineTenantCollectionCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);

  it("tenants.get - undefined before the first put; put inserts, then replaces the whole record", async () => {
    expect(await within("t1", (transaction) => transaction.tenants.get())).toBeUndefined();
    const tenant = tenantRecord("t1", {
      reminders: [{ daysFromDueDate: -3, channels: ["email"] }],
    });
    await within("t1", (transaction) => transaction.tenants.put({ record: tenant }));
    expect(await within("t1", (transaction) => transaction.tenants.get())).toEqual(tenant);
    const renamed = { ...tenant, version: 2, name: "Renamed", reminders: [] };
    await within("t1", (transaction) => transaction.tenants.put({ record: renamed }));
    expect(await within("t1", (transaction) => transaction.tenants.get())).toEqual(renamed);
    expect(await within("t2", (transaction) => transaction.tenants.get())).toBeUndefined();
  });

  it("listTenantIds - every tenant with settings, customers, invoices, work orders or quotes, by id, paged", async () => {
    await within("a-settings", (transaction) =>
      transaction.tenants.put({ record: tenantRecord("a-settings") }),
    );
    await within("b-customers", async (transaction) => {
      await transaction.customers.insert({ record: customerRecord("b-customers", 1) });
      await transaction.customers.insert({ record: customerRecord("b-customers", 2) });
    });
    await within("c-invoices", async (transaction) => {
      await transaction.invoices.insert({ record: invoiceRecord("c-invoices", 1) });
      await transaction.invoices.insert({ record: invoiceRecord("c-invoices", 2) });
    });
    await within("d-work-orders", (transaction) =>
      transaction.workOrders.insert({ record: workOrderRecord("d-work-orders", 1) }),
    );
    await within("e-quotes", (transaction) =>
      transaction.quotes.insert({ record: quoteRecord("e-quotes", 1) }),
    );
    // A tenant whose only write was rolled back has stored nothing.
    await expect(
      within("f-rolled-back", async (transaction) => {
        await transaction.customers.insert({ record: customerRecord("f-rolled-back", 1) });
        await transaction.invoices.insert({ record: invoiceRecord("f-rolled-back", 1) });
        throw new Error("the move failed");
      }),
    ).rejects.toThrow("the move failed");
    const store = harness.store();
    expect(await store.listTenantIds({ limit: 10 })).toEqual([
      "a-settings",
      "b-customers",
      "c-invoices",
      "d-work-orders",
      "e-quotes",
    ]);
    expect(await store.listTenantIds({ limit: 2 })).toEqual(["a-settings", "b-customers"]);
    expect(await store.listTenantIds({ after: "b-customers", limit: 2 })).toEqual([
      "c-invoices",
      "d-work-orders",
    ]);
    expect(await store.listTenantIds({ after: "c", limit: 10 })).toEqual([
      "c-invoices",
      "d-work-orders",
      "e-quotes",
    ]);
    expect(await store.listTenantIds({ after: "e-quotes", limit: 10 })).toEqual([]);
  });

  it("findTenantByPaymentAccount - the tenant whose saved settings hold the account now, across tenants", async (context) => {
    const store = harness.store();
    const find = store.findTenantByPaymentAccount?.bind(store);
    if (!find)
      return context.skip("the store has no findTenantByPaymentAccount (optional, @since 0.2.0)");
    const account = (accountId: string) => ({
      accountId,
      chargesEnabled: true,
      detailsSubmitted: true,
    });
    const first = tenantRecord("t1", { paymentAccounts: { stripe: account("acct_1") } });
    const second = tenantRecord("t2", {
      paymentAccounts: { stripe: account("acct_2"), other: account("acct_1") },
    });
    await within("t1", (transaction) => transaction.tenants.put({ record: first }));
    await within("t2", (transaction) => transaction.tenants.put({ record: second }));
    await within("t3", (transaction) => transaction.tenants.put({ record: tenantRecord("t3") }));
    // A save that was rolled back holds nothing.
    await expect(
      within("t4", async (transaction) => {
        await transaction.tenants.put({
          record: tenantRecord("t4", { paymentAccounts: { stripe: account("acct_4") } }),
        });
        throw new Error("the move failed");
      }),
    ).rejects.toThrow("the move failed");

    expect(await find({ provider: "stripe", accountId: "acct_1" })).toEqual(first);
    expect(await find({ provider: "stripe", accountId: "acct_2" })).toEqual(second);
    expect(await find({ provider: "other", accountId: "acct_1" })).toEqual(second);
    for (const [provider, accountId] of [
      ["stripe", "ACCT_1"], // exactly, case included
      ["stripe", "acct_4"],
      ["stripe", "acct_none"],
      ["other", "acct_2"],
    ] as const) {
      expect(await find({ provider, accountId })).toBeUndefined();
    }

    // Replaced: the old account no longer finds the tenant; the new one does, disconnected or not.
    const replaced = {
      ...first,
      version: 2,
      paymentAccounts: {
        stripe: { ...account("acct_3"), chargesEnabled: false, disconnectedAt: at },
      },
    };
    await within("t1", (transaction) => transaction.tenants.put({ record: replaced }));
    expect(await find({ provider: "stripe", accountId: "acct_1" })).toBeUndefined();
    expect(await find({ provider: "stripe", accountId: "acct_3" })).toEqual(replaced);
    // Saving the same settings again changes nothing.
    await within("t2", (transaction) =>
      transaction.tenants.put({ record: { ...second, version: 2 } }),
    );
    expect(await find({ provider: "stripe", accountId: "acct_2" })).toEqual({
      ...second,
      version: 2,
    });
  });

  it("tenant scoping - another tenant's records are not found, not listed and not changed", async () => {
    const invoice = issuedInvoiceRecord("t1", 1);
    const customer = customerRecord("t1", 1);
    const payment = paymentRecord("t1", 1, { invoiceId: invoice.id });
    const job = jobRecord("t1", 2, { payload: { invoiceId: invoice.id } });
    await within("t1", async (transaction) => {
      await transaction.invoices.insert({ record: invoice });
      await transaction.revisions.append({ record: revisionRecord(invoice) });
      await transaction.customers.insert({ record: customer });
      await transaction.workOrders.insert({ record: workOrderRecord("t1", 1) });
      await transaction.quotes.insert({ record: quoteRecord("t1", 1) });
      await transaction.payments.insert({ record: payment });
      await transaction.refunds.insert({ record: refundRecord("t1", 1, payment.id) });
      await transaction.deliveries.insert({ record: deliveryRecord("t1", 1, invoice.id) });
      await transaction.events.append({
        events: [eventRecord("t1", 1, invoice.id)],
        runAt: invoice.createdAt,
      });
      await transaction.jobs.insert({ record: job });
      await transaction.idempotency.put({ record: idempotencyRecord("t1", "k") });
    });

    await within("t2", async (transaction) => {
      expect(await transaction.invoices.get({ id: invoice.id })).toBeUndefined();
      expect(await transaction.invoices.get({ id: invoice.id, forUpdate: true })).toBeUndefined();
      expect((await transaction.invoices.list({ filter: {}, limit: 10 })).items).toEqual([]);
      expect(await transaction.invoices.listDueBefore({ before: "2099-01-01", limit: 10 })).toEqual(
        [],
      );
      expect(await transaction.revisions.list({ invoiceId: invoice.id })).toEqual([]);
      expect(await transaction.customers.get({ id: customer.id })).toBeUndefined();
      expect((await transaction.customers.list({ limit: 10 })).items).toEqual([]);
      expect(await transaction.workOrders.get({ id: id("wo", 1) })).toBeUndefined();
      expect((await transaction.workOrders.list({ filter: {}, limit: 10 })).items).toEqual([]);
      expect(await transaction.quotes.get({ id: id("quo", 1) })).toBeUndefined();
      expect((await transaction.quotes.list({ filter: {}, limit: 10 })).items).toEqual([]);
      expect(await transaction.payments.get({ id: payment.id })).toBeUndefined();
      expect(await transaction.payments.listByInvoice({ invoiceId: invoice.id })).toEqual([]);
      expect(await transaction.refunds.get({ id: id("ref", 1) })).toBeUndefined();
      expect(await transaction.refunds.listByPayment({ paymentId: payment.id })).toEqual([]);
      expect(await transaction.deliveries.get({ id: id("dlv", 1) })).toBeUndefined();
      expect(await transaction.deliveries.listByInvoice({ invoiceId: invoice.id })).toEqual([]);
      expect(await transaction.events.listBySubject({ subjectId: invoice.id })).toEqual([]);
      expect((await transaction.events.list({ limit: 10 })).items).toEqual([]);
      expect(await transaction.jobs.get({ id: job.id })).toBeUndefined();
      expect(
        await transaction.jobs.cancelPendingForInvoice({
          invoiceId: invoice.id,
          kinds: ["reminder"],
        }),
      ).toBe(0);
      expect(await transaction.idempotency.get({ key: "k" })).toBeUndefined();
    });
    // Updating by the other tenant's id finds nothing: a version conflict at version 0.
    expect(
      await rejectionOf(
        within("t2", (transaction) =>
          transaction.invoices.update({
            record: { ...invoice, tenantId: "t2", status: "cancelled" },
            expectedVersion: 1,
          }),
        ),
      ),
    ).toMatchObject({ code: "version_conflict", actualVersion: 0 });
    expect(
      await rejectionOf(
        within("t2", (transaction) =>
          transaction.customers.update({
            record: { ...customer, tenantId: "t2", name: "Taken" },
            expectedVersion: 1,
          }),
        ),
      ),
    ).toMatchObject({ code: "version_conflict", actualVersion: 0 });
    expect(
      await rejectionOf(
        within("t2", (transaction) =>
          transaction.payments.update({
            record: { ...payment, tenantId: "t2", status: "returned_to_quote" },
          }),
        ),
      ),
    ).toMatchObject({ code: "not_found" });
    const probe = harness.probe();
    expect(await probe.invoice("t1", invoice.id)).toMatchObject({
      status: "pending_payment",
      version: 1,
    });
    expect(await probe.invoice("t2", invoice.id)).toBeUndefined();
    for (const table of ["invoices", "payments", "jobs"] as const)
      expect(await probe.count("t2", table), table).toBe(0);
    await within("t1", async (transaction) => {
      expect(await transaction.customers.get({ id: customer.id })).toEqual(customer);
      expect(await transaction.payments.get({ id: payment.id })).toEqual(payment);
      expect(await transaction.jobs.get({ id: job.id })).toEqual(job);
    });
  });

  it("tenant scoping - a record stamped with another tenant is refused before anything is written", async () => {
    const invoice = invoiceRecord("t1", 1);
    const writes: [string, (transaction: StoreTransaction) => Promise<unknown>][] = [
      ["tenants.put", (transaction) => transaction.tenants.put({ record: tenantRecord("t1") })],
      [
        "customers.insert",
        (transaction) => transaction.customers.insert({ record: customerRecord("t1", 1) }),
      ],
      ["invoices.insert", (transaction) => transaction.invoices.insert({ record: invoice })],
      [
        "workOrders.insert",
        (transaction) => transaction.workOrders.insert({ record: workOrderRecord("t1", 1) }),
      ],
      [
        "quotes.insert",
        (transaction) => transaction.quotes.insert({ record: quoteRecord("t1", 1) }),
      ],
      [
        "revisions.append",
        (transaction) => transaction.revisions.append({ record: revisionRecord(invoice) }),
      ],
      [
        "payments.insert",
        (transaction) => transaction.payments.insert({ record: paymentRecord("t1", 1) }),
      ],
      [
        "deliveries.insert",
        (transaction) =>
          transaction.deliveries.insert({ record: deliveryRecord("t1", 1, invoice.id) }),
      ],
      [
        "events.append",
        (transaction) =>
          transaction.events.append({
            events: [eventRecord("t1", 1, invoice.id)],
            runAt: invoice.createdAt,
          }),
      ],
      ["jobs.insert", (transaction) => transaction.jobs.insert({ record: jobRecord("t1", 1) })],
      [
        "idempotency.put",
        (transaction) => transaction.idempotency.put({ record: idempotencyRecord("t1", "k") }),
      ],
    ];
    for (const [name, write] of writes) {
      const refused = await rejectionOf(within("t2", write));
      expect(refused.code, name).toBe("validation_error");
    }
    expect(await within("t2", (transaction) => transaction.tenants.get())).toBeUndefined();
    expect(await within("t1", (transaction) => transaction.tenants.get())).toBeUndefined();
    const probe = harness.probe();
    for (const tenantId of ["t1", "t2"]) {
      for (const table of [
        "invoices",
        "revisions",
        "payments",
        "deliveries",
        "events",
        "jobs",
        "idempotency",
      ] as const)
        expect(await probe.count(tenantId, table), `${tenantId} ${table}`).toBe(0);
    }
    expect(await harness.store().listTenantIds({ limit: 10 })).toEqual([]);
  });
}
