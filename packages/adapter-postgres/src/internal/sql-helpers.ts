import { ConcurrencyError, type Page, ValidationError } from "@remit/core";
import { decodeCursor, encodeCursor } from "./cursor";
import type { SqlRunner } from "./sql-client";

/** Qualified table names for one schema. */
export type Tables = ReturnType<typeof createTables>;

export function createTables(schema: string) {
  return {
    tenants: `${schema}.tenants`,
    customers: `${schema}.customers`,
    invoices: `${schema}.invoices`,
    workOrders: `${schema}.work_orders`,
    quotes: `${schema}.quotes`,
    revisions: `${schema}.invoice_revisions`,
    sequences: `${schema}.sequences`,
    payments: `${schema}.payments`,
    refunds: `${schema}.refunds`,
    creditNotes: `${schema}.credit_notes`,
    creditApplications: `${schema}.credit_applications`,
    deliveries: `${schema}.deliveries`,
    events: `${schema}.events`,
    eventPositions: `${schema}.event_positions`,
    jobs: `${schema}.outbox_jobs`,
    idempotency: `${schema}.idempotency_keys`,
    publicTokens: `${schema}.public_tokens`,
    paymentAccounts: `${schema}.payment_accounts`,
    plans: `${schema}.plans`,
    planOccurrences: `${schema}.plan_occurrences`,
  };
}

/** What every query of one transaction needs: where, for whom, and how. */
export type Scope = {
  readonly runner: SqlRunner;
  readonly tenantId: string;
  readonly tables: Tables;
  /**
   * Whether the tables are distributed by Citus. On one server a write and the rows that go with
   * it can be one statement (data-modifying CTEs); on Citus those are kept apart.
   */
  readonly distributed: boolean;
  /** Where a move's events are announced (`pg_notify`) as they are appended; none when unset. */
  readonly notifyChannel?: string;
};

/**
 * A `timestamptz` read back as the UTC ISO 8601 string Remit's Clock writes
 * (`2026-11-25T13:04:58.000Z`), the same from `pg` and PGlite whatever their type parsers.
 */
