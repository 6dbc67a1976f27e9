import type { SqlRunner } from "./sql-client";
import type { Tables } from "./sql-helpers";

/**
 * Whether the store's tables are distributed by Citus, asked of the catalogs once per store, on
 * first use: `outbox_jobs` in `pg_dist_partition` (`distributeForCitus` distributes every table
 * at once). A server without Citus has no `pg_dist_partition` and answers false without a second
 * statement. `recheck` forgets the answer, for a store started before its tables were
 * distributed; a failed look-up is asked again next time.
 */
export type DistributionCheck = ReturnType<typeof createDistributionCheck>;

export function createDistributionCheck(runner: SqlRunner, tables: Tables) {
  let answer: Promise<boolean> | undefined;
  const ask = async (): Promise<boolean> => {
    const { rows } = await runner.query<{ citus: boolean }>(
      "SELECT to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL AS citus",
    );
    if (!rows[0]?.citus) return false;
    const { rows: distributed } = await runner.query<{ distributed: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition
                      WHERE logicalrelid = $1::regclass AND partmethod = 'h') AS distributed`,
      [tables.jobs],
    );
    return distributed[0]?.distributed === true;
  };
  return {
    isDistributed(): Promise<boolean> {
      answer ??= ask().catch((error: unknown) => {
        answer = undefined;
        throw error;
      });
      return answer;
    },
    recheck(): void {
      answer = undefined;
    },
  };
}
