import type { InvoiceStore } from "@remit/core";
import { expect, test } from "vitest";
import type { TestBackend } from "./support/backends";
import { describeConformance } from "./support/conformance-wiring";
import { at, invoiceRecord, jobRecord, tenantRecord } from "./support/records";
import {
  foldWhitespace,
  genericPlan,
  isTableStatement,
  planProblems,
  type TenantFilterRules,
  tenantFilterViolations,
} from "./support/tenant-filter";

/**
 * Citus sends a statement to one node only when every table it reads is narrowed to one tenant
 * (`tenant_id = $n`). Here the store conformance suite runs on a real server with every
 * statement the store sends recorded, and each statement's generic plan is checked: every scan of
 * a Remit table must filter by `tenant_id`, and nothing may update or delete the append-only
 * revisions and events (what the triggers refused until migration 4).
 *
 * Four statements are cross-tenant by design. Each one is found by calling its method alone,
 * and has a test of its own below.
 */
const crossTenantByDesign: Record<
  string,
  { tables: string[]; statements: number; call: (store: InvoiceStore) => Promise<unknown> }
> = {
  // Any worker claims any tenant's due jobs: on one server in one statement (on Citus the read of
  // due jobs is the one statement across tenants, and each tenant's lease is its own, as
  // test/citus-paths.test.ts shows).
  claimJobs: {
    tables: ["outbox_jobs"],
    statements: 1,
    call: (store) => store.claimJobs({ workerId: "w1", now: at, limit: 10, leaseMs: 60_000 }),
  },
  // The sweep walks every tenant; on Citus each shard lists its own, merged by the coordinator.
  listTenantIds: {
    tables: ["tenants", "customers", "invoices", "work_orders", "quotes"],
    statements: 1,
    call: (store) => store.listTenantIds({ limit: 10 }),
  },
  // The hosted page has only the token: token → tenant on `public_tokens` (a reference table on
  // Citus, a copy on every node); the invoice is then read within its tenant. On one server that
  // is one statement, the tenant from a subquery on the token, so the plan's filter on invoices is
  // `tenant_id = (subquery)` rather than a parameter (on Citus: two statements, the second by
  // `tenant_id = $n`, see citus-paths.test.ts).
  findInvoiceByPublicToken: {
    tables: ["invoices", "public_tokens"],
    statements: 1,
    call: (store) => store.findInvoiceByPublicToken({ token: "tok_sent_1" }),
  },
  // The hosted quote page, the same way: token → tenant on `public_tokens`, then the quote.
  findQuoteByPublicToken: {
    tables: ["quotes", "public_tokens"],
    statements: 1,
    call: (store) =>
      store.findQuoteByPublicToken?.({ token: "qtok_sent_1" }) ??
      Promise.reject(new Error("the store has no findQuoteByPublicToken")),
  },
  // A provider's webhook has only the account (Stripe's deauthorization): account → tenant on
  // `payment_accounts` (a reference table on Citus); the tenant's settings are then read within it.
  findTenantByPaymentAccount: {
    tables: ["payment_accounts"],
    statements: 2,
    call: (store) =>
      store.findTenantByPaymentAccount?.({ provider: "stripe", accountId: "acct_1" }) ??
      Promise.reject(new Error("the store has no findTenantByPaymentAccount")),
  },
};

const scansWithoutTenant = (table: string) => `scans ${table} without tenant_id = $n`;

const rulesFor = (schema: string): TenantFilterRules => ({
  schema,
  localTables: ["schema_migrations"],
  appendOnlyTables: ["events", "invoice_revisions"],
});

/** The store's statements go to `sink` while a case runs; the suite's go to `suite`. */
const suite: string[] = [];
let sink = suite;

/** Data for each cross-tenant method to run every one of its statements. */
async function seed(store: InvoiceStore): Promise<void> {
  await store.transaction({
    tenantId: "t1",
    work: async (transaction) => {
      await transaction.jobs.insert({ record: jobRecord("t1", 1) });
      await transaction.tenants.put({
        record: tenantRecord("t1", {
          paymentAccounts: {
            stripe: { accountId: "acct_1", chargesEnabled: true, detailsSubmitted: true },
          },
        }),
      });
      await transaction.invoices.insert({
        record: invoiceRecord("t1", 1, { status: "pending_payment", publicToken: "tok_sent_1" }),
      });
    },
  });
}

