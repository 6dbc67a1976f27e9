function stableStringify(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableStringify(entry)}`).join(",")}}`;
}

/**
 * A SHA-256 of a move's name and arguments, independent of key order: the same request gives
 * the same fingerprint, so a repeated idempotency key can tell a retry from a different request.
 */
export async function fingerprint(move: string, args: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${move}:${stableStringify(args)}`);
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return `${move}:${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}
