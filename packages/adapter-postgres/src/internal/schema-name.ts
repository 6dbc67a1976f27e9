/** The schema Remit's tables live in unless told otherwise: apart from the host app's own tables. */
export const defaultSchema = "remit";

/**
 * Checks a schema name and quotes it for SQL. Only plain lower-case identifiers are accepted, so
 * the name can be pasted into statements (identifiers cannot be bind parameters).
 */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError(
      `Invalid schema "${schema}": use lower-case letters, digits and underscores (at most 63), starting with a letter or underscore`,
    );
  }
  return `"${schema}"`;
}