export function isoColumn(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A `date` read back as `YYYY-MM-DD` (never a JavaScript Date in the server's time zone). */
export function dateColumn(column: string): string {
  return `to_char(${column}, 'YYYY-MM-DD')`;
}

/** A value for a `jsonb` parameter: JSON text, or SQL NULL for null/undefined. */
export function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** `INSERT INTO table (a, b) VALUES ($1, $2)` for the given columns. */
export function insertInto(table: string, columns: readonly string[]): string {
  const placeholders = columns.map((_, index) => `$${index + 1}`).join(", ");
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders})`;
}

/** `a = $from, b = $from+1, …` for an UPDATE. */
export function assignments(columns: readonly string[], from: number): string {
  return columns.map((column, index) => `${column} = $${from + index}`).join(", ");
}

/**
 * A transaction writes its own tenant's rows only. A record stamped with another tenant is a bug
 * in the caller, refused before anything is written.
 */
export function assertSameTenant(scope: Scope, record: { tenantId: string }, what: string): void {
  if (record.tenantId !== scope.tenantId) {
    throw new ValidationError({
      issues: [
        {
          path: "tenantId",
          message: `the ${what} belongs to tenant "${record.tenantId}", but this transaction is for tenant "${scope.tenantId}"`,
        },
      ],
    });
  }
}

/** Separates the fields of a `search_text` column, so that a match cannot span two fields. */
const fieldSeparator = "\u001f";

/**
 * The `search_text` column of a row: its searchable fields, lower-cased here with JavaScript's
 * `toLowerCase` rather than SQL's `lower()`, whose result depends on the server's locale
 * (ASCII only in a C-locale database and in PGlite).
 */
export function searchText(fields: readonly (string | null | undefined)[]): string {
  return fields
    .map((field) => field ?? "")
    .join(fieldSeparator)
    .toLowerCase();
}

/** A LIKE pattern that finds `text` anywhere in a `search_text` column, case-insensitively. */
export function containsPattern(text: string): string {
  const needle = text.toLowerCase().replaceAll(fieldSeparator, "");
  return `%${needle.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The optimistic write of a versioned record: `UPDATE … WHERE tenant_id AND id AND version =
 * expectedVersion`. When no row matches, reads the stored version and throws `ConcurrencyError`;
 * a row that is not there, or is another tenant's, is at "version 0".
 *
 * With `previous`, returns that column's value from before the update, in the same statement: the
 * row joined to itself as the statement's snapshot saw it (on Citus a single-shard join, as both
 * sides name the tenant). With `alongside` too, the UPDATE becomes a CTE named `updated`, with
 * columns `previous` and `current` (the column's value before and after), and `alongside` is
 * another data-modifying CTE reading from it: a write that goes with the update costs no round
 * trip of its own (one server only: Citus runs CTEs one by one).
 */
export async function updateVersioned(
  scope: Scope,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
  id: string,
  expectedVersion: number,
  options: { previous?: string; alongside?: string } = {},
): Promise<unknown> {
  const { previous, alongside } = options;
  const update =
    previous === undefined
      ? `UPDATE ${table} SET ${assignments(columns, 4)} WHERE tenant_id = $1 AND id = $2 AND version = $3`
      : `UPDATE ${table} AS target SET ${assignments(columns, 4)}
         FROM ${table} AS stored
         WHERE target.tenant_id = $1 AND target.id = $2 AND target.version = $3
           AND stored.tenant_id = $1 AND stored.id = $2
         RETURNING stored.${previous} AS previous, target.${previous} AS current`;
  const updated = await scope.runner.query<{ previous: unknown }>(
    previous === undefined || alongside === undefined
      ? update
      : `WITH updated AS (${update}), alongside AS (${alongside}) SELECT previous FROM updated`,
    [scope.tenantId, id, expectedVersion, ...values],
  );
  if (updated.rowCount === 1) return updated.rows[0]?.previous;
  const { rows } = await scope.runner.query<{ version: number }>(
    `SELECT version FROM ${table} WHERE tenant_id = $1 AND id = $2`,
    [scope.tenantId, id],
  );
  throw new ConcurrencyError({ expectedVersion, actualVersion: rows[0]?.version ?? 0 });
}

/** A page from `limit + 1` rows: the first `limit`, and a cursor when there was one more. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

/**
 * Lists a table newest first by id: `tenant_id = $1`, the given conditions, any of `status` when
 * given, and the cursor. `conditions` may use `$2`… for `params`.
 *
 * Several statuses are read one index range each, `(tenant_id, status, id)` newest first, each
 * stopping after a page, and the pages merged: `status = ANY(…)` would either sort every match or
 * walk the tenant's invoices newest first past every other status (seconds for a tenant whose
 * newest hundred thousand are all of another status).
 */
export async function listNewestFirst<T extends { id: string }>(
  scope: Scope,
  select: string,
  table: string,
  conditions: string[],
  params: unknown[],
  page: { limit: number; cursor?: string | undefined },
  status?: readonly string[],
): Promise<Page<T>> {
  const all = [scope.tenantId, ...params];
  const where = ["tenant_id = $1", ...conditions];
  if (page.cursor !== undefined) {
    all.push(decodeCursor(page.cursor));
    where.push(`id < $${all.length}`);
  }
  const statuses = status === undefined ? undefined : [...new Set(status)];
  if (statuses?.length === 0) return { items: [], nextCursor: null };
  if (statuses?.length === 1) {
    all.push(statuses[0]);
    where.push(`status = $${all.length}`);
  }
  all.push(page.limit + 1);
  const limit = `$${all.length}`;
  if (statuses === undefined || statuses.length === 1) {
    const { rows } = await scope.runner.query<T>(
      `SELECT ${select} FROM ${table} WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT ${limit}`,
      all,
    );
    return toPage(rows, page.limit);
  }
  all.push(statuses);
  const { rows } = await scope.runner.query<T>(
    `SELECT picked.* FROM unnest($${all.length}::text[]) AS wanted(wanted_status)
     CROSS JOIN LATERAL (
       SELECT ${select} FROM ${table}
       WHERE ${where.join(" AND ")} AND status = wanted.wanted_status
       ORDER BY id DESC LIMIT ${limit}
     ) AS picked
     ORDER BY picked.id DESC LIMIT ${limit}`,
    all,
  );
  return toPage(rows, page.limit);
}
