import { expect, test } from "vitest";
import { describeConformance } from "../support/conformance-wiring";

// The wiring of test/conformance.test.ts, on the Citus coordinator at CITUS_URL: `migrate`, then
// `distributeForCitus`, then the whole store conformance suite.
describeConformance("citus", "postgres", { citus: true }, (backend) => {
  test("citus - every table is distributed by tenant_id in one co-location group; public_tokens and payment_accounts are reference tables", async () => {
    const { query, schema } = backend();
    const tables = await query<{ name: string; type: string; column: string; group: number }>(
      `SELECT c.relname AS name, t.citus_table_type AS type,
              t.distribution_column AS column, t.colocation_id AS group
       FROM citus_tables t JOIN pg_class c ON c.oid = t.table_name
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 ORDER BY c.relname`,
      [schema],
    );
    const distributed = tables.filter((table) => table.type === "distributed");
    expect(distributed).toHaveLength(14);
    expect(new Set(distributed.map((table) => `${table.column} ${table.group}`)).size).toBe(1);
    expect(distributed[0]?.column).toBe("tenant_id");
    expect(tables.filter((table) => table.type !== "distributed")).toEqual([
      expect.objectContaining({ name: "payment_accounts", type: "reference" }),
      expect.objectContaining({ name: "public_tokens", type: "reference" }),
    ]);
  });
});
