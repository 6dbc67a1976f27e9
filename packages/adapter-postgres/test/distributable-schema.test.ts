import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { distributeForCitus, type PgPoolLike } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { describeBackends, openPGlite } from "./support/backends";
import { type DistributionPlan, distributionProblems } from "./support/distribution-rules";

/**
 * The rules that make every table distributable on Citus, checked without Citus: after
 * `migrate`, each table can be distributed by `tenant_id` and co-located with the others, as
 * `distributeForCitus` does. `npm run test:citus` runs the suite on a real cluster.
 */
const plan: DistributionPlan = {
  // token → tenant for the hosted page, account → tenant for providers' webhooks, on every node
  referenceTables: ["public_tokens", "payment_accounts"],
  localTables: ["schema_migrations"], // stays on the coordinator
};

describeBackends((backend) => {
  test("citus - after migrate, every table is distributable by tenant_id and co-located", async () => {
    const { query, schema } = backend();
    expect(await distributionProblems(query, schema, plan)).toEqual([]);
  });
});

test("citus - the rules find what Citus refused in the schema of version 3", async () => {
  const db = await openPGlite("blank");
  try {
    await runMigrations(
      db,
      "remit",
      migrations.filter((migration) => migration.version <= 3),
    );
    const query = async <Row>(sql: string, params: unknown[] = []) =>
      (await db.query<Row>(sql, params)).rows;
    // What a cluster said to the README's recipe (issue 13): triggers, the cycle that left no
    // table of it distributable first, and the token unique across tenants.
    expect(await distributionProblems(query, "remit", plan)).toEqual([
      "invoices: unique index invoices_public_token_key does not lead with tenant_id",
      "events: trigger events_append_only",
      "invoice_revisions: trigger invoice_revisions_append_only",
      "foreign-key cycle invoices → quotes → work_orders → invoices",
      "foreign-key cycle invoices → work_orders → invoices",
      "foreign-key cycle quotes → work_orders → quotes",
    ]);
  } finally {
    await db.close();
  }
});

/** A coordinator as `distributeForCitus` sees it: the schema at `version`, nothing distributed. */
function fakeCoordinator(version: number, sent: string[]): PgPoolLike {
  return {
    async query(text: string) {
      if (text.includes("schema_migrations")) return { rows: [{ version }] };
      if (text.includes("pg_dist_partition")) return { rows: [{ name: "tenants" }] };
      sent.push(text);
      return { rows: [] };
    },
    connect: () => Promise.reject(new Error("not used")),
    on: () => undefined,
  };
}

test("citus - the distribution SQL in the README and the guide is what distributeForCitus runs, in that order", async () => {
  const sent: string[] = [];
  // `tenants` counts as done already: it is skipped, the rest runs in the documented order.
  expect(await distributeForCitus(fakeCoordinator(6, sent))).toMatchObject({
    skipped: ["remit.tenants"],
  });
  for (const document of ["../README.md", "../../../docs/guide/postgres.md"]) {
    const text = await readFile(new URL(document, import.meta.url), "utf8");
    const block = /```sql\n(SELECT create_reference_table[\s\S]*?)```/.exec(text)?.[1];
    const documented = (block ?? "").trim().split("\n");
    expect(documented).toHaveLength(16);
    expect(sent).toEqual(
      documented.filter((statement) => !statement.includes("'\"remit\".tenants', 'tenant_id');")),
    );
  }
  // A schema migrated before version 6 has no payment_accounts yet: it is left for a later run.
  const beforeSix: string[] = [];
  await distributeForCitus(fakeCoordinator(5, beforeSix));
  expect(beforeSix.filter((statement) => statement.includes("payment_accounts"))).toEqual([]);
  expect(beforeSix).toHaveLength(sent.length - 1);
  await expect(distributeForCitus(fakeCoordinator(3, []))).rejects.toThrow(/run migrate\(\) first/);
  await expect(distributeForCitus(fakeCoordinator(4, []), { shardCount: 0 })).rejects.toThrow(
    /shardCount/,
  );
});
