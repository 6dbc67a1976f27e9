import type { Page } from "@remit/core";
import {
  assertSameTenant,
  insertInto,
  listNewestFirst,
  type Scope,
  updateVersioned,
} from "../sql-helpers";

/**
 * The columns written from a record, all but the key (`tenant_id`, `id`), each with its value. One
 * object rather than a list of names and a list of values that would have to agree in order; the
 * SQL names the columns in the order the object lists them.
 */
export type ColumnValues = Readonly<Record<string, unknown>>;

/** How one kind of versioned record (quote, work order, …) maps onto its table. */
export type VersionedRecordTable<T> = {
  /** The qualified table name, from `scope.tables`. */
  readonly table: string;
  /** The SELECT list that reads a row back as the record. */
  readonly select: string;
  readonly row: (record: T) => ColumnValues;
  /** The record's name in a foreign-tenant `ValidationError` ("work order"). */
  readonly resource: string;
};

/** The filter that work orders and quotes share, and invoices extend. */
export type StatusAndCustomerFilter = {
  readonly status?: readonly string[];
  readonly customerId?: string;
};

/**
 * The reads and optimistic writes that every versioned record has in common, so that each record's
 * queries file holds only its columns and its own lists.
 */
export function createVersionedRecordQueries<T extends { id: string; tenantId: string }>(
  scope: Scope,
  { table, select, row, resource }: VersionedRecordTable<T>,
) {
  const { runner, tenantId } = scope;

  return {
    /** The record, or `undefined`; `forUpdate` holds the row until the transaction ends. */
    async get({ id, forUpdate }: { id: string; forUpdate?: boolean }): Promise<T | undefined> {
      const lock = forUpdate ? " FOR UPDATE" : "";
      const { rows } = await runner.query<T>(
        `SELECT ${select} FROM ${table} WHERE tenant_id = $1 AND id = $2${lock}`,
        [tenantId, id],
      );
      return rows[0];
    },

    async insert({ record }: { record: T }): Promise<void> {
      assertSameTenant(scope, record, resource);
      const columns = row(record);
      await runner.query(insertInto(table, ["tenant_id", "id", ...Object.keys(columns)]), [
        tenantId,
        record.id,
        ...Object.values(columns),
      ]);
    },

    /** Throws `ConcurrencyError` (with the stored version) unless it is `expectedVersion`. */
    async update({
      record,
      expectedVersion,
    }: {
      record: T;
      expectedVersion: number;
    }): Promise<void> {
      assertSameTenant(scope, record, resource);
      const columns = row(record);
      await updateVersioned(
        scope,
        table,
        Object.keys(columns),
        Object.values(columns),
        record.id,
        expectedVersion,
      );
    },

    /** Newest first by id, narrowed by any of the statuses and by the customer. */
    async listByStatusAndCustomer(input: {
      filter: StatusAndCustomerFilter;
      limit: number;
      cursor?: string | undefined;
    }): Promise<Page<T>> {
      const params: unknown[] = [];
      const conditions = customerConditions(input.filter, params);
      return await listNewestFirst<T>(
        scope,
        select,
        table,
        conditions,
        params,
        { limit: input.limit, cursor: input.cursor },
        input.filter.status,
      );
    },
  };
}

/**
 * The WHERE condition of a customer filter, appending its value to `params`, whose placeholders
 * are numbered from `$2` on: `$1` is the tenant. The statuses go to `listNewestFirst`, which reads
 * each one's index range.
 */
export function customerConditions(filter: StatusAndCustomerFilter, params: unknown[]): string[] {
  if (filter.customerId === undefined) return [];
  params.push(filter.customerId);
  return [`customer_id = $${params.length + 1}`];
}
