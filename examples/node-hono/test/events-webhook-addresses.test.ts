import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RemitEvent } from "@remit/core";
import { afterEach, describe, expect, it } from "vitest";
import { createEventsWebhookHandler } from "../src/events/create-events-webhook-handler";
import { isPrivateAddress } from "../src/events/refuse-private-addresses";

const secret = "whsec_test_0123456789abcdef";
const event = { id: "evt_1", type: "invoice.issued" } as RemitEvent;
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function receiver() {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits++;
    response.statusCode = 204;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => server.close());
  return { port: (server.address() as AddressInfo).port, hits: () => hits };
}

describe("events webhook - addresses", () => {
  it("addresses - loopback, private, link-local, CGNAT, unique-local and mapped addresses are private; public ones are not", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700::1111"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("addresses - a private host is refused before anything is sent, by literal or by name; allowed when configured", async () => {
    const { port, hits } = await receiver();
    for (const url of [`http://127.0.0.1:${port}/hook`, `http://localhost:${port}/hook`]) {
      const handler = createEventsWebhookHandler({ url, secret });
      await expect(handler(event)).rejects.toThrow(/private, loopback or link-local/);
    }
    let fetched = 0;
    const withFetch = createEventsWebhookHandler({
      url: `http://[::1]:${port}/hook`,
      secret,
      fetch: (async () => {
        fetched++;
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    });
    await expect(withFetch(event)).rejects.toThrow(/private/);
    expect(fetched).toBe(0);
    expect(hits()).toBe(0);
    const allowed = createEventsWebhookHandler({
      url: `http://127.0.0.1:${port}/hook`,
      secret,
      allowPrivateAddresses: true,
    });
    await allowed(event);
    expect(hits()).toBe(1);
  });
});
