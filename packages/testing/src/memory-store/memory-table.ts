/**
 * Rows grouped by a key (a tenant, or a tenant and an invoice), whose writes can be undone: each
 * memory-store transaction keeps an undo log, so a transaction that throws leaves every table as
 * it was. Rows are cloned on the way in and out, as a database would copy them.
 */
export class MemoryTable<T> {
  readonly groups = new Map<string, Map<string, T>>();

  get(group: string, id: string): T | undefined {
    const row = this.groups.get(group)?.get(id);
    return row === undefined ? undefined : structuredClone(row);
  }

  has(group: string, id: string): boolean {
    return this.groups.get(group)?.has(id) ?? false;
  }

  set(group: string, id: string, value: T, undo: (() => void)[]): void {
    let rows = this.groups.get(group);
    if (!rows) {
      rows = new Map();
      this.groups.set(group, rows);
    }
    const target = rows;
    const had = target.has(id);
    const previous = target.get(id);
    target.set(id, structuredClone(value));
    undo.push(() => {
      if (had) target.set(id, previous as T);
      else target.delete(id);
    });
  }

  /** A group's rows, cloned, in insertion order. */
  list(group: string): T[] {
    return Array.from(this.groups.get(group)?.values() ?? [], (row) => structuredClone(row));
  }

  /** Every row of every group, uncloned: for the store's own scans (outbox claims). */
  *all(): Iterable<T> {
    for (const rows of this.groups.values()) yield* rows.values();
  }
}

/** A group key of parts, with a separator no id contains. */
export function groupKey(...parts: string[]): string {
  return parts.join("\u0000");
}
