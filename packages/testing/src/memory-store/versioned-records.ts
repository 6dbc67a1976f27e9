import { ConcurrencyError, type Page, ValidationError } from "@remit/core";
import type { MemoryTable } from "./memory-table";

/** Rows the memory store keeps with a version and lists newest first. */
type VersionedRow = { id: string; tenantId: string; version: number };

/** Cursors are the base64 of the last id of a page, as in the SQL store. */
export const encodeCursor = (id: string) => btoa(id);
/** The id inside a cursor; a cursor no page returned is refused, as the SQL store refuses it. */
export const decodeCursor = (cursor: string) => {
  try {
    return atob(cursor);
  } catch (error) {
    throw new ValidationError({
      issues: [{ path: "cursor", message: "is not a cursor from a previous page" }],
      cause: error,
    });
  }
};

/** Orders rows by id, as the SQL store's `ORDER BY id` (byte order, JavaScript's `<` on ids). */
export const byId = (a: { id: string }, b: { id: string }) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A page of rows newest first by id, after the cursor's id (ids sort by creation time). */
export function pageNewestFirst<T extends { id: string }>(
  rows: T[],
  limit: number,
  cursor: string | undefined,
): Page<T> {
  const before = cursor ? decodeCursor(cursor) : undefined;
  const sorted = rows
    .filter((row) => before === undefined || row.id < before)
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  const items = sorted.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: sorted.length > limit && last ? encodeCursor(last.id) : null };
}

/**
 * get / insert / update / list of one kind of versioned record in one tenant: what the store
 * port asks of work orders, quotes and customers alike. `update` writes only over the expected
 * version, as the SQL store's `WHERE version = $expected` does.
 */
export function versionedRecords<T extends VersionedRow>(options: {
  table: MemoryTable<T>;
  tenantId: string;
  resource: string;
  own: (record: T) => T;
  undo: (() => void)[];
}) {
  const { table, tenantId, resource, own, undo } = options;
  return {
    get: async ({ id }: { id: string; forUpdate?: boolean }) => table.get(tenantId, id),
    insert: async ({ record }: { record: T }) => {
      if (table.has(tenantId, record.id))
        throw new Error(`${resource} ${record.id} already exists`);
      table.set(tenantId, record.id, own(record), undo);
    },
    update: async ({ record, expectedVersion }: { record: T; expectedVersion: number }) => {
      const current = table.get(tenantId, record.id);
      if (!current || current.version !== expectedVersion) {
        throw new ConcurrencyError({ expectedVersion, actualVersion: current?.version ?? 0 });
      }
      table.set(tenantId, record.id, own(record), undo);
    },
    /** Newest first, keeping the rows `keep` accepts. */
    list: async (keep: (row: T) => boolean, limit: number, cursor: string | undefined) =>
      pageNewestFirst(table.list(tenantId).filter(keep), limit, cursor),
  };
}

/** The list filter work orders and quotes share: any of some statuses, one customer. */
export function byStatusAndCustomer<
  Row extends { status: string; customer: { id: string } },
>(filter: { status?: readonly string[] | undefined; customerId?: string | undefined }) {
  return (row: Row) =>
    (!filter.status || filter.status.includes(row.status)) &&
    (!filter.customerId || row.customer.id === filter.customerId);
}
