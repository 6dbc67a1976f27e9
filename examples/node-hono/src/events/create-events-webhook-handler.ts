import { type EventHandler, ValidationError } from "@remit/core";
import { z } from "zod";
import { postToPublicHost } from "./post-to-public-host";
import { assertPublicHost } from "./refuse-private-addresses";
import { eventSignatureHeader, signEventPayload } from "./sign-event-payload";

const optionsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(16, "must be at least 16 characters"),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  allowPrivateAddresses: z.boolean().default(false),
});

export type EventsWebhookOptions = z.input<typeof optionsSchema> & {
  /**
   * Sends the request instead of node's http(s). The host is still checked first unless
   * `allowPrivateAddresses`, but the check and the connection are then two lookups.
   */
  fetch?: typeof fetch;
  /** Unix seconds for the signature. Default the system clock. */
  now?: () => number;
};

/**
 * The host app's side of Remit's events: a handler for `remit.events.on("*", …)` that POSTs each
 * event as JSON to `url`, signed (see `signEventPayload`), with `remit-event-id` and
 * `remit-event-type` headers. Anything but a 2xx answer throws, and a thrown error is a retry: the
 * outbox worker tries again with backoff (10 tries by default), then marks the event dead for this
 * handler. Deliveries are at least once; receivers deduplicate by `remit-event-id`.
 *
 * The URL must lead to a public address: a host that is, or resolves to, a loopback, private or
 * link-local address (the cloud's metadata service at 169.254.169.254) is refused before anything
 * is sent, and the connection uses the address that was checked. `allowPrivateAddresses: true`
 * lifts this, for a receiver on the same machine or network.
 */
export function createEventsWebhookHandler(options: EventsWebhookOptions): EventHandler {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ValidationError({
      cause: parsed.error,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      })),
    });
  }
  const { url, secret, timeoutMs, allowPrivateAddresses } = parsed.data;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return async (event) => {
    const body = JSON.stringify(event);
    const headers = {
      "content-type": "application/json",
      "user-agent": "remit-example-events/0.1",
      "remit-event-id": event.id,
      "remit-event-type": event.type,
      [eventSignatureHeader]: signEventPayload({ body, secret, timestamp: now() }),
    };
    let status: number;
    if (options.fetch || allowPrivateAddresses) {
      if (!allowPrivateAddresses) await assertPublicHost(url);
      const response = await (options.fetch ?? fetch)(url, {
        method: "POST",
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers,
      });
      await response.body?.cancel();
      status = response.status;
    } else {
      status = await postToPublicHost(url, { body, headers, timeoutMs });
    }
    if (status < 200 || status > 299) {
      throw new Error(`events webhook ${url} answered ${status} for ${event.id}`);
    }
  };
}
