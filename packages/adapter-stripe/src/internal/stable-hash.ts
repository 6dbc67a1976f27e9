import { stableStringify } from "@remit/core";

/**
 * A short, stable hash of request parameters (FNV-1a, 64 bits) for idempotency keys: the same
 * parameters give the same key, other parameters another. Not a security measure.
 */
export function stableHash(value: unknown): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(stableStringify(value))) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36);
}
