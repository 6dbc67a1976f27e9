/**
 * JSON with object keys sorted at every depth, so equal values give equal strings whatever order
 * their keys were written in. `undefined` properties are left out and `undefined` elsewhere is
 * `null`, as `JSON.stringify` does. For fingerprints and idempotency keys; not for display.
 *
 * @example
 * ```ts
 * import { stableStringify } from "@remit/core";
 *
 * stableStringify({ b: 1, a: [2, { d: undefined, c: 3 }] }); // '{"a":[2,{"c":3}],"b":1}'
 * ```
 * @group Validation
 */
export function stableStringify(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableStringify(entry)}`).join(",")}}`;
}
