import type { PaymentIntentShape } from "./webhook-objects";

/** What of a webhook's scope the memory needs (not the scope's type: that module imports this one). */
type MemoryScope = { config: object; remit: object; event: { account?: string | null } };

/**
 * A map that forgets its oldest entries past `limit`, so a long-running process holds a bounded
 * amount whatever the event volume.
 */
class BoundedMap<Value> {
  private readonly entries = new Map<string, Value>();

  constructor(private readonly limit: number) {}

  get(key: string): Value | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** A Stripe refund Remit has settled: resolved (one Remit requested) or recorded (a dashboard one). */
export type SettledRefund = {
  invoiceId: string;
  /** The Remit refund it resolved, or `null` for one recorded from the dashboard. */
  remitRefundId: string | null;
  /** What the Remit refund it resolved came to (a recorded dashboard refund: `succeeded`). */
  status: "succeeded" | "failed";
};

/**
 * What this process has learnt for good from the events it handled, per connected account, so a
 * redelivered event (Stripe sends each at least once, and Remit's own payment and refund show up in
 * several events) is answered without reading the store or calling Stripe again. Only facts that
 * cannot change are kept: a succeeded PaymentIntent, a payment Remit recorded, a refund Remit
 * settled (records are never deleted). Each is kept once it was committed, under the account the
 * event came from, so a hit skips nothing an event from another account would be checked for.
 * Another process simply does not know them yet and reads the store, as before.
 */
export type WebhookMemory = {
  /** Succeeded PaymentIntents: their amount and metadata are final. */
  intents: BoundedMap<PaymentIntentShape>;
  /** PaymentIntents whose payment Remit recorded: `tenantId/invoiceId`. */
  payments: BoundedMap<string>;
  /** Stripe refunds Remit settled. */
  refunds: BoundedMap<SettledRefund>;
  /**
   * Accounts this process saw deauthorized. Their events skip the memory above, so they reach the
   * tenant's state and answer `unmatched` ("account disconnected") rather than `duplicate`.
   */
  disconnected: BoundedMap<true>;
};

// Ids are small: many of them. A PaymentIntent is kept whole (a few kB): the events that need it
// (its refunds and disputes) come soon after one another, so fewer will do.
const idLimit = 10_000;
const intentLimit = 1_000;

// Per provider and per Remit (its store): two Remits on one provider must not share what they know.
const memories = new WeakMap<object, WeakMap<object, WebhookMemory>>();

/** The memory of the provider and Remit handling `scope`'s event. */
export function memoryOf(scope: MemoryScope): WebhookMemory {
  let byRemit = memories.get(scope.config);
  if (!byRemit) {
    byRemit = new WeakMap();
    memories.set(scope.config, byRemit);
  }
  let memory = byRemit.get(scope.remit);
  if (!memory) {
    memory = {
      intents: new BoundedMap(intentLimit),
      payments: new BoundedMap(idLimit),
      refunds: new BoundedMap(idLimit),
      disconnected: new BoundedMap(idLimit),
    };
    byRemit.set(scope.remit, memory);
  }
  return memory;
}

/**
 * What this process remembers of the event's account: nothing for an account it saw deauthorized
 * (another process learns it from the tenant's state, which it reads on a miss).
 */
export function recallFor(scope: MemoryScope): WebhookMemory | undefined {
  const memory = memoryOf(scope);
  return memory.disconnected.get(scope.event.account ?? "") ? undefined : memory;
}

/** Marks the event's account deauthorized in this process's memory. */
export function rememberDisconnected(scope: MemoryScope): void {
  if (scope.event.account) memoryOf(scope).disconnected.set(scope.event.account, true);
}

/** The key of a Stripe object on the event's account (ids are unique per account). */
export function accountKey(scope: MemoryScope, id: string): string {
  return `${scope.event.account ?? ""}/${id}`;
}

/** Keeps a PaymentIntent read from Stripe if it succeeded. */
export function rememberIntent(scope: MemoryScope, intent: PaymentIntentShape): void {
  if (intent.status === "succeeded")
    memoryOf(scope).intents.set(accountKey(scope, intent.id), intent);
}

/** The memory's value for a PaymentIntent's recorded payment. */
export function paymentPlace(tenantId: string | undefined, invoiceId: string): string {
  return `${tenantId ?? ""}/${invoiceId}`;
}
