import { stableStringify } from "../stable-stringify";

/**
 * A SHA-256 of a move's name and arguments, independent of key order: the same request gives
 * the same fingerprint, so a repeated idempotency key can tell a retry from a different request.
 */
export async function fingerprint(move: string, args: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${move}:${stableStringify(args)}`);
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return `${move}:${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}