/** The statements `call` sends, and the problems of each one's plan. */
async function statementsOf(backend: TestBackend, call: (store: InvoiceStore) => Promise<unknown>) {
  await backend.reset();
  await seed(backend.store);
  const sent: string[] = [];
  sink = sent;
  try {
    await call(backend.store);
  } finally {
    sink = suite;
  }
  const pool = backend.newPool(1);
  const connection = await pool.connect();
  try {
    const checked: { text: string; problems: string[] }[] = [];
    for (const text of new Set(sent.filter((each) => isTableStatement(each, backend.schema)))) {
      const plan = await genericPlan(connection, text);
      checked.push({
        text: foldWhitespace(text),
        problems: planProblems(plan, rulesFor(backend.schema)),
      });
    }
    return checked;
  } finally {
    connection.release();
  }
}

describeConformance(
  "postgres, every statement recorded",
  "postgres",
  { onStatement: (text) => sink.push(text) },
  (backend) => {
    for (const [method, { tables, statements, call }] of Object.entries(crossTenantByDesign)) {
      test(`${method} - the one statement that reads across tenants, on ${tables.join(", ")} alone`, async () => {
        const checked = await statementsOf(backend(), call);
        const crossTenant = checked.filter((statement) => statement.problems.length > 0);
        expect(crossTenant).toHaveLength(1);
        expect(crossTenant[0]?.problems).toEqual(tables.map(scansWithoutTenant));
        // Any other statement of the method is for one tenant.
        expect(checked).toHaveLength(statements);
      });
    }

    test("statements - the check catches a read by token alone and an update of events", async () => {
      const { schema } = backend();
      const connection = await backend().newPool(1).connect();
      try {
        const problemsOf = async (text: string) =>
          planProblems(await genericPlan(connection, text), rulesFor(schema));
        // Before version 4 the hosted page read invoices by token, on every shard.
        expect(
          await problemsOf(`SELECT id FROM "${schema}".invoices WHERE public_token = $1`),
        ).toEqual([scansWithoutTenant("invoices")]);
        expect(
          await problemsOf(
            `UPDATE "${schema}".events SET data = $3 WHERE tenant_id = $1 AND id = $2`,
          ),
        ).toEqual(["updates events, which is append-only"]);
        expect(
          await problemsOf(`DELETE FROM "${schema}".invoice_revisions WHERE tenant_id = $1`),
        ).toEqual(["deletes invoice_revisions, which is append-only"]);
        // A join narrowed on one side only is caught on the other.
        expect(
          await problemsOf(
            `SELECT p.id FROM "${schema}".payments p JOIN "${schema}".invoices i ON i.id = p.invoice_id
             WHERE i.tenant_id = $1`,
          ),
        ).toEqual([scansWithoutTenant("payments")]);
      } finally {
        connection.release();
      }
    });

    test("statements - every statement of the suite filters by tenant_id but the five by design, and none updates or deletes revisions or events", async () => {
      const allowed = new Set<string>();
      for (const { tables, call } of Object.values(crossTenantByDesign)) {
        for (const statement of await statementsOf(backend(), call)) {
          if (statement.problems.length === 0) continue;
          // Only the read named above: any other cross-tenant read of the method is a violation.
          expect(statement.problems).toEqual(tables.map((table) => scansWithoutTenant(table)));
          allowed.add(statement.text);
        }
      }
      expect(allowed.size).toBe(Object.keys(crossTenantByDesign).length);
      expect(suite.length).toBeGreaterThan(1_000);
      const pool = backend().newPool(1);
      const connection = await pool.connect();
      try {
        const violations = await tenantFilterViolations(
          connection,
          suite,
          rulesFor(backend().schema),
        );
        const unexpected = [...violations].filter(([text]) => !allowed.has(text));
        expect(unexpected).toEqual([]);
        // The suite ran each of them (a filtered run would prove nothing).
        expect([...violations.keys()].sort()).toEqual([...allowed].sort());
      } finally {
        connection.release();
      }
    });
  },
);
