import { NotSupportedError } from "../../errors/not-supported-error";

/**
 * The collection a move needs that a store written before it may lack (optional in the port, so
 * older adapters keep working for every other move): refused with `NotSupportedError`
 * (`not_supported`) naming the collection, since no retry or other input can help; the adapter
 * must be upgraded. `since` is the version of the port that added it.
 */
export function requireCollection<T>(collection: T | undefined, name: string, since = "0.3.0"): T {
  if (collection === undefined)
    throw new NotSupportedError({ feature: `${name} (since ${since})` });
  return collection;
}
