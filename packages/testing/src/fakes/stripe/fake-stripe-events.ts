import type Stripe from "stripe";
import { buildEvent } from "./build-stripe-objects";
import type { FakeStripeState } from "./fake-stripe-state";

let eventSequence = 0;

/**
 * Queues in `state.outbox` the event Stripe would send for `object` (a snapshot of it as it is
 * now, as Stripe's events are), and returns it.
 */
export function emitEvent(
  state: FakeStripeState,
  type: Stripe.Event["type"],
  object: { object: string },
  account: string | null,
): Stripe.Event {
  eventSequence += 1;
  const event = buildEvent({
    id: `evt_fake${String(eventSequence).padStart(6, "0")}`,
    type,
    created: state.now,
    account,
    object: structuredClone(object),
  });
  state.outbox.push(event);
  return event;
}
