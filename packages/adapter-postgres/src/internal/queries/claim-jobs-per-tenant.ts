import type { InvoiceStore, OutboxJob } from "@remit/core";
import type { SqlRunner } from "../sql-client";
import { isoColumn, type Tables } from "../sql-helpers";
import { jobSelect } from "./job-queries";

type ClaimInput = Parameters<InvoiceStore["claimJobs"]>[0];

type Candidate = { tenantId: string; id: string; runAt: string };

/**
 * The outbox claim when `outbox_jobs` is distributed by tenant (Citus). The one-server claim locks
 * the due rows of every tenant in one statement (`FOR UPDATE SKIP LOCKED`), which Citus refuses
 * across shards. Here it takes two steps:
 *
 * 1. The oldest due jobs across tenants: two plain reads that lock nothing, sent at once, of
 *    pending jobs and of jobs whose lease ran out, each in `(run_at, tenant_id, id)` order and cut
 *    at the number wanted (on Citus, every shard returns its oldest, and the coordinator merges
 *    them); the oldest of both are the candidates.
 * 2. For each tenant among them, one statement that leases those of its jobs that are still due,
 *    skipping rows another claimer has locked (`FOR UPDATE SKIP LOCKED`, on the tenant's shard
 *    alone). The lease is taken under the row lock and checks again that the job is due, so no
 *    job is claimed twice and claimers never wait on one another. The tenants' statements are
 *    sent at once. The leased rows are formatted outside the UPDATE: Citus allows only immutable
 *    functions in a distributed RETURNING, and `to_char` of an instant is not.
 *
 * A job another claimer took between the two steps is lost to this round. When step 1 found as
 * many jobs as were wanted, another round reads the due jobs again, leaving out those already
 * tried, until `limit` jobs are held or none is left to try.
 */
export async function claimJobsPerTenant(
  runner: SqlRunner,
  tables: Tables,
  input: ClaimInput,
): Promise<OutboxJob[]> {
  if (input.limit <= 0) return [];
  const kinds = input.kinds === undefined ? null : [...input.kinds];
  // Each read is one statement that Citus runs on every shard at once, each shard reading its
  // index in order and stopping after `wanted` rows; a UNION of the two in one statement would
  // cost Citus two such runs plus a merge of their results on the coordinator.
  const oldestDue = async (condition: string, wanted: number, tried: string[]) =>
    (
      await runner.query<Candidate>(
        `SELECT tenant_id AS "tenantId", id, ${isoColumn("run_at")} AS "runAt" FROM ${tables.jobs}
         WHERE ${condition} AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
           AND NOT (tenant_id || chr(31) || id = ANY($4::text[]))
         ORDER BY run_at, tenant_id, id
         LIMIT $3`,
        [input.now, kinds, wanted, tried],
      )
    ).rows;
  const claimed: OutboxJob[] = [];
  const tried: string[] = [];
  while (claimed.length < input.limit) {
    const wanted = input.limit - claimed.length;
    const [pending, expired] = await Promise.all([
      oldestDue("status = 'pending' AND run_at <= $1::timestamptz", wanted, tried),
      oldestDue("status = 'running' AND locked_until <= $1::timestamptz", wanted, tried),
    ]);
    const candidates = [...pending, ...expired].sort(byDueOrder).slice(0, wanted);
    if (candidates.length === 0) break;
    const idsByTenant = new Map<string, string[]>();
    for (const { tenantId, id } of candidates) {
      idsByTenant.set(tenantId, [...(idsByTenant.get(tenantId) ?? []), id]);
      tried.push(`${tenantId}\u001f${id}`);
    }
    const leased = await Promise.all(
      [...idsByTenant].map(async ([tenantId, ids]) => {
        const { rows } = await runner.query<OutboxJob>(
          `WITH leased AS (
             UPDATE ${tables.jobs} AS job
             SET status = 'running', locked_by = $4,
                 locked_until = $1::timestamptz + $5::double precision * interval '1 millisecond',
                 attempts = job.attempts + 1, updated_at = $1::timestamptz
             WHERE job.tenant_id = $3 AND job.id IN (
               SELECT id FROM ${tables.jobs}
               WHERE tenant_id = $3 AND id = ANY($6::text[])
                 AND ((status = 'pending' AND run_at <= $1::timestamptz)
                   OR (status = 'running' AND locked_until <= $1::timestamptz))
                 AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
               FOR UPDATE SKIP LOCKED
             )
             RETURNING job.*
           )
           SELECT ${jobSelect} FROM leased`,
          [input.now, kinds, tenantId, input.workerId, input.leaseMs, ids],
        );
        return rows;
      }),
    );
    claimed.push(...leased.flat());
    // Fewer due jobs than wanted: none is left beyond them, and any of them lost went to another
    // claimer.
    if (candidates.length < wanted) break;
  }
  // RETURNING has no order of its own.
  return claimed.sort(byDueOrder);
}

/** The claim's order: `run_at`, then tenant and id (ISO instants and ids sort as text). */
function byDueOrder(a: Candidate, b: Candidate): number {
  return compare(a.runAt, b.runAt) || compare(a.tenantId, b.tenantId) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
