import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { sampleLines, setupTenant } from "./fixtures";

export function defineConcurrencyCases(harness: ConformanceHarness): void {
  it("issue - assigns the next number under concurrent calls, with no gap and no repeat", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store(), "tenant_a", {
      numberFormat: "INV-{YYYY}-{SEQ:4}",
    });
    const drafts = [];
    for (let index = 0; index < 24; index++) {
      drafts.push(
        (await remit.invoices.create(ctx, { customerId: customer.id, ...sampleLines() })).invoice,
      );
    }
    const results = await Promise.allSettled(
      drafts.map((draft) => remit.invoices.issue(ctx, { id: draft.id })),
    );
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    const numbers = (await harness.probe().invoiceNumbers("tenant_a")).sort();
    expect(numbers).toEqual(
      Array.from({ length: 24 }, (_, index) => `INV-2026-${String(index + 1).padStart(4, "0")}`),
    );
  });

  it("issue - a refused issue gives its number back", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store());
    const good = await remit.invoices.create(ctx, { customerId: customer.id, ...sampleLines() });
    const bad = await remit.invoices.create(ctx, {
      customerId: customer.id,
      ...sampleLines(),
      terms: { dueDate: "2020-01-01" },
    });
    await expect(remit.invoices.issue(ctx, { id: bad.invoice.id })).rejects.toMatchObject({
      code: "validation_error",
    });
    const issued = await remit.invoices.issue(ctx, { id: good.invoice.id });
    expect(issued.invoice.number).toBe("INV-0001");
  });

  it("update - of ten concurrent editors of one version, exactly one wins", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store());
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      ...sampleLines(),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        remit.invoices.update(ctx, { id: invoice.id, expectedVersion: 1, memo: `editor ${index}` }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(
      lost.every((result) => (result.reason as { code?: string }).code === "version_conflict"),
    ).toBe(true);
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({ version: 2 });
    expect(await harness.probe().count("tenant_a", "revisions")).toBe(2);
  });

  it("record payment - the same key sent concurrently is recorded once", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store());
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      ...sampleLines(),
    });
    await remit.invoices.issue(ctx, { id: invoice.id });
    const input = {
      id: invoice.id,
      amount: "10.00",
      method: "card" as const,
      idempotencyKey: "pi_123",
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => remit.invoices.recordPayment(ctx, input)),
    );
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    expect(await harness.probe().count("tenant_a", "payments")).toBe(1);
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({
      amountPaid: "10.00",
    });
  });
}
