import { NotFoundError, ValidationError } from "@remit/core";
import type { MemoryStoreState } from "./memory-state";
import type { MemoryTable } from "./memory-table";

/** What every collection of one memory transaction works with. */
export type MemoryTransactionContext = {
  state: MemoryStoreState;
  /** The transaction's tenant. */
  t: string;
  /** Undo steps, run in reverse if the transaction throws. */
  undo: (() => void)[];
  /** The record, if it is stamped with this tenant; refused before anything is written, as in SQL. */
  own<T extends { tenantId: string }>(record: T): T;
  /** Throws NotFoundError unless the tenant has the row. */
  mustExist(table: MemoryTable<unknown>, resource: string, id: string): void;
  /** Files `id` under a parent (an invoice's payments, a subject's events). */
  indexAdd(parent: string, id: string): void;
  /** The tenant's rows of `table` filed under a parent, in filing order. */
  indexList<T>(table: MemoryTable<T>, parent: string): T[];
};

export function createMemoryTransactionContext(
  state: MemoryStoreState,
  t: string,
  undo: (() => void)[],
): MemoryTransactionContext {
  return {
    state,
    t,
    undo,
    own(record) {
      if (record.tenantId !== t) {
        throw new ValidationError({
          issues: [
            {
              path: "tenantId",
              message: `the record belongs to tenant "${record.tenantId}", not "${t}"`,
            },
          ],
        });
      }
      return record;
    },
    mustExist(table, resource, id) {
      if (!table.has(t, id)) throw new NotFoundError({ resource, id });
    },
    indexAdd(parent, id) {
      state.index.set(parent, id, true, undo);
    },
    indexList(table, parent) {
      return [...(state.index.groups.get(parent)?.keys() ?? [])]
        .map((id) => table.get(t, id))
        .filter((row) => row !== undefined);
    },
  };
}
