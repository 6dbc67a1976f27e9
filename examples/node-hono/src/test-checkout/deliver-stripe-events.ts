import { signStripeWebhook } from "@remit/testing/fake-stripe";
import type Stripe from "stripe";

/**
 * Delivers events as Stripe does: each one's JSON body signed with the endpoint's secret
 * (`signStripeWebhook`, the SDK's own signing) and POSTed to the endpoint, oldest first, so the
 * app records them through its real, verified webhook. Throws on the first one refused.
 */
export async function deliverStripeEvents(
  events: readonly Stripe.Event[],
  endpoint: { url: string; secret: string },
): Promise<void> {
  for (const event of events) {
    const { rawBody, signature } = signStripeWebhook(event, { secret: endpoint.secret });
    const response = await fetch(endpoint.url, {
      method: "POST",
      body: rawBody,
      headers: { "content-type": "application/json", "stripe-signature": signature },
    });
    if (!response.ok) {
      throw new Error(
        `POST ${endpoint.url} answered ${response.status} to ${event.type} (${event.id}): ${await response.text()}`,
      );
    }
  }
}
