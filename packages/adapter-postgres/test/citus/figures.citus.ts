import { createRemit, type Remit } from "@remit/core";
import { afterAll, describe, expect, test } from "vitest";
import { createPostgresStore } from "../../src/index";
import { openBackend, type TestBackend } from "../support/backends";

/**
 * The figures in docs/guide/postgres.md ("Scaling out with Citus"), from the same cluster: the
 * tables distributed, and the same schema left as plain tables on the coordinator (PostgreSQL
 * alone, on the same machine). The test checks what must hold (gapless numbers, each job claimed
 * once, every link found) and prints the times; it asserts none of them.
 */
const tenants = Array.from({ length: 8 }, (_, index) => `tenant_${index + 1}`);
const services = 8;
const invoicesPerService = 50;
const claimers = 4;
const lines = [
  { kind: "labor" as const, description: "Labor", quantity: "1.5", unitPrice: "95.00" },
  { kind: "material" as const, description: "Parts", quantity: "2", unitPrice: "12.35" },
];
const ctx = (tenantId: string) => ({ tenantId, actor: { type: "user" as const, id: "user_1" } });

async function measure(backend: TestBackend) {
  const remits: Remit[] = Array.from({ length: services }, () =>
    createRemit({
      store: createPostgresStore({ client: backend.newPool(2), schema: backend.schema }),
    }),
  );
  const [first] = remits as [Remit];
  const customers = new Map<string, string>();
  for (const tenantId of tenants) {
    await first.tenants.upsert(ctx(tenantId), {
      name: tenantId,
      timeZone: "America/Chicago",
      numberFormat: "INV-{SEQ:4}",
    });
    customers.set(tenantId, (await first.customers.create(ctx(tenantId), { name: "Dana" })).id);
  }

  let started = performance.now();
  const tokens = (
    await Promise.all(
      remits.map(async (remit, service) => {
        const mine: string[] = [];
        for (let index = 0; index < invoicesPerService; index++) {
          const tenantId = tenants[(service + index) % tenants.length] as string;
          const { invoice } = await remit.invoices.create(ctx(tenantId), {
            customerId: customers.get(tenantId) as string,
            lines,
            issue: true,
          });
          mine.push(invoice.publicToken as string);
        }
        return mine;
      }),
    )
  ).flat();
  const issueSeconds = (performance.now() - started) / 1000;
  const numbers = await backend.query<{ tenant_id: string; numbers: number; top: number }>(
    `SELECT tenant_id, count(*)::int AS numbers, max(sequence) AS top
     FROM "${backend.schema}".invoices GROUP BY tenant_id ORDER BY tenant_id`,
  );
  expect(numbers.every((row) => row.numbers === row.top)).toBe(true);
  expect(numbers.reduce((sum, row) => sum + row.numbers, 0)).toBe(services * invoicesPerService);

  const store = createPostgresStore({ client: backend.newPool(8), schema: backend.schema });
  started = performance.now();
  const lookups: number[] = [];
  for (const token of tokens.slice(0, 200)) {
    const looked = performance.now();
    expect((await store.findInvoiceByPublicToken({ token }))?.publicToken).toBe(token);
    lookups.push(performance.now() - looked);
  }
  lookups.sort((a, b) => a - b);

  const [{ due }] = (await backend.query<{ due: number }>(
    `SELECT count(*)::int AS due FROM "${backend.schema}".outbox_jobs WHERE status = 'pending'`,
  )) as [{ due: number }];
  const now = new Date(Date.now() + 86_400_000).toISOString();
  started = performance.now();
  const claimed = (
    await Promise.all(
      Array.from({ length: claimers }, async (_, worker) => {
        const claimer = createPostgresStore({ client: backend.newPool(2), schema: backend.schema });
        const mine: string[] = [];
        for (;;) {
          const jobs = await claimer.claimJobs({
            workerId: `w${worker}`,
            now,
            limit: 10,
            leaseMs: 600_000,
          });
          if (jobs.length === 0) return mine;
          for (const job of jobs) {
            expect(
              await claimer.completeJob({
                tenantId: job.tenantId,
                id: job.id,
                workerId: `w${worker}`,
                now,
              }),
            ).toBe(true);
            mine.push(`${job.tenantId}/${job.id}`);
          }
        }
      }),
    )
  ).flat();
  const claimSeconds = (performance.now() - started) / 1000;
  expect(new Set(claimed).size).toBe(claimed.length);
  expect(claimed.length).toBe(due);

  return {
    invoicesPerSecond: Math.round((services * invoicesPerService) / issueSeconds),
    lookupP50: (lookups[Math.floor(lookups.length / 2)] ?? 0).toFixed(2),
    lookupP99: (lookups[Math.floor(lookups.length * 0.99)] ?? 0).toFixed(2),
    jobs: due,
    jobsPerSecond: Math.round(due / claimSeconds),
  };
}

describe("figures", () => {
  const opened: TestBackend[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((backend) => backend.close()));
  });

  for (const [name, citus] of [
    ["distributed by tenant_id", true],
    ["plain tables on the coordinator", false],
  ] as const) {
    test(`figures - ${name}: ${services * invoicesPerService} invoices saved & issued by ${services} services over ${tenants.length} tenants, 200 token look-ups, the outbox drained by ${claimers} claimers`, async () => {
      const backend = await openBackend("postgres", { citus });
      opened.push(backend);
      const figures = await measure(backend);
      console.log(
        `${name}: ${figures.invoicesPerSecond} invoices/s saved & issued; token look-up p50 ${figures.lookupP50} ms, p99 ${figures.lookupP99} ms; ${figures.jobs} jobs claimed and completed, ${figures.jobsPerSecond}/s`,
      );
    });
  }
});
