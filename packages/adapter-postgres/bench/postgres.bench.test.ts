import { describe, expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { benchRemit } from "./support/bench-remit";
import { p50AndP99, timed } from "./support/latency";

// Benchmarks on a real server (DATABASE_URL or the throwaway one of the test harness). Not part of
// CI. Figures are printed as one table at the end; see the README for a recorded run.
//   BENCH_ISSUE_COUNT  invoices created + issued in the throughput run (default 2,000)
//   BENCH_INVOICES     invoices seeded over BENCH_TENANTS tenants for list, search and sweep
//                      (default 1,000,000 over 1,000)
//   BENCH_SWEEP_TENANTS  tenants the past-due sweep runs over (default 50)

const issueCount = Number(process.env.BENCH_ISSUE_COUNT ?? 2_000);
const seeded = Number(process.env.BENCH_INVOICES ?? 1_000_000);
const seededTenants = Number(process.env.BENCH_TENANTS ?? 1_000);
const sweptTenants = Number(process.env.BENCH_SWEEP_TENANTS ?? 50);
const clients = 8;

const ctx = (tenantId: string) => ({ tenantId, actor: { type: "user" as const, id: "bench" } });
const lines = {
  lines: [
    { kind: "labor" as const, description: "Labor", quantity: "1.5", unitPrice: "95.00" },
    { kind: "material" as const, description: "Parts", quantity: "2", unitPrice: "12.35" },
  ],
};

const bench = benchRemit({ title: "Remit", poolSize: clients });
const { results } = bench;

describe.sequential("bench", () => {
  test("throughput - invoices created and issued per second by 8 clients, against plain INSERTs of the same rows", async () => {
    const tenants = Array.from({ length: clients }, (_, index) => `bench_${index}`);
    const customers: string[] = [];
    for (const tenantId of tenants) {
      await bench.remit.tenants.upsert(ctx(tenantId), {
        name: tenantId,
        numberFormat: "INV-{SEQ:6}",
      });
      customers.push(
        (await bench.remit.customers.create(ctx(tenantId), { name: "Dana Reyes" })).id,
      );
    }
    const issue = async (index: number) => {
      const tenantId = tenants[index % tenants.length] as string;
      const customerId = customers[index % tenants.length] as string;
      const { invoice } = await bench.remit.invoices.create(ctx(tenantId), {
        customerId,
        ...lines,
      });
      await bench.remit.invoices.issue(ctx(tenantId), { id: invoice.id });
    };
    await timed(clients, 200, issue); // warm-up
    const cpuBefore = process.cpuUsage();
    const remitSeconds = await timed(clients, issueCount, issue);
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuShare = (cpu.user + cpu.system) / 1e6 / remitSeconds;

    // The floor: every row those moves left (invoice, revisions, events, their outbox jobs),
    // inserted again with plain INSERTs, one transaction per invoice, by as many clients.
    const insertable = async (table: string) =>
      (
        await bench.pool.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
           WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER'
             AND coalesce(identity_generation, '') <> 'ALWAYS'`,
          [bench.schema, table],
        )
      ).rows.map((row) => row.column_name);
    const tables = ["invoices", "invoice_revisions", "events", "outbox_jobs"] as const;
    const columns = Object.fromEntries(
      await Promise.all(tables.map(async (table) => [table, await insertable(table)] as const)),
    );
    const rowsOf = async (table: string, invoiceColumn: string) =>
      (
        await bench.pool.query<{ invoice: string; row: Record<string, unknown> }>(
          `SELECT ${invoiceColumn} AS invoice, to_jsonb(t) AS row FROM "${bench.schema}".${table} t
           WHERE tenant_id LIKE 'bench\\_%'`,
        )
      ).rows;
    const groups = new Map<string, [string, Record<string, unknown>][]>();
    for (const [table, invoiceColumn] of [
      ["invoices", "id"],
      ["invoice_revisions", "invoice_id"],
      ["events", "subject_id"],
      ["outbox_jobs", "payload -> 'event' -> 'subject' ->> 'id'"],
    ] as const) {
      for (const { invoice, row } of await rowsOf(table, invoiceColumn)) {
        // The tenants' and customers' own events are no part of an invoice's rows.
        if (!invoice?.startsWith("inv_")) continue;
        const copy: Record<string, unknown> = {
          ...row,
          tenant_id: `floor_${row.tenant_id as string}`,
        };
        if (table === "invoices") copy.public_token = `floor_${row.public_token as string}`;
        groups.set(invoice, [...(groups.get(invoice) ?? []), [table, copy]]);
      }
    }
    const statements = Object.fromEntries(
      tables.map((table) => {
        const list = (columns[table] ?? []).join(", ");
        return [
          table,
          `INSERT INTO "${bench.schema}".${table} (${list})
           SELECT ${list} FROM jsonb_populate_record(NULL::"${bench.schema}".${table}, $1::jsonb)`,
        ];
      }),
    );
    const invoices = [...groups.values()];
    const floorSeconds = await timed(clients, invoices.length, async (index) => {
      const client = await bench.pool.connect();
      try {
        await client.query("BEGIN");
        for (const [table, row] of invoices[index] ?? []) {
          await client.query(statements[table] as string, [JSON.stringify(row)]);
        }
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    // The same work as one move ("save & issue": create with `issue: true`), in other tenants so
    // the floor above copied only the two-move rows.
    const oneMoveTenants = tenants.map((tenantId) => tenantId.replace("bench_", "bench1_"));
    const oneMoveCustomers: string[] = [];
    for (const tenantId of oneMoveTenants) {
      await bench.remit.tenants.upsert(ctx(tenantId), {
        name: tenantId,
        numberFormat: "INV-{SEQ:6}",
      });
      oneMoveCustomers.push(
        (await bench.remit.customers.create(ctx(tenantId), { name: "Dana Reyes" })).id,
      );
    }
    const oneMoveSeconds = await timed(clients, issueCount, async (index) => {
      const tenantId = oneMoveTenants[index % oneMoveTenants.length] as string;
      const customerId = oneMoveCustomers[index % oneMoveTenants.length] as string;
      await bench.remit.invoices.create(ctx(tenantId), { customerId, ...lines, issue: true });
    });
    const remitRate = issueCount / remitSeconds;
    const oneMoveRate = issueCount / oneMoveSeconds;
    const floorRate = invoices.length / floorSeconds;
    results.push(
      [
        `create + issue, ${clients} clients (${issueCount} invoices)`,
        `${remitRate.toFixed(0)} invoices/s`,
      ],
      [
        `plain INSERTs of the same rows, ${clients} clients (the floor)`,
        `${floorRate.toFixed(0)} invoices/s`,
      ],
      ["  its ratio to the floor", (remitRate / floorRate).toFixed(2)],
      ["  Node.js CPU during create + issue (1.00 = one core busy)", nodeCpuShare.toFixed(2)],
      [
        `save & issue (create with issue: true), ${clients} clients`,
        `${oneMoveRate.toFixed(0)} invoices/s`,
      ],
      ["  its ratio to the floor (aim: at least 0.75)", (oneMoveRate / floorRate).toFixed(2)],
    );

    // One tenant: every issue takes the same numbering row, held from the number to commit.
    const [hotTenant] = tenants;
    const [hotCustomer] = customers;
    const oneTenantSeconds = await timed(clients, issueCount, async () => {
      await bench.remit.invoices.create(ctx(hotTenant as string), {
        customerId: hotCustomer as string,
        ...lines,
        issue: true,
      });
    });
    results.push([
      `save & issue for ONE tenant (one numbering row), ${clients} clients`,
      `${(issueCount / oneTenantSeconds).toFixed(0)} invoices/s`,
    ]);
    expect(invoices.length).toBe(issueCount + 200);
  });

  test("list and sweep - one tenant's past-due invoices among many, and the past-due sweep", async () => {
    // A template made by Remit itself, cloned by SQL: every row is one the core can read and move.
    await bench.remit.tenants.upsert(ctx("seed"), { name: "seed", timeZone: "America/Chicago" });
    const customer = await bench.remit.customers.create(ctx("seed"), { name: "Dana Reyes" });
    const { invoice } = await bench.remit.invoices.create(ctx("seed"), {
      customerId: customer.id,
      ...lines,
    });
    const issued = (await bench.remit.invoices.issue(ctx("seed"), { id: invoice.id })).invoice;
    const started = performance.now();
    await bench.pool.query(
      `INSERT INTO "${bench.schema}".tenants (tenant_id, version, settings, created_at, updated_at)
       SELECT 's' || lpad(t::text, 5, '0'), version, settings, created_at, updated_at
       FROM "${bench.schema}".tenants, generate_series(1, $1) AS t WHERE tenant_id = 'seed'`,
      [seededTenants],
    );
    // Per tenant: a third paid, a third pending and not yet due, a third pending and overdue
    // (the sweep's work), and every twentieth already past due (the list's answer).
    await bench.pool.query(
      `INSERT INTO "${bench.schema}".invoices (tenant_id, id, version, status, revision, currency, customer,
         terms, content, totals, total, amount_paid, amount_due, credit, refund_pending, number,
         series, sequence, issue_date, due_date, public_token, created_by, created_at, updated_at,
         issued_at, search_text)
       SELECT 's' || lpad((1 + (n - 1)::bigint * $2 / $1)::text, 5, '0'),
              'inv_' || lpad(n::text, 26, '0'),
              i.version,
              CASE WHEN n % 20 = 0 THEN 'past_due' WHEN n % 3 = 0 THEN 'paid' ELSE 'pending_payment' END,
              i.revision, i.currency,
              jsonb_set(i.customer, '{name}', to_jsonb((ARRAY['Dana Reyes', 'Sam Ortiz', 'Lee Park',
                'Ana Silva'])[1 + n % 4])),
              i.terms, i.content, i.totals, i.total,
              CASE WHEN n % 3 = 0 AND n % 20 <> 0 THEN i.total ELSE 0 END,
              CASE WHEN n % 3 = 0 AND n % 20 <> 0 THEN 0 ELSE i.total END,
              0, 0, 'INV-' || n, 'INV-', n, date '2026-01-01',
              CASE WHEN n % 3 = 1 THEN date '2026-12-31' ELSE date '2026-02-01' END,
              'tok_' || n, i.created_by, i.created_at, i.updated_at, i.issued_at,
              lower('inv-' || n || chr(31) || (ARRAY['Dana Reyes', 'Sam Ortiz', 'Lee Park',
                'Ana Silva'])[1 + n % 4])
       FROM "${bench.schema}".invoices i, generate_series(1, $1) AS n WHERE i.id = $3`,
      [seeded, seededTenants, issued.id],
    );
    await bench.pool.query(`ANALYZE "${bench.schema}".invoices`);
    results.push([
      `seed ${seeded} invoices over ${seededTenants} tenants (generate_series)`,
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
    ]);

    const store = createPostgresStore({ client: bench.pool, schema: bench.schema });
    const latencies: number[] = [];
    const randomTenant = () =>
      `s${String(1 + Math.floor(Math.random() * seededTenants)).padStart(5, "0")}`;
    for (let index = 0; index < 1_000; index++) {
      const tenantId = randomTenant();
      const began = performance.now();
      const page = await store.transaction({
        tenantId,
        work: (transaction) =>
          transaction.invoices.list({ filter: { status: ["past_due"] }, limit: 50 }),
      });
      latencies.push(performance.now() - began);
      if (index === 0) expect(page.items.length).toBeGreaterThan(0);
    }
    results.push([
      "list one tenant's past-due invoices (1,000 calls), p50 / p99 (aim: < 10 ms)",
      p50AndP99(latencies),
    ]);
    // Both lists of the back office's "unpaid" tab: two statuses at once.
    const unpaid: number[] = [];
    for (let index = 0; index < 1_000; index++) {
      const tenantId = randomTenant();
      const began = performance.now();
      await store.transaction({
        tenantId,
        work: (transaction) =>
          transaction.invoices.list({
            filter: { status: ["pending_payment", "past_due"] },
            limit: 50,
          }),
      });
      unpaid.push(performance.now() - began);
    }
    results.push([
      "list one tenant's unpaid invoices (two statuses), p50 / p99",
      p50AndP99(unpaid),
    ]);
    // Search: a customer's name (a few hundred matches, the newest 50 shown) and an invoice number
    // (one match), with the trigram index when the server has pg_trgm and btree_gin.
    const trigram = (
      await bench.pool.query(
        "SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = $1 AND indexname = 'invoices_search_trgm_idx'",
        [bench.schema],
      )
    ).rows[0]?.n;
    for (const [label, term] of [
      ["a customer's name", () => "ortiz"],
      ["an invoice number", () => `inv-${1 + Math.floor(Math.random() * seeded)}`],
    ] as const) {
      const searched: number[] = [];
      for (let index = 0; index < 1_000; index++) {
        const tenantId = randomTenant();
        const began = performance.now();
        await store.transaction({
          tenantId,
          work: (transaction) =>
            transaction.invoices.list({ filter: { search: term() }, limit: 50 }),
        });
        searched.push(performance.now() - began);
      }
      results.push([
        `search one tenant's invoices for ${label}${trigram ? " (trigram index)" : ""}, p50 / p99`,
        p50AndP99(searched),
      ]);
    }

    const allTenants: string[] = [];
    for (let after: string | undefined; ; ) {
      const page = await store.listTenantIds({ after, limit: 500 });
      allTenants.push(...page);
      if (page.length < 500) break;
      after = page.at(-1);
    }
    // The seeded tenants' first BENCH_SWEEP_TENANTS: every sweep's work is the same size, and
    // all of them would move hundreds of thousands of invoices one by one.
    const tenants = allTenants.filter((tenantId) => /^s\d+$/.test(tenantId)).slice(0, sweptTenants);
    const system = (tenantId: string) => ({ tenantId, actor: { type: "system" as const } });
    let moved = 0;
    const sweepSeconds = await timed(4, tenants.length, async (index) => {
      const result = await bench.remit.invoices.sweepPastDue(system(tenants[index] as string), {
        at: "2026-03-02T15:00:00.000Z",
        batchSize: 100,
      });
      moved += result.moved;
    });
    results.push([
      `past-due sweep over ${tenants.length} tenants, 4 workers (${moved} moved)`,
      `${sweepSeconds.toFixed(1)} s, ${(moved / sweepSeconds).toFixed(0)} invoices/s`,
    ]);
    expect(moved).toBeGreaterThan(0);
  });
});
