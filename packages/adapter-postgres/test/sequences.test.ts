import { expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { describeBackends } from "./support/backends";

describeBackends(
  (backend) => {
    test("sequences - gives each tenant 1..N with no gap under concurrent transactions", async () => {
      const { newPool, schema } = backend();
      const tenants = ["t1", "t2", "t3", "t4", "t5"];
      const perWorker = 50;
      const workers = 20;
      // Each worker is its own pool: its own connections, as another process would have.
      const stores = Array.from({ length: workers }, () =>
        createPostgresStore({ client: newPool(2), schema }),
      );
      const kept = new Map<string, number[]>(tenants.map((tenant) => [tenant, []]));
      let rolledBack = 0;
      const started = performance.now();
      await Promise.all(
        stores.map(async (store, worker) => {
          for (let index = 0; index < perWorker; index++) {
            const tenantId = tenants[(worker + index) % tenants.length] as string;
            const rollBack = (worker * perWorker + index) % 7 === 3;
            try {
              const value = await store.transaction({
                tenantId,
                work: async (transaction) => {
                  const number = await transaction.sequences.next({ series: "INV-" });
                  // Hold the row a moment, as an issue does while it writes the invoice.
                  await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
                  if (rollBack) throw new Error("rolled back on purpose");
                  return number;
                },
              });
              kept.get(tenantId)?.push(value);
            } catch (error) {
              if (!rollBack) throw error;
              rolledBack++;
            }
          }
        }),
      );
      const elapsed = performance.now() - started;
      console.log(
        `sequences: ${workers * perWorker} transactions (${rolledBack} rolled back) in ${elapsed.toFixed(0)} ms`,
      );
      expect(rolledBack).toBeGreaterThan(0);
      for (const [tenant, numbers] of kept) {
        const sorted = [...numbers].sort((a, b) => a - b);
        expect(sorted, tenant).toEqual(Array.from({ length: sorted.length }, (_, i) => i + 1));
      }
      const total = [...kept.values()].reduce((sum, numbers) => sum + numbers.length, 0);
      expect(total + rolledBack).toBe(workers * perWorker);
    });
  },
  ["postgres"],
);
