import type pg from "pg";

/** A node of `EXPLAIN (FORMAT JSON, VERBOSE)`. */
type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  Schema?: string;
  Operation?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
};

/** What the check needs to know about the schema. */
export type TenantFilterRules = {
  schema: string;
  /** Tables that stay on the coordinator (`schema_migrations`): not checked. */
  localTables: readonly string[];
  /** Tables no statement may UPDATE or DELETE (what the dropped triggers refused). */
  appendOnlyTables: readonly string[];
};

/** The conditions a scan applies itself: index conditions, rechecks and filters. */
const conditionKeys = ["Index Cond", "Recheck Cond", "Filter", "TID Cond"];

/**
 * `tenant_id = $n` or `tenant_id = ANY ($n)`, as EXPLAIN prints it (`(job.tenant_id = ($3)::text)`).
 * PostgreSQL derives it for every table joined on `tenant_id` to one that has it, as Citus does
 * when it routes a query to one shard.
 */
const tenantCondition = /\btenant_id = (\(\$\d+\)(::text)?|\$\d+|ANY \(\(?\$\d+)/;

function conditionsOf(node: PlanNode): string[] {
  const own = conditionKeys.flatMap((key) => (typeof node[key] === "string" ? [node[key]] : []));
  // A bitmap heap scan's index conditions sit on the bitmap index scans below it.
  const bitmaps =
    node["Node Type"] === "Bitmap Heap Scan"
      ? (node.Plans ?? []).flatMap(function below(child): string[] {
          return [
            ...(typeof child["Index Cond"] === "string" ? [child["Index Cond"]] : []),
            ...(child.Plans ?? []).flatMap(below),
          ];
        })
      : [];
  return [...own, ...bitmaps];
}

/**
 * What breaks the rules in one statement's plan, each once: a scan of one of Remit's tables
 * without a `tenant_id` condition (on Citus: a query sent to every shard), or an UPDATE or DELETE
 * of an append-only table.
 */
export function planProblems(plan: PlanNode, rules: TenantFilterRules): string[] {
  const problems: string[] = [];
  const visit = (node: PlanNode) => {
    const table = node["Relation Name"];
    if (table !== undefined && node.Schema === rules.schema) {
      if (
        node["Node Type"] === "ModifyTable" &&
        (node.Operation === "Update" || node.Operation === "Delete") &&
        rules.appendOnlyTables.includes(table)
      ) {
        problems.push(`${node.Operation?.toLowerCase()}s ${table}, which is append-only`);
      }
      if (
        node["Node Type"] !== "ModifyTable" &&
        !rules.localTables.includes(table) &&
        !conditionsOf(node).some((condition) => tenantCondition.test(condition))
      ) {
        problems.push(`scans ${table} without tenant_id = $n`);
      }
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return [...new Set(problems)];
}

/** Statements that reach tables: the rest (BEGIN, SET LOCAL, COMMIT) have no plan to check. */
export function isTableStatement(text: string, schema: string): boolean {
  return /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(text) && text.includes(`"${schema}".`);
}

/**
 * The generic plan of a statement with `$n` placeholders, as any parameter values would get it:
 * prepared, then explained with `plan_cache_mode = force_generic_plan` (on any PostgreSQL from
 * 12; `EXPLAIN (GENERIC_PLAN)` needs 16). Nothing is executed.
 */
export async function genericPlan(connection: pg.PoolClient, text: string): Promise<PlanNode> {
  const count = Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
  await connection.query("SET plan_cache_mode = force_generic_plan");
  await connection.query(`PREPARE remit_checked AS ${text}`);
  try {
    const { rows } = await connection.query(
      `EXPLAIN (FORMAT JSON, VERBOSE) EXECUTE remit_checked(${Array(count).fill("NULL").join(", ")})`,
    );
    const [explained] = (rows[0] as { "QUERY PLAN": { Plan: PlanNode }[] })["QUERY PLAN"];
    if (!explained) throw new Error(`no plan for ${text}`);
    return explained.Plan;
  } finally {
    await connection.query("DEALLOCATE remit_checked");
  }
}

/** Each statement (whitespace folded) that breaks a rule, with what it breaks. */
export async function tenantFilterViolations(
  connection: pg.PoolClient,
  statements: Iterable<string>,
  rules: TenantFilterRules,
): Promise<Map<string, string[]>> {
  const violations = new Map<string, string[]>();
  for (const text of new Set(statements)) {
    if (!isTableStatement(text, rules.schema)) continue;
    const problems = planProblems(await genericPlan(connection, text), rules);
    if (problems.length > 0) violations.set(foldWhitespace(text), problems);
  }
  return violations;
}

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
