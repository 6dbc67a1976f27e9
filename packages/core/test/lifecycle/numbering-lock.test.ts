// Taking an invoice number locks the tenant's counter row (on PostgreSQL) until the transaction
// commits, so every other issue of the tenant waits for it. Issue must take it last: after the
// deposits, the cancelled sends and the reminders, with only the invoice's own save after it.
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import type { InvoiceStore, StoreTransaction } from "../../src/index";
import { createHarness, userContext } from "./support/harness";

type Method = (...args: unknown[]) => Promise<unknown>;

/** The memory store, recording the transaction methods each transaction calls, in order. */
function createRecordingStore() {
  const inner = createMemoryStore();
  const transactions: string[][] = [];
  const store: InvoiceStore & { state: typeof inner.state } = {
    ...inner,
    transaction: ({ tenantId, work }) =>
      inner.transaction({
        tenantId,
        work: (transaction) => {
          const calls: string[] = [];
          transactions.push(calls);
          const wrapped: Record<string, unknown> = { ...transaction };
          for (const [group, methods] of Object.entries(transaction)) {
            if (typeof methods !== "object" || methods === null) continue;
            wrapped[group] = Object.fromEntries(
              Object.entries(methods as Record<string, Method>).map(([name, method]) => [
                name,
                (...args: unknown[]) => {
                  calls.push(`${group}.${name}`);
                  return method(...args);
                },
              ]),
            );
          }
          return work(wrapped as StoreTransaction);
        },
      }),
  };
  return { store, transactions };
}

describe("issue - the tenant's number is taken last", () => {
  it("issue - after reminders and every other write, only the invoice's save follows the number", async () => {
    const { store, transactions } = createRecordingStore();
    const harness = await createHarness({
      store,
      settings: { reminders: [{ daysFromDueDate: -3, channels: ["email"] }] },
    });
    const draft = await harness.draft();
    const before = transactions.length;
    await harness.remit.invoices.issue(userContext, { id: draft.id, idempotencyKey: "issue-1" });
    const [calls] = transactions.slice(before);
    expect(calls).toBeDefined();
    const numbered = calls?.indexOf("sequences.next") ?? -1;
    expect(numbered).toBeGreaterThan(-1);
    // Reminder jobs are written before the number, and nothing but the save and the move's own
    // bookkeeping (its idempotency record, then its events: the feed's lock is taken last) after it.
    expect(calls?.slice(0, numbered)).toContain("jobs.insert");
    expect(calls?.slice(numbered + 1)).toEqual([
      "invoices.update",
      "idempotency.complete",
      "events.append",
    ]);
  });
});
