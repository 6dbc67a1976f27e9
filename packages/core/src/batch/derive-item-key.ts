/**
 * The idempotency key of one item of a batch: a SHA-256 of the batch key, the move and the item's
 * id. Hashed (not joined) so that any batch key (up to 255 characters) and any id (up to 64) give
 * a key within the 255-character limit, and so that two batches' keys never collide by accident
 * of concatenation. The same batch key always gives the same item keys: a retried batch replays
 * each item it already did instead of doing it twice.
 * @group Service
 */
export async function deriveItemKey(batchKey: string, move: string, id: string): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([batchKey, move, id]));
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return `batch_${Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}
