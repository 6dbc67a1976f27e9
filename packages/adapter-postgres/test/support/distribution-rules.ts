/** Reads the backend directly (the test backend's `query`). */
type Query = <Row>(sql: string, params?: unknown[]) => Promise<Row[]>;

/** Which tables are not distributed by `tenant_id`, each for a reason. */
export type DistributionPlan = {
  /** Copied to every node (`create_reference_table`): read by a key that is not the tenant. */
  referenceTables: readonly string[];
  /** Left on the coordinator, never distributed (`schema_migrations`). */
  localTables: readonly string[];
};

/**
 * What would stop Citus from distributing every table of `schema` by `tenant_id`, co-located, as
 * the README's recipe does, found in the catalogs of a plain PostgreSQL (or PGlite) without
 * Citus. Each rule is one Citus refuses to break:
 *
 * - a distributed table has a `tenant_id` column, and its primary key and every unique index
 *   lead with it (Citus enforces uniqueness only within a shard);
 * - no trigger on a distributed table (`create_distributed_table` refuses a table with one);
 * - every foreign key between distributed tables pairs `tenant_id` with `tenant_id`, so the two
 *   rows sit on the same node, and none goes from a reference or local table to a distributed
 *   one;
 * - no cycle of foreign keys: a table is distributed only once the tables it references are.
 */
export async function distributionProblems(
  query: Query,
  schema: string,
  plan: DistributionPlan,
): Promise<string[]> {
  const problems: string[] = [];
  const tables = (
    await query<{ name: string; hasTenant: boolean }>(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                AS "hasTenant"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
      [schema],
    )
  ).map((table) => ({ ...table, kind: kindOf(table.name, plan) }));
  const distributed = new Set(
    tables.filter((table) => table.kind === "distributed").map((table) => table.name),
  );
  for (const table of tables) {
    if (table.kind === "distributed" && !table.hasTenant) {
      problems.push(`${table.name} has no tenant_id column`);
    }
  }

  const uniqueIndexes = await query<{ table: string; index: string; first: string | null }>(
    `SELECT t.relname AS table, i.relname AS index, a.attname AS first
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
     WHERE n.nspname = $1 AND x.indisunique ORDER BY t.relname, i.relname`,
    [schema],
  );
  for (const { table, index, first } of uniqueIndexes) {
    if (distributed.has(table) && first !== "tenant_id") {
      problems.push(`${table}: unique index ${index} does not lead with tenant_id`);
    }
  }

  const triggers = await query<{ table: string; trigger: string }>(
    `SELECT t.relname AS table, g.tgname AS trigger
     FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND NOT g.tgisinternal ORDER BY t.relname, g.tgname`,
    [schema],
  );
  for (const { table, trigger } of triggers) {
    if (distributed.has(table)) problems.push(`${table}: trigger ${trigger}`);
  }

  const foreignKeys = (
    await query<{ name: string; from: string; to: string; definition: string }>(
      `SELECT c.conname AS name, t.relname AS from, r.relname AS to,
              pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = $1 AND c.contype = 'f' ORDER BY c.conname`,
      [schema],
    )
  ).map((key) => ({ ...key, ...columnsOf(key.definition) }));
  for (const key of foreignKeys) {
    if (distributed.has(key.from) && distributed.has(key.to)) {
      const position = key.columns.indexOf("tenant_id");
      if (position === -1 || key.referenced[position] !== "tenant_id") {
        problems.push(
          `${key.from}: foreign key ${key.name} does not pair tenant_id with tenant_id`,
        );
      }
    } else if (distributed.has(key.to)) {
      problems.push(`${key.from}: foreign key ${key.name} from a non-distributed table`);
    }
  }
  for (const cycle of cyclesOf(foreignKeys)) {
    problems.push(`foreign-key cycle ${[...cycle, cycle[0]].join(" → ")}`);
  }
  return problems;
}

function kindOf(table: string, plan: DistributionPlan): "distributed" | "reference" | "local" {
  if (plan.referenceTables.includes(table)) return "reference";
  if (plan.localTables.includes(table)) return "local";
  return "distributed";
}

/** `FOREIGN KEY (a, b) REFERENCES s.t(c, d) …` → its two column lists. */
function columnsOf(definition: string): { columns: string[]; referenced: string[] } {
  const match = /^FOREIGN KEY \(([^)]*)\) REFERENCES [^(]+\(([^)]*)\)/.exec(definition);
  if (!match) throw new Error(`not a foreign key: ${definition}`);
  const split = (list: string | undefined) => (list ?? "").split(",").map((name) => name.trim());
  return { columns: split(match[1]), referenced: split(match[2]) };
}

/**
 * Every simple cycle of the graph, each once: listed from its smallest table, through tables
 * that sort after it.
 */
function cyclesOf(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const cycles: string[][] = [];
  for (const start of [...next.keys()].sort()) {
    const walk = (path: string[]) => {
      for (const to of [...(next.get(path.at(-1) ?? "") ?? [])].sort()) {
        if (to === start) cycles.push([...path]);
        else if (to > start && !path.includes(to)) walk([...path, to]);
      }
    };
    walk([start]);
  }
  return cycles;
}
