import type { InvoiceStore, OutboxJob, StoreTransaction } from "@remit/core";
import type { SqlRunner } from "../sql-client";
import {
  assertSameTenant,
  insertInto,
  isoColumn,
  json,
  type Scope,
  type Tables,
} from "../sql-helpers";

export const jobSelect = `
  tenant_id AS "tenantId", id, kind, ${isoColumn("run_at")} AS "runAt", status, attempts, payload,
  state, locked_by AS "lockedBy", ${isoColumn("locked_until")} AS "lockedUntil",
  last_error AS "lastError", ${isoColumn("created_at")} AS "createdAt",
  ${isoColumn("updated_at")} AS "updatedAt"`;

export function createJobQueries(scope: Scope): StoreTransaction["jobs"] {
  const { runner, tenantId, tables } = scope;

  return {
    async insert({ record: job }) {
      assertSameTenant(scope, job, "job");
      await runner.query(
        insertInto(tables.jobs, [
          "tenant_id",
          "id",
          "kind",
          "run_at",
          "status",
          "attempts",
          "payload",
          "state",
          "locked_by",
          "locked_until",
          "last_error",
          "created_at",
          "updated_at",
        ]),
        [
          tenantId,
          job.id,
          job.kind,
          job.runAt,
          job.status,
          job.attempts,
          json(job.payload),
          json(job.state),
          job.lockedBy,
          job.lockedUntil,
          job.lastError,
          job.createdAt,
          job.updatedAt,
        ],
      );
    },

    async cancelPendingForInvoice({ invoiceId, kinds }) {
      // `invoice_id` is generated from `payload.invoiceId`.
      const { rowCount } = await runner.query(
        `UPDATE ${tables.jobs} SET status = 'cancelled'
         WHERE tenant_id = $1 AND invoice_id = $2 AND status = 'pending' AND kind = ANY($3::text[])`,
        [tenantId, invoiceId, [...kinds]],
      );
      return rowCount;
    },

    async get({ id }) {
      const { rows } = await runner.query<OutboxJob>(
        `SELECT ${jobSelect} FROM ${tables.jobs} WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return rows[0];
    },
  };
}

type ClaimInput = Parameters<InvoiceStore["claimJobs"]>[0];

/**
 * The cross-tenant claim, index-driven at any backlog. The due jobs come from two index scans
 * that each stop after `limit` rows: pending jobs in `(run_at, tenant_id, id)` order from the
 * partial index `outbox_jobs_claim_idx`, and jobs whose lease ran out from
 * `outbox_jobs_lease_idx` (sorted by `run_at`, but only the running jobs, which the workers'
 * leases keep few). Each scan locks the rows it picks and skips rows another claimer has locked
 * (`SKIP LOCKED`), so concurrent workers split the due jobs and never wait on each other; the
 * oldest `limit` of the two are leased by the UPDATE in the same statement. Nothing reads or sorts
 * the whole backlog (one `OR` over both would: a seq scan and a sort of every due job).
 *
 * When both kinds of due job exist, up to `limit` extra rows stay locked until this statement
 * ends; another claimer skips them for that moment and takes the next ones.
 */
function claimStatement(tables: Tables): string {
  const oldestDue = (condition: string) => `
       SELECT tenant_id, id, run_at FROM ${tables.jobs}
       WHERE ${condition} AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
       ORDER BY run_at, tenant_id, id
       LIMIT $3
       FOR UPDATE SKIP LOCKED`;
  return `WITH pending AS (${oldestDue("status = 'pending' AND run_at <= $1::timestamptz")}
     ), expired AS (${oldestDue("status = 'running' AND locked_until <= $1::timestamptz")}
     ), due AS (
       SELECT tenant_id AS due_tenant_id, id AS due_id
       FROM (SELECT * FROM pending UNION ALL SELECT * FROM expired) AS either
       ORDER BY run_at, tenant_id, id
       LIMIT $3
     )
     UPDATE ${tables.jobs} AS job
     SET status = 'running', locked_by = $4,
         locked_until = $1::timestamptz + $5::double precision * interval '1 millisecond',
         attempts = job.attempts + 1, updated_at = $1::timestamptz
     FROM due WHERE job.tenant_id = due.due_tenant_id AND job.id = due.due_id
     RETURNING ${jobSelect}`;
}

/** Claims due jobs across tenants, oldest `run_at` first (see `claimStatement`). */
export async function claimJobs(
  runner: SqlRunner,
  tables: Tables,
  input: ClaimInput,
): Promise<OutboxJob[]> {
  if (input.limit <= 0) return [];
  const kinds = input.kinds === undefined ? null : [...input.kinds];
  const { rows } = await runner.query<OutboxJob>(claimStatement(tables), [
    input.now,
    kinds,
    input.limit,
    input.workerId,
    input.leaseMs,
  ]);
  // RETURNING has no order of its own.
  return rows.sort(
    (a, b) => compare(a.runAt, b.runAt) || compare(a.tenantId, b.tenantId) || compare(a.id, b.id),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Marks a held job done; false when `workerId` no longer holds it. */
export async function completeJob(
  runner: SqlRunner,
  tables: Tables,
  input: Parameters<InvoiceStore["completeJob"]>[0],
): Promise<boolean> {
  const { rowCount } = await runner.query(
    `UPDATE ${tables.jobs}
     SET status = 'done', locked_by = NULL, locked_until = NULL, updated_at = $4::timestamptz
     WHERE tenant_id = $1 AND id = $2 AND status = 'running' AND locked_by = $3`,
    [input.tenantId, input.id, input.workerId, input.now],
  );
  return rowCount === 1;
}

/** Records a failed run of a held job: pending again at `retryAt`, or dead. */
export async function failJob(
  runner: SqlRunner,
  tables: Tables,
  input: Parameters<InvoiceStore["failJob"]>[0],
): Promise<boolean> {
  const { rowCount } = await runner.query(
    `UPDATE ${tables.jobs}
     SET status = CASE WHEN $5::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
         run_at = coalesce($5::timestamptz, run_at),
         state = coalesce($6::jsonb, state),
         last_error = $7, locked_by = NULL, locked_until = NULL, updated_at = $4::timestamptz
     WHERE tenant_id = $1 AND id = $2 AND status = 'running' AND locked_by = $3`,
    [
      input.tenantId,
      input.id,
      input.workerId,
      input.now,
      input.retryAt,
      json(input.state),
      input.error,
    ],
  );
  return rowCount === 1;
}
