import type { FakeStripeState } from "./fake-stripe-state";

/** An answer saved for an idempotency key. */
export type SavedStripeAnswer = {
  status: number;
  /** The body exactly as it was first sent: a replay sends the same bytes. */
  body: string;
  /** The `Request-Id` of the request that ran, sent back as `Original-Request`. */
  requestId: string;
};

/** What an idempotency key says about a new request. */
export type IdempotencyLookup =
  | { kind: "new" }
  | { kind: "replay"; answer: SavedStripeAnswer }
  | { kind: "mismatch" };

/** Stripe prunes idempotency keys once they are at least 24 hours old. */
const keyLifetimeSeconds = 24 * 3600;

/**
 * Stripe's idempotency layer for API v1, as its API reference describes it: the status code and
 * body of the first request made with a key are saved once the endpoint starts executing, errors
 * included; a repeat with the same parameters gets them back, other parameters are refused. Keys
 * are scoped to the account the request acts on and pruned after 24 hours of the fake's clock.
 */
export function createIdempotencyLayer(state: FakeStripeState) {
  const saved = new Map<string, SavedStripeAnswer & { fingerprint: string; savedAt: number }>();
  const scoped = (account: string | null, key: string) => `${account ?? ""}|${key}`;

  return {
    lookup(account: string | null, key: string, fingerprint: string): IdempotencyLookup {
      const entry = saved.get(scoped(account, key));
      if (!entry) return { kind: "new" };
      if (state.now - entry.savedAt >= keyLifetimeSeconds) {
        saved.delete(scoped(account, key));
        return { kind: "new" };
      }
      if (entry.fingerprint !== fingerprint) return { kind: "mismatch" };
      return { kind: "replay", answer: entry };
    },
    save(account: string | null, key: string, fingerprint: string, answer: SavedStripeAnswer) {
      saved.set(scoped(account, key), { ...answer, fingerprint, savedAt: state.now });
    },
  };
}
