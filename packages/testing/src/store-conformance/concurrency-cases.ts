import { createRemit, type InvoiceStore } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { sampleLines, setupTenant } from "./fixtures";
import { createTestClock } from "./test-clock";

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

  it("idempotency - concurrent repeats of a keyed issue all answer with the first result", async () => {
    const repeats = 6;
    const inner = harness.store();
    // Where several transactions run at once, hold the first issue inside its transaction (after
    // it has locked the invoice) until every repeat has started its own: the repeats then meet
    // the first one mid-move, which is the race to prove. A store that runs one transaction at a
    // time (memory) has no such race, and holding it there would wait forever.
    const race = inner.capabilities.multiProcess;
    let started = 0;
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let holding = false;
    const store: InvoiceStore = {
      ...inner,
      transaction: ({ tenantId, work }) =>
        inner.transaction({
          tenantId,
          work: (transaction) =>
            work({
              ...transaction,
              idempotency: {
                ...transaction.idempotency,
                // A keyed move starts by taking its key (a repeat then waits for the first to
                // commit) or by reading it: either marks the move as started.
                get: async (input) => {
                  if (input.key === "approve-once" && ++started === repeats + 1) releaseFirst();
                  return transaction.idempotency.get(input);
                },
                put: async (input) => {
                  if (input.record.key === "approve-once" && ++started === repeats + 1)
                    releaseFirst();
                  return transaction.idempotency.put(input);
                },
              },
              invoices: {
                ...transaction.invoices,
                get: async (input) => {
                  const found = await transaction.invoices.get(input);
                  if (race && input.forUpdate && !holding) {
                    holding = true;
                    await firstHeld;
                  }
                  return found;
                },
              },
            }),
        }),
    };
    const { remit, ctx, customer } = await setupTenant(store, "tenant_a");
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      ...sampleLines(),
    });
    started = 0;
    const results = await Promise.allSettled(
      Array.from({ length: repeats + 1 }, () =>
        remit.invoices.issue(ctx, { id: invoice.id, idempotencyKey: "approve-once" }),
      ),
    );
    const reasons = results.flatMap((result) =>
      result.status === "rejected" ? [(result.reason as { code?: string }).code] : [],
    );
    expect(reasons).toEqual([]);
    const answers = results.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    expect(new Set(answers.map((answer) => answer.invoice.number))).toEqual(new Set(["INV-0001"]));
    expect(new Set(answers.map((answer) => answer.invoice.version))).toEqual(new Set([2]));
    expect(await harness.probe().invoiceNumbers("tenant_a")).toEqual(["INV-0001"]);
    const issued = (await remit.invoices.get(ctx, { id: invoice.id })).events.filter(
      (event) => event.type === "invoice.issued",
    );
    expect(issued).toHaveLength(1);
  });

  it("tenants.upsert - two saves of different fields at once both keep their field", async () => {
    const inner = harness.store();
    const { remit, ctx } = await setupTenant(inner, "tenant_a");
    // Where transactions run at once, hold the first save just before it writes until the second
    // has started and read the settings: without a lock, the second would merge into what it read
    // and drop the first's field. One-at-a-time stores (memory) cannot race, so nothing is held.
    const race = inner.capabilities.multiProcess;
    let started = 0;
    let releaseFirst: () => void = () => {};
    const secondStarted = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const store: InvoiceStore = {
      ...inner,
      transaction: ({ tenantId, work }) =>
        inner.transaction({
          tenantId,
          work: (transaction) => {
            const index = ++started;
            return work({
              ...transaction,
              tenants: {
                get: async (input) => {
                  if (index === 2) releaseFirst();
                  return transaction.tenants.get(input);
                },
                put: async (input) => {
                  if (race && index === 1) await secondStarted;
                  return transaction.tenants.put(input);
                },
              },
            });
          },
        }),
    };
    const racing = createRemit({ store, clock: createTestClock() });
    await Promise.all([
      racing.tenants.upsert(ctx, { name: "Acme Plumbing & Heating" }),
      racing.tenants.upsert(ctx, { phone: "+15125550101" }),
    ]);
    const saved = await remit.tenants.get(ctx);
    expect(saved).toMatchObject({ name: "Acme Plumbing & Heating", phone: "+15125550101" });
    expect(saved.version).toBe(3);
  });

  it("tenants.upsert - with a stale expectedVersion is version_conflict and saves nothing", async () => {
    const { remit, ctx } = await setupTenant(harness.store(), "tenant_a");
    const read = await remit.tenants.get(ctx);
    await remit.tenants.upsert(ctx, { name: "Acme Plumbing & Heating" });
    await expect(
      remit.tenants.upsert(ctx, { phone: "+15125550101", expectedVersion: read.version }),
    ).rejects.toMatchObject({ code: "version_conflict" });
    const saved = await remit.tenants.get(ctx);
    expect(saved).toMatchObject({ name: "Acme Plumbing & Heating", phone: null });
    await remit.tenants.upsert(ctx, { phone: "+15125550101", expectedVersion: saved.version });
    expect(await remit.tenants.get(ctx)).toMatchObject({ phone: "+15125550101" });
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
