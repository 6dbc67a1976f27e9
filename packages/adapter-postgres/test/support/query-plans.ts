import type pg from "pg";

// The plan the server actually ran for a statement, read from `EXPLAIN (ANALYZE, FORMAT JSON)`
// and checked by row counts, never timings: a plan test is as steady on a busy machine as on an
// idle one.

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};

export type Statement = { text: string; values: readonly unknown[] };

export function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** The rows a node read or produced over all its loops, those it filtered out included. */
export function rowsTouched(node: PlanNode): number {
  const perLoop =
    node["Actual Rows"] +
    (node["Rows Removed by Filter"] ?? 0) +
    (node["Rows Removed by Index Recheck"] ?? 0);
  return perLoop * node["Actual Loops"];
}

/** Every node of the plan the server ran for `statement`, executed for real and rolled back. */
export async function analyzed(pool: pg.Pool, statement: Statement): Promise<PlanNode[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
      `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${statement.text}`,
      [...statement.values],
    );
    const [explained] = rows[0]?.["QUERY PLAN"] ?? [];
    if (!explained) throw new Error("EXPLAIN returned no plan");
    return nodesOf(explained.Plan);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/**
 * What makes a plan grow with the table: a read of `relation` that is not an index scan (a Seq
 * Scan, or a bitmap of every matching row), and any node that reads, filters out or sorts more
 * than `bound` rows. Each is described as "<node>[ using <index>]: <rows> rows".
 */
export function unboundedNodes(nodes: PlanNode[], relation: string, bound: number): string[] {
  return nodes
    .filter(
      (node) =>
        (node["Relation Name"] === relation &&
          /Scan$/.test(node["Node Type"]) &&
          !/^Index/.test(node["Node Type"])) ||
        rowsTouched(node) > bound,
    )
    .map(
      (node) =>
        `${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}: ${rowsTouched(node)} rows`,
    );
}
