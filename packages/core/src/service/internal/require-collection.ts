/**
 * The collection a move needs that a store written before it may lack (optional in the port, so
 * older adapters keep working for every other move): thrown as a plain error naming the
 * collection, since no retry or other input can help; the adapter must be upgraded.
 */
export function requireCollection<T>(collection: T | undefined, name: string): T {
  if (collection === undefined) {
    throw new TypeError(
      `This store does not implement ${name} (@since 0.3.0 of the store port); upgrade the storage adapter`,
    );
  }
  return collection;
}
