import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createOutboxWorker, createRemit, type RemitEvent } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createEventsWebhookHandler } from "../src/events/create-events-webhook-handler";
import {
  eventSignatureHeader,
  signEventPayload,
  verifyEventSignature,
} from "../src/events/sign-event-payload";

const secret = "whsec_test_0123456789abcdef";
type Delivery = { headers: IncomingHttpHeaders; body: string };

/** A receiving app on 127.0.0.1 that answers each delivery with the next status in `statuses`. */
async function startReceiver(statuses: number[]) {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = statuses.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/remit-events`, deliveries, server };
}

/** Remit on the memory store with a clock the test moves, and the webhook handler registered. */
function remitWithWebhook(url: string) {
  let now = Date.parse("2026-03-02T15:00:00.000Z");
  const remit = createRemit({
    store: createMemoryStore(),
    clock: { specificationVersion: "v1", now: () => new Date(now).toISOString() },
  });
  remit.events.on(
    "*",
    createEventsWebhookHandler({
      url,
      secret,
      now: () => Math.floor(now / 1000),
      allowPrivateAddresses: true, // the receiver is on 127.0.0.1
    }),
    { name: "events-webhook" },
  );
  return {
    remit,
    advance: (ms: number) => {
      now += ms;
    },
    nowSeconds: () => Math.floor(now / 1000),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(() => {
  receiver?.server.close();
  receiver = undefined;
});

describe("events webhook", () => {
  it("deliver - posts each event signed, and a failed delivery is retried by the outbox worker", async () => {
    receiver = await startReceiver([503]); // the first delivery fails, the rest succeed
    const { remit, advance, nowSeconds } = remitWithWebhook(receiver.url);
    const worker = createOutboxWorker({ remit });
    const ctx = { tenantId: "acme", actor: { type: "user", id: "u_1" } } as const;
    const { invoice } = await remit.invoices.create(ctx, {
      lines: [{ quantity: "1", unitPrice: "100.00" }],
    });
    await remit.invoices.update(ctx, { id: invoice.id, expectedVersion: 1, memo: "Gate code 42" });

    expect(await worker.runOnce()).toMatchObject({ completed: 1, retried: 1, dead: 0 });
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 }); // the retry waits for its backoff
    advance(6_000);
    expect(await worker.runOnce()).toMatchObject({ completed: 1, retried: 0 });

    expect(receiver.deliveries).toHaveLength(3);
    for (const delivery of receiver.deliveries) {
      const header = delivery.headers[eventSignatureHeader] as string;
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      verifyEventSignature({ body: delivery.body, header, secrets: [secret], now: nowSeconds() });
      const event = JSON.parse(delivery.body) as RemitEvent;
      expect(delivery.headers["remit-event-id"]).toBe(event.id);
      expect(delivery.headers["remit-event-type"]).toBe(event.type);
      expect(delivery.headers["content-type"]).toBe("application/json");
    }
    const delivered = receiver.deliveries.map(
      (delivery) => JSON.parse(delivery.body) as RemitEvent,
    );
    // The failed event came again: the receiver deduplicates by id.
    expect(new Set(delivered.map((event) => event.type))).toEqual(
      new Set(["invoice.created", "invoice.updated"]),
    );
    expect(new Set(delivered.map((event) => event.id)).size).toBe(2);
    expect(delivered.find((event) => event.type === "invoice.updated")?.data).toMatchObject({
      status: "pending_action",
      total: "100.00",
    });
  });

  it("deliver - an endpoint that keeps failing gets its event marked dead after the last try", async () => {
    receiver = await startReceiver([500, 500]);
    const { remit, advance } = remitWithWebhook(receiver.url);
    const dead: string[] = [];
    const worker = createOutboxWorker({
      remit,
      maxAttempts: 2,
      onDead: (_job, error) => dead.push(error),
    });
    await remit.invoices.create(
      { tenantId: "acme", actor: { type: "user", id: "u_1" } },
      { lines: [{ quantity: "1", unitPrice: "5.00" }] },
    );
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ dead: 1 });
    expect(dead[0]).toMatch(/events-webhook: events webhook .* answered 500/);
    expect(receiver.deliveries).toHaveLength(2);
  });

  it("signature - refuses a changed body, another secret, a stale timestamp and a bad header", () => {
    const body = JSON.stringify({ id: "evt_1", type: "invoice.paid" });
    const timestamp = 1_772_463_600;
    const header = signEventPayload({ body, secret, timestamp });
    const verify = (overrides: Partial<Parameters<typeof verifyEventSignature>[0]>) => () =>
      verifyEventSignature({ body, header, secrets: [secret], now: timestamp + 10, ...overrides });

    expect(verify({})).not.toThrow();
    expect(verify({ secrets: ["whsec_old_rotated_secret", secret] })).not.toThrow();
    expect(verify({ body: body.replace("paid", "cancelled") })).toThrow(/does not match/);
    expect(verify({ secrets: ["whsec_someone_elses_secret"] })).toThrow(/does not match/);
    expect(verify({ now: timestamp + 301 })).toThrow(/tolerance/);
    expect(verify({ header: "v1=abc" })).toThrow(/malformed/);
    expect(verify({ header: undefined })).toThrow(
      expect.objectContaining({ code: "invalid_signature" }),
    );
  });

  it("options - refuses a URL that is not http(s) and a short secret", () => {
    expect(() => createEventsWebhookHandler({ url: "ftp://127.0.0.1/x", secret })).toThrow(
      expect.objectContaining({ code: "validation_error", path: "url" }),
    );
    expect(() =>
      createEventsWebhookHandler({ url: "http://127.0.0.1/x", secret: "short" }),
    ).toThrow(/16 characters/);
  });
});
