import type { InvoiceStore, OutboxJob, StoreTransaction } from "@remit/core";
import { AsyncLock } from "./async-lock";
import { creditCollections, listInvoicesWithCredit } from "./memory-credit-collections";
import { invoiceCollections } from "./memory-invoice-collections";
import { ledgerAndOutboxCollections } from "./memory-ledger-collections";
import { planCollections } from "./memory-plan-collections";
import { listOpenInvoices } from "./memory-report-reads";
import { createMemoryState, type MemoryStoreState } from "./memory-state";
import { createMemoryTransactionContext } from "./memory-transaction-context";

export type { MemoryStoreState } from "./memory-state";

/**
 * The in-memory store: a real, supported adapter of the store port for unit tests, prototypes and
 * examples, passing the same conformance suite as PostgreSQL. One transaction runs at a time
 * (a whole-store lock), and a transaction that throws is undone. Nothing survives the process.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * const remit = createRemit({ store });
 * ```
 * @group Memory store
 */
export function createMemoryStore(): InvoiceStore & { readonly state: MemoryStoreState } {
  const state = createMemoryState();
  const lock = new AsyncLock();

  function openTransaction(tenantId: string, undo: (() => void)[]): StoreTransaction {
    const context = createMemoryTransactionContext(state, tenantId, undo);
    const invoiceParts = invoiceCollections(context);
    return {
      tenantId,
      ...invoiceParts,
      invoices: {
        ...invoiceParts.invoices,
        listWithCredit: listInvoicesWithCredit(context),
        listOpen: listOpenInvoices(context),
      },
      ...ledgerAndOutboxCollections(context),
      ...creditCollections(context),
      ...planCollections(context),
    };
  }

  return {
    specificationVersion: "v2",
    capabilities: { multiProcess: false },
    state,

    transaction: ({ tenantId, work }) =>
      lock.run(async () => {
        const undo: (() => void)[] = [];
        try {
          return await work(openTransaction(tenantId, undo));
        } catch (error) {
          for (const step of undo.reverse()) step();
          throw error;
        }
      }),

    findInvoiceByPublicToken: ({ token }) =>
      lock.run(async () => {
        const found = state.publicTokens.get("", token);
        const invoice = found && state.invoices.get(found.tenantId, found.id);
        return invoice?.publicToken === token ? invoice : undefined;
      }),

    findQuoteByPublicToken: ({ token }) =>
      lock.run(async () => {
        const found = state.publicTokens.get("", token);
        const quote = found && state.quotes.get(found.tenantId, found.id);
        return quote?.publicToken === token ? quote : undefined;
      }),

    claimJobs: ({ workerId, now, limit, leaseMs, kinds }) =>
      lock.run(async () => {
        const due: OutboxJob[] = [];
        for (const job of state.jobs.all()) {
          if (kinds && !kinds.includes(job.kind)) continue;
          const claimable =
            (job.status === "pending" && job.runAt <= now) ||
            (job.status === "running" && job.lockedUntil !== null && job.lockedUntil <= now);
          if (claimable) due.push(job);
        }
        due.sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id < b.id ? -1 : 1));
        const lockedUntil = new Date(Date.parse(now) + leaseMs).toISOString();
        return due.slice(0, limit).map((job) => {
          const claimed: OutboxJob = {
            ...job,
            status: "running",
            attempts: job.attempts + 1,
            lockedBy: workerId,
            lockedUntil,
            updatedAt: now,
          };
          state.jobs.set(job.tenantId, job.id, claimed, []);
          return structuredClone(claimed);
        });
      }),

    completeJob: ({ tenantId, id, workerId, now }) =>
      lock.run(async () => {
        const job = state.jobs.get(tenantId, id);
        if (job?.status !== "running" || job.lockedBy !== workerId) return false;
        state.jobs.set(
          tenantId,
          id,
          { ...job, status: "done", lockedBy: null, lockedUntil: null, updatedAt: now },
          [],
        );
        return true;
      }),

    failJob: ({ tenantId, id, workerId, now, error, retryAt, state: progress }) =>
      lock.run(async () => {
        const job = state.jobs.get(tenantId, id);
        if (job?.status !== "running" || job.lockedBy !== workerId) return false;
        state.jobs.set(
          tenantId,
          id,
          {
            ...job,
            status: retryAt === null ? "dead" : "pending",
            runAt: retryAt ?? job.runAt,
            lastError: error,
            state: progress ?? job.state,
            lockedBy: null,
            lockedUntil: null,
            updatedAt: now,
          },
          [],
        );
        return true;
      }),

    // A scan of every tenant's settings: the memory store keeps no index.
    findTenantByPaymentAccount: ({ provider, accountId }) =>
      lock.run(async () => {
        for (const group of state.tenants.groups.keys()) {
          const tenant = state.tenants.get(group, "settings");
          if (tenant?.paymentAccounts[provider]?.accountId === accountId) return tenant;
        }
        return undefined;
      }),

    listTenantIds: ({ after, limit }) =>
      lock.run(async () => {
        // The tables a tenant's data starts in, as in the SQL store; a group that a rolled-back
        // transaction emptied is no tenant.
        const ids = new Set<string>();
        for (const table of [
          state.tenants,
          state.customers,
          state.invoices,
          state.workOrders,
          state.quotes,
        ]) {
          for (const [group, rows] of table.groups) if (rows.size > 0) ids.add(group);
        }
        return [...ids]
          .filter((id) => after === undefined || id > after)
          .sort()
          .slice(0, limit);
      }),
  };
}
