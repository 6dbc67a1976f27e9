import { beforeAll, expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { migratedSchema } from "./support/migrated-schema";
import { analyzed, type PlanNode, type Statement, unboundedNodes } from "./support/query-plans";
import { recordingPool } from "./support/recording-pool";
import { id, invoiceRecord, workOrderRecord } from "./support/records";

// A tenant's invoice lists stay index-driven however many invoices it has: filtered by several
// statuses, or by work order, a page of 10 reads a few dozen rows, never the tenant's whole
// history. Checked on the plans the server ran (row counts, not timings), at 50,000 invoices of
// one tenant: 40,000 that match, under 10,000 newer ones of a status nobody asked for.

const invoiceCount = 50_000;
/** The oldest invoices, past due and pending payment in turn; the rest are paid. */
const unpaid = 40_000;
const limit = 10;
const tenantId = "t_big";

const { pool, schema } = migratedSchema();
const recorded: Statement[] = [];

beforeAll(async () => {
  const store = createPostgresStore({ client: pool, schema });
  await store.transaction({
    tenantId,
    work: async (transaction) => {
      await transaction.workOrders.insert({ record: workOrderRecord(tenantId, 1) });
      await transaction.invoices.insert({ record: invoiceRecord(tenantId, 0) });
    },
  });
  // Clones of that invoice: the oldest 40,000 past due and pending payment in turn, then paid
  // ones; invoice 30 (pending payment) is the work order's.
  await pool.query(
    `INSERT INTO "${schema}".invoices (tenant_id, id, version, status, revision, currency, customer,
       terms, content, totals, total, amount_paid, amount_due, credit, refund_pending, number,
       series, sequence, issue_date, due_date, public_token, work_order_id, created_by,
       created_at, updated_at, issued_at, search_text)
     SELECT i.tenant_id, 'inv_01J' || lpad(n::text, 23, '0'), i.version,
            CASE WHEN n > $5 THEN 'paid' WHEN n % 2 = 1 THEN 'past_due' ELSE 'pending_payment' END,
            i.revision, i.currency, i.customer, i.terms, i.content, i.totals, i.total,
            i.amount_paid, i.amount_due, i.credit, i.refund_pending, 'INV-' || n, 'INV-', n,
            date '2026-01-01', date '2026-02-01', 'tok_' || n,
            CASE WHEN n = 30 THEN $3 END,
            i.created_by, i.created_at, i.updated_at, i.created_at, i.search_text
     FROM "${schema}".invoices i, generate_series(1, $1::integer) AS n
     WHERE i.tenant_id = $2 AND i.id = $4`,
    [invoiceCount, tenantId, id("wo", 1), id("inv", 0), unpaid],
  );
  await pool.query(`DELETE FROM "${schema}".invoices WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    id("inv", 0),
  ]);
  await pool.query(`ANALYZE "${schema}".invoices`);
});

/** Lists with `filter`, then the plans of the statements the list sent on `invoices`. */
async function listPlan(filter: { status?: string[]; workOrderId?: string }) {
  const store = createPostgresStore({
    client: recordingPool(pool, (text, values) => recorded.push({ text, values })),
    schema,
  });
  recorded.length = 0;
  const page = await store.transaction({
    tenantId,
    work: (transaction) =>
      transaction.invoices.list({
        filter: filter as Parameters<typeof transaction.invoices.list>[0]["filter"],
        limit,
      }),
  });
  const statements = recorded.filter((statement) => /invoices/.test(statement.text));
  if (statements.length === 0) throw new Error("the store sent no statement on invoices");
  const nodes: PlanNode[] = [];
  for (const statement of statements) nodes.push(...(await analyzed(pool, statement)));
  return { page, nodes };
}

const invoiceNumbered = (n: number) => `inv_01J${String(n).padStart(23, "0")}`;

test(`list - several statuses read a page from each status's index range, at ${invoiceCount} invoices`, async () => {
  const { page, nodes } = await listPlan({ status: ["past_due", "pending_payment"] });
  expect(page.items.map((invoice) => invoice.id)).toEqual(
    Array.from({ length: limit }, (_, index) => invoiceNumbered(unpaid - index)),
  );
  expect(unboundedNodes(nodes, "invoices", 5 * limit)).toEqual([]);
});

test("list - the next page of several statuses continues in id order across both", async () => {
  const store = createPostgresStore({ client: pool, schema });
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let round = 0; round < 3; round++) {
    const page = await store.transaction({
      tenantId,
      work: (transaction) =>
        transaction.invoices.list({
          filter: { status: ["pending_payment", "past_due", "past_due"] },
          limit: 7,
          ...(cursor === undefined ? {} : { cursor }),
        }),
    });
    ids.push(...page.items.map((invoice) => invoice.id));
    cursor = page.nextCursor ?? undefined;
  }
  expect(ids).toEqual(Array.from({ length: 21 }, (_, index) => invoiceNumbered(unpaid - index)));
});

test(`list - by work order reads that work order's invoices only, at ${invoiceCount} invoices`, async () => {
  const { page, nodes } = await listPlan({ workOrderId: id("wo", 1) });
  expect(page.items.map((invoice) => invoice.id)).toEqual([invoiceNumbered(30)]);
  expect(unboundedNodes(nodes, "invoices", 5 * limit)).toEqual([]);
});
