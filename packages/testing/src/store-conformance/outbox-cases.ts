import type { Invoice } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { issuedInvoice, sampleLines, setupTenant } from "./fixtures";

export function defineOutboxCases(harness: ConformanceHarness): void {
  it("transaction - a move that throws keeps nothing: no invoice, revision, event or job", async () => {
    const setup = await setupTenant(harness.store());
    const store = harness.store();
    const probe = harness.probe();
    const before = await Promise.all(
      (["invoices", "revisions", "events", "jobs"] as const).map((table) =>
        probe.count("tenant_a", table),
      ),
    );
    const { invoice } = await setup.remit.invoices.create(setup.ctx, {
      customerId: setup.customer.id,
      ...sampleLines(),
    });
    const copy: Invoice = { ...invoice, id: "inv_rolled_back" };
    await expect(
      store.transaction({
        tenantId: "tenant_a",
        work: async (transaction) => {
          await transaction.invoices.insert({ record: copy });
          await transaction.revisions.append({
            record: {
              tenantId: "tenant_a",
              invoiceId: copy.id,
              revision: 1,
              currency: "USD",
              customer: null,
              terms: "net_30",
              content: copy.content,
              totals: copy.totals,
              actor: { type: "system" },
              createdAt: copy.createdAt,
            },
          });
          await transaction.events.append({
            events: [
              {
                id: "evt_rolled_back",
                type: "invoice.created",
                specVersion: 1,
                tenantId: "tenant_a",
                subject: { type: "invoice", id: copy.id, version: 1 },
                occurredAt: copy.createdAt,
                actor: { type: "system" },
                data: {},
              },
            ],
            runAt: copy.createdAt,
          });
          await transaction.sequences.next({ series: "ROLLBACK-{SEQ}" });
          throw new Error("boom");
        },
      }),
    ).rejects.toThrow("boom");
    expect(await probe.invoice("tenant_a", copy.id)).toBeUndefined();
    const after = await Promise.all(
      (["invoices", "revisions", "events", "jobs"] as const).map((table) =>
        probe.count("tenant_a", table),
      ),
    );
    expect(after).toEqual(before.map((count) => count + 1));
    const next = await store.transaction({
      tenantId: "tenant_a",
      work: (transaction) => transaction.sequences.next({ series: "ROLLBACK-{SEQ}" }),
    });
    expect(next).toBe(1);
  });

  it("claim - concurrent workers never get the same job, and a lost lease is claimed again", async () => {
    const setup = await setupTenant(harness.store());
    for (let index = 0; index < 3; index++) await issuedInvoice(setup);
    const store = harness.store();
    const now = setup.clock.now();
    // Every job the moves added (an event job per event) is due now.
    const due = await harness.probe().count("tenant_a", "jobs");
    expect(due).toBeGreaterThanOrEqual(6); // 3 × (invoice.created + invoice.issued), at least
    const workers = ["w1", "w2", "w3"];
    const claims = await Promise.all(
      workers.map((workerId) =>
        store.claimJobs({ workerId, now, limit: Math.ceil(due / 2), leaseMs: 60_000 }),
      ),
    );
    const ids = claims.flat().map((job) => job.id);
    expect(ids.length).toBe(due);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await store.claimJobs({ workerId: "w4", now, limit: 10, leaseMs: 60_000 })).toEqual([]);
    // Which worker got which jobs depends on who ran first; any holder will do.
    const holder = claims.findIndex((claimed) => claimed.length > 0);
    const held = claims[holder]?.[0];
    if (!held) throw new Error("expected a claimed job");
    const [holderId, otherId] = [workers[holder] ?? "", workers[(holder + 1) % 3] ?? ""];
    expect(
      await store.completeJob({ tenantId: held.tenantId, id: held.id, workerId: otherId, now }),
    ).toBe(false);
    expect(
      await store.completeJob({ tenantId: held.tenantId, id: held.id, workerId: holderId, now }),
    ).toBe(true);
    const later = new Date(Date.parse(now) + 61_000).toISOString();
    const reclaimed = await store.claimJobs({
      workerId: "w5",
      now: later,
      limit: due,
      leaseMs: 60_000,
    });
    expect(reclaimed).toHaveLength(due - 1);
    expect(reclaimed.every((job) => job.attempts === 2 && job.lockedBy === "w5")).toBe(true);
  });

  it("fail - a failed job waits for its retry time, keeps its progress, and dies when told", async () => {
    const setup = await setupTenant(harness.store());
    await issuedInvoice(setup);
    const store = harness.store();
    const now = setup.clock.now();
    const [job] = await store.claimJobs({ workerId: "w1", now, limit: 1, leaseMs: 60_000 });
    if (!job) throw new Error("expected a job");
    const retryAt = new Date(Date.parse(now) + 5_000).toISOString();
    expect(
      await store.failJob({
        tenantId: job.tenantId,
        id: job.id,
        workerId: "w1",
        now,
        error: "crm down",
        retryAt,
        state: { done: ["a"] },
      }),
    ).toBe(true);
    const notYet = await store.claimJobs({ workerId: "w1", now, limit: 10, leaseMs: 60_000 });
    expect(notYet.map((claimed) => claimed.id)).not.toContain(job.id);
    const [again] = (
      await store.claimJobs({ workerId: "w1", now: retryAt, limit: 10, leaseMs: 60_000 })
    ).filter((claimed) => claimed.id === job.id);
    expect(again).toMatchObject({ attempts: 2, state: { done: ["a"] }, lastError: "crm down" });
    expect(
      await store.failJob({
        tenantId: job.tenantId,
        id: job.id,
        workerId: "w1",
        now: retryAt,
        error: "still down",
        retryAt: null,
      }),
    ).toBe(true);
    const much = new Date(Date.parse(now) + 86_400_000).toISOString();
    const claimedLater = await store.claimJobs({
      workerId: "w1",
      now: much,
      limit: 10,
      leaseMs: 60_000,
    });
    expect(claimedLater.map((claimed) => claimed.id)).not.toContain(job.id);
  });

  it("events - listed in append order for the tenant, from the cursor of an earlier page", async () => {
    const setup = await setupTenant(harness.store());
    // The setup's own moves (tenant, customer) may have added events first.
    const setupPage = await setup.remit.events.list(setup.ctx);
    await issuedInvoice(setup);
    const events = (await setup.remit.events.list(setup.ctx)).items;
    expect(events.slice(0, setupPage.items.length)).toEqual(setupPage.items);
    const invoiceEvents = events.slice(setupPage.items.length);
    const types = (page: { items: { type: string }[] }) => page.items.map((event) => event.type);
    expect(invoiceEvents.map((event) => event.type)).toEqual(["invoice.created", "invoice.issued"]);
    expect(
      types(await setup.remit.events.list(setup.ctx, { cursor: setupPage.nextCursor })),
    ).toEqual(["invoice.created", "invoice.issued"]);
    // `after`, an event id, is deprecated but still works; with a cursor it is refused.
    const [first] = invoiceEvents;
    expect(types(await setup.remit.events.list(setup.ctx, { after: first?.id ?? "" }))).toEqual([
      "invoice.issued",
    ]);
    await expect(
      setup.remit.events.list(setup.ctx, { cursor: setupPage.nextCursor, after: first?.id ?? "" }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });
}
