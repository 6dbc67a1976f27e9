import type { Invoice, InvoiceProgress } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { setupTenant } from "./fixtures";
import { id, inTenant, invoiceRecord, workOrderRecord } from "./records";

/** What a stage of work order 1 carries. */
function stageProgress(stage: number, overrides: Partial<InvoiceProgress> = {}): InvoiceProgress {
  return {
    workOrderId: id("wo", 1),
    stage,
    kind: "stage",
    final: false,
    retained: "12.50",
    retainagePercent: "10",
    billed: { "labor-1": "100.00", "fee-1": "25.00" },
    depositApplied: "0.00",
    ...overrides,
  };
}

/** Invoice `n` of tenant t1 billing a stage (or, with `null`, all) of work order 1. */
function workOrderInvoice(n: number, progress: InvoiceProgress | null): Invoice {
  return invoiceRecord("t1", n, { workOrderId: id("wo", 1), progress });
}

export function defineProgressBillingCases(harness: ConformanceHarness): void {
  const within = <T>(work: Parameters<typeof inTenant<T>>[2]) =>
    inTenant(harness.store(), "t1", work);
  const insert = (invoice: Invoice) =>
    within((transaction) => transaction.invoices.insert({ record: invoice }));
  const withWorkOrder = () =>
    within((transaction) => transaction.workOrders.insert({ record: workOrderRecord("t1", 1) }));

  it("progress - invoice.progress round-trips through insert, update, get and list", async () => {
    await withWorkOrder();
    const progress = stageProgress(2);
    await insert(workOrderInvoice(1, progress));
    await insert(invoiceRecord("t1", 2));
    const read = await within((transaction) => transaction.invoices.get({ id: id("inv", 1) }));
    expect(read?.progress).toEqual(progress);
    expect(
      (await within((transaction) => transaction.invoices.get({ id: id("inv", 2) })))?.progress,
    ).toBeNull();
    const applied = { ...progress, depositApplied: "40.00", final: true };
    await within((transaction) =>
      transaction.invoices.update({
        record: { ...workOrderInvoice(1, applied), version: 2 },
        expectedVersion: 1,
      }),
    );
    const page = await within((transaction) =>
      transaction.invoices.list({ filter: { workOrderId: id("wo", 1) }, limit: 10 }),
    );
    expect(page.items.map((invoice) => invoice.progress)).toEqual([applied]);
    if (harness.probe().invoiceProgress)
      expect(await harness.probe().invoiceProgress?.("t1", id("inv", 1))).toEqual(applied);
  });

  it("progress - at most one live invoice per work order and stage; cancelled ones and other stages do not count", async () => {
    await withWorkOrder();
    await insert(workOrderInvoice(1, stageProgress(1)));
    await insert(workOrderInvoice(2, stageProgress(2)));
    await expect(insert(workOrderInvoice(3, stageProgress(1)))).rejects.toBeDefined();
    // An invoice without progress is stage 0: one of those per work order, as before.
    await insert(workOrderInvoice(4, null));
    await expect(insert(workOrderInvoice(5, null))).rejects.toBeDefined();
    // The retainage invoice takes a number of its own.
    await insert(workOrderInvoice(6, stageProgress(3, { kind: "retainage" })));
    await within((transaction) =>
      transaction.invoices.update({
        record: { ...workOrderInvoice(1, stageProgress(1)), version: 2, status: "cancelled" },
        expectedVersion: 1,
      }),
    );
    await insert(workOrderInvoice(7, stageProgress(1)));
    expect(await harness.probe().count("t1", "invoices")).toBe(5);
  });

  it("progress - two transactions inserting the same stage at once: exactly one wins", async () => {
    await withWorkOrder();
    const results = await Promise.allSettled([
      insert(workOrderInvoice(1, stageProgress(1))),
      insert(workOrderInvoice(2, stageProgress(1))),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await harness.probe().count("t1", "invoices")).toBe(1);
  });

  it("progress - two concurrent billStage calls for the same stage: exactly one bills it", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx, customer } = setup;
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Addition",
      services: [{ description: "Build", quantity: "1", unitPrice: "9000.00" }],
    });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        remit.workOrders.billStage(ctx, {
          id: workOrder.id,
          stage: { percent: "40" },
          expectedVersion: workOrder.version,
        }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const result of results)
      if (result.status === "rejected")
        expect((result.reason as { code?: string }).code).toBe("version_conflict");
    expect(await harness.probe().count("tenant_a", "invoices")).toBe(1);
  });

  it("progress - stages, retainage and its release through the moves, stored as billed", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx, customer } = setup;
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Addition",
      taxRates: [{ id: "tax", name: "Sales tax", percent: "8.25" }],
      services: [
        { description: "Build", quantity: "1", unitPrice: "9000.00", taxRateIds: ["tax"] },
      ],
      fees: [{ description: "Permit", amount: "150.00" }],
    });
    const first = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { percent: "50" },
      retainagePercent: "10",
    });
    const last = await remit.workOrders.billStage(ctx, {
      id: workOrder.id,
      stage: { final: true },
      retainagePercent: "10",
    });
    const release = await remit.workOrders.billRetainage(ctx, { id: workOrder.id });
    expect(release.invoice.total).toBe("915.00");
    for (const { invoice } of [first, last, release]) {
      const stored = await harness.probe().invoice("tenant_a", invoice.id);
      expect(stored).toMatchObject({ status: "pending_payment", number: invoice.number });
      if (harness.probe().invoiceProgress)
        expect(await harness.probe().invoiceProgress?.("tenant_a", invoice.id)).toEqual(
          invoice.progress,
        );
    }
    const listed = await remit.invoices.list(ctx, { workOrderId: workOrder.id });
    expect(listed.items.map((invoice) => invoice.progress?.stage).sort()).toEqual([1, 2, 3]);
    expect((await remit.workOrders.get(ctx, { id: workOrder.id })).status).toBe("invoiced");
  });
}
