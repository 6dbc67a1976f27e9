import { request } from "node:http";
import { connect } from "node:net";
import { createRemit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { startServer } from "../src/start-server";

const demoCtx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_test" } };

/** One request over a real socket, from `localAddress`, with the headers as given (Host too). */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; localAddress?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const outgoing = request(url, { ...options, agent: false }, (incoming) => {
        let body = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk) => {
          body += chunk;
        });
        incoming.on("end", () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
        );
      });
      outgoing.on("error", reject);
      outgoing.end();
    },
  );
}

describe("the example's defenses (app)", () => {
  const remit = createRemit({ store: createMemoryStore() });
  const app = createApp(remit, { identity: { testHeaders: "demo" } });
  const form = (headers: Record<string, string>) => ({
    method: "POST",
    body: new URLSearchParams({ name: "Mallory" }),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });

  it("csrf - a back-office form posted from another site is 403 and changes nothing; the same origin's works", async () => {
    await remit.tenants.upsert({ ...demoCtx, tenantId: "demo" }, { name: "Demo", currency: "USD" });
    const before = await remit.tenants.get({ ...demoCtx, tenantId: "demo" });
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
    ]) {
      const response = await app.request("http://localhost/work-orders", form(headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    const json = await app.request("http://localhost/api/customers", {
      method: "POST",
      body: JSON.stringify({ name: "Mallory" }),
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(json.status).toBe(403);
    expect((await remit.customers.list({ ...demoCtx, tenantId: "demo" })).items).toHaveLength(0);
    expect(await remit.tenants.get({ ...demoCtx, tenantId: "demo" })).toEqual(before);

    const same = await app.request("http://localhost/api/customers", {
      method: "POST",
      body: JSON.stringify({ name: "Dana" }),
      headers: {
        "content-type": "application/json",
        origin: "http://localhost",
        "sec-fetch-site": "same-origin",
      },
    });
    expect(same.status).toBe(201);
  });

  it("hosts - a request for another host name (DNS rebinding) is 421, back office and API alike", async () => {
    for (const path of ["/", "/work-orders", "/api/invoices", "/settings/payments"]) {
      const response = await app.request(`http://rebound.attacker.example:3000${path}`);
      expect(response.status, path).toBe(421);
    }
    expect((await app.request("http://localhost/work-orders")).status).toBe(200);
    expect((await app.request("http://127.0.0.1:3000/work-orders")).status).toBe(200);
  });

  it("headers - back-office pages carry a strict CSP (styles by hash), no framing, nosniff and a referrer policy", async () => {
    for (const path of ["/", "/work-orders", "/settings/payments"]) {
      const response = await app.request(`http://localhost${path}`, {
        headers: { accept: "text/html" },
      });
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self' https://connect.stripe.com");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      // No inline style attribute: the CSP would block it.
      expect(await response.text()).not.toMatch(/ style="/);
    }
  });
});

describe("the example's Node server limits", () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer({
      store: createMemoryStore(),
      port: 0,
      tenantId: "demo-plumbing",
      testHeaderIdentity: true,
      log: () => {},
      http: { requestTimeoutMs: 5_000, headersTimeoutMs: 1_000, maxConnections: 3 },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("limits - the request and header timeouts and the connection cap are set on the Node server", () => {
    expect(server.httpServer.requestTimeout).toBe(5_000);
    expect(server.httpServer.headersTimeout).toBe(1_000);
    expect(server.httpServer.maxConnections).toBe(3);
  });

  it("limits - a client that never finishes its headers is answered 408 and closed", async () => {
    const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
    socket.write("GET /work-orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // never the blank line
    let answer = "";
    socket.on("data", (chunk) => {
      answer += String(chunk);
    });
    // Waits for the server to close it, however long the machine takes to get there.
    await new Promise((resolve) => socket.on("close", resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("limits - connections past maxConnections are closed at once", async () => {
    const port = Number(new URL(server.url).port);
    const open = async () => {
      const socket = connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.on("connect", resolve));
      return socket;
    };
    // Three kept open, each answered once so the server has surely accepted it.
    const kept = await Promise.all([open(), open(), open()]);
    for (const socket of kept) {
      const answered = new Promise((resolve) => socket.once("data", resolve));
      socket.write("GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      await answered;
    }
    const extra = await open();
    let answered = false;
    extra.on("data", () => {
      answered = true;
    });
    extra.write("GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await new Promise((resolve) => extra.on("close", resolve));
    expect(answered).toBe(false);
    for (const socket of kept) socket.destroy();
  });
});

describe("the example's defenses (a real server)", () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer({
      store: createMemoryStore(),
      port: 0,
      tenantId: "demo-plumbing",
      testHeaderIdentity: true,
      log: () => {},
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("rate limit - 20 failed link lookups from one client end in 429; a good link keeps answering 200", async () => {
    const [invoice] = (await server.remit.invoices.list(demoCtx, { status: "pending_payment" }))
      .items;
    const good = `${server.url}/i/${invoice?.publicToken}`;
    // A busy good link is never counted, from the same client or another.
    for (let index = 0; index < 40; index += 1) expect((await send(good)).status).toBe(200);
    for (let index = 0; index < 20; index += 1) {
      const guess = await send(`${server.url}/i/guess${index}xxxxxxxxxxxxxxxxxxxxxxxx`);
      expect(guess.status).toBe(404);
    }
    const limited = await send(`${server.url}/i/guess20xxxxxxxxxxxxxxxxxxxxxxxx`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Another client (another source address) still sees the good link.
    expect((await send(good, { localAddress: "127.0.0.2" })).status).toBe(200);
    // The back office and the API are not this limit's.
    expect((await send(`${server.url}/work-orders`)).status).toBe(200);
  });

  it("hosts - the real server answers 421 to a rebound host name", async () => {
    const response = await send(`${server.url}/work-orders`, {
      headers: { host: `rebound.attacker.example:${new URL(server.url).port}` },
    });
    expect(response.status).toBe(421);
  });
});
