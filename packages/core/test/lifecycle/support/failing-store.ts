import { createMemoryStore } from "@remit/testing";
import { type StoreTransaction, StoreUnavailableError } from "../../../src/index";

type MemoryStore = ReturnType<typeof createMemoryStore>;
type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * The memory store with a backend that misbehaves on request, as a shared database can:
 * `failNext("events.append")` makes the next call of that transaction method throw
 * `StoreUnavailableError` (the memory store then rolls the transaction back), and
 * `intercept("invoices.listDueBefore", replacement)` answers a method differently (a listing taken
 * before another process changed the rows, say).
 */
export function createFailingStore() {
  const inner = createMemoryStore();
  let failing: string | undefined;
  const replacements = new Map<
    string,
    (original: Method, ...args: unknown[]) => Promise<unknown>
  >();

  function wrap(transaction: StoreTransaction): StoreTransaction {
    const wrapped: Record<string, unknown> = { ...transaction };
    for (const [group, methods] of Object.entries(transaction)) {
      if (typeof methods !== "object" || methods === null) continue;
      wrapped[group] = Object.fromEntries(
        Object.entries(methods as Record<string, Method>).map(([name, method]) => [
          name,
          async (...args: unknown[]) => {
            const path = `${group}.${name}`;
            if (failing === path) {
              failing = undefined;
              throw new StoreUnavailableError({ cause: new Error("connection reset") });
            }
            const replacement = replacements.get(path);
            return replacement ? replacement(method, ...args) : method(...args);
          },
        ]),
      );
    }
    return wrapped as StoreTransaction;
  }

  const store: MemoryStore = {
    ...inner,
    transaction: ({ tenantId, work }) =>
      inner.transaction({ tenantId, work: (transaction) => work(wrap(transaction)) }),
  };
  return {
    store,
    failNext(method: string) {
      failing = method;
    },
    intercept(
      method: string,
      replacement: (original: Method, ...args: unknown[]) => Promise<unknown>,
    ) {
      replacements.set(method, replacement);
    },
  };
}
