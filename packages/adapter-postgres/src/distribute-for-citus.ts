import { parseWithSchema } from "@remit/core";
import { z } from "zod";
import type { PgPoolLike } from "./client-types";
import { defaultSchema, quoteSchema } from "./internal/schema-name";

/**
 * The tables distributed by `tenant_id`, co-located with `tenants`. Every table comes after the
 * tables its foreign keys reference: Citus distributes a table only once those are distributed.
 */
const distributedTables = [
  "tenants",
  "customers",
  "quotes",
  "work_orders",
  "invoices",
  "invoice_revisions",
  "payments",
  "refunds",
  "deliveries",
  "sequences",
  "events",
  "event_positions",
  "outbox_jobs",
  "idempotency_keys",
] as const;

/**
 * Distributed tables that later migrations added, each with the version that created it: a schema
 * migrated before that version has no such table yet (run this again after `migrate`). They
 * reference `invoices`, so they come after every table above.
 */
const laterDistributedTables = [
  ["credit_notes", 7],
  ["credit_applications", 7],
  ["plans", 8],
  ["plan_occurrences", 8],
] as const;

/**
 * Copied to every node: read by a key that is not the tenant. Each with the version that created
 * it: a schema migrated before that version has no such table yet (run this again after `migrate`).
 */
const referenceTables = [
  ["public_tokens", 4],
  ["payment_accounts", 6],
] as const;

const optionsSchema = z.object({
  schema: z.string().optional(),
  // Citus's own limit for shard_count.
  shardCount: z.number().int().min(1).max(64_000).optional(),
});

/**
 * Options of `distributeForCitus`.
 * @group Citus
 */
export type DistributeForCitusOptions = {
  /** The schema `migrate` created the tables in. Default `"remit"`. */
  schema?: string;
  /**
   * Shards per table (Citus's `shard_count`, given to the first table; the others are co-located
   * with it). Default: the cluster's `citus.shard_count`, 32 unless set.
   */
  shardCount?: number;
};

/**
 * What `distributeForCitus` did.
 * @group Citus
 */
export type DistributeForCitusResult = {
  /** Tables this call distributed or made reference tables, in order. */
  created: string[];
  /** Tables that already were, left alone. */
  skipped: string[];
};

/**
 * Distributes Remit's tables on a Citus cluster: each table by `tenant_id`, all co-located, so a
 * tenant's rows live on one node and every move is a single-node transaction; `public_tokens`
 * (token → tenant, for the hosted page) becomes a reference table. Run it on the coordinator
 * once, after `migrate`: later migrations are plain DDL, which Citus passes on to the nodes.
 *
 * Each table is one statement of its own (Citus copies a table's rows to its shards in that
 * statement), and tables that are already distributed are skipped, so a run that stopped half
 * way can simply be run again. The statements are listed in the package README, for running them
 * by hand or from another migration tool.
 *
 * @example
 * ```ts
 * import pg from "pg";
 * import { distributeForCitus, migrate } from "@remit/adapter-postgres";
 *
 * const coordinator = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(coordinator);
 * await distributeForCitus(coordinator); // { created: ["remit.public_tokens", …], skipped: [] }
 * ```
 *
 * @since 0.2.0
 * @group Citus
 */
export async function distributeForCitus(
  client: PgPoolLike,
  options: DistributeForCitusOptions = {},
): Promise<DistributeForCitusResult> {
  const { shardCount, ...parsed } = parseWithSchema(optionsSchema, options, {
    pathPrefix: "options",
  });
  const schemaName = parsed.schema ?? defaultSchema;
  const schema = quoteSchema(schemaName);
  const { rows: versions } = await client.query(
    `SELECT coalesce(max(version), 0) AS version FROM ${schema}.schema_migrations`,
  );
  const version = Number((versions[0] as { version: unknown } | undefined)?.version ?? 0);
  if (version < 4) {
    throw new Error(
      `distributeForCitus: the schema "${schemaName}" is at version ${version}; run migrate() first (version 4 made the tables distributable)`,
    );
  }
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_dist_partition p
     JOIN pg_class c ON c.oid = p.logicalrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1`,
    [schemaName],
  );
  const done = new Set((rows as { name: string }[]).map((row) => row.name));
  const result: DistributeForCitusResult = { created: [], skipped: [] };
  for (const [table, statement] of citusDistributionStatements(schema, shardCount, version)) {
    const name = `${schemaName}.${table}`;
    if (done.has(table)) {
      result.skipped.push(name);
      continue;
    }
    await client.query(statement);
    result.created.push(name);
  }
  return result;
}

/** Each table and the statement that distributes it, in the order they must run. */
function citusDistributionStatements(
  schema: string,
  shardCount: number | undefined,
  version: number,
): [table: string, statement: string][] {
  const [root, ...colocated] = distributedTables;
  const rootOptions = shardCount === undefined ? "" : `, shard_count => ${shardCount}`;
  return [
    ...referenceTables
      .filter(([, since]) => version >= since)
      .map(([table]): [string, string] => [
        table,
        `SELECT create_reference_table('${schema}.${table}');`,
      ]),
    [root, `SELECT create_distributed_table('${schema}.${root}', 'tenant_id'${rootOptions});`],
    ...[
      ...colocated,
      ...laterDistributedTables.filter(([, since]) => version >= since).map(([table]) => table),
    ].map((table): [string, string] => [
      table,
      `SELECT create_distributed_table('${schema}.${table}', 'tenant_id', colocate_with => '${schema}.${root}');`,
    ]),
  ];
}
