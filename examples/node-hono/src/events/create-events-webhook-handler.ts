import { type EventHandler, ValidationError } from "@remit/core";
import { z } from "zod";
import { eventSignatureHeader, signEventPayload } from "./sign-event-payload";

const optionsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(16, "must be at least 16 characters"),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});

export type EventsWebhookOptions = z.input<typeof optionsSchema> & {
  /** Default `globalThis.fetch`. */
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
  const { url, secret, timeoutMs } = parsed.data;
  const send = options.fetch ?? fetch;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  return async (event) => {
    const body = JSON.stringify(event);
    const response = await send(url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "remit-example-events/0.1",
        "remit-event-id": event.id,
        "remit-event-type": event.type,
        [eventSignatureHeader]: signEventPayload({ body, secret, timestamp: now() }),
      },
    });
    await response.body?.cancel();
    if (!response.ok) {
      throw new Error(`events webhook ${url} answered ${response.status} for ${event.id}`);
    }
  };
}
