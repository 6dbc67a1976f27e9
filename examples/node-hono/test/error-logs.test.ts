import { Writable } from "node:stream";
import { createRemit, type InvoiceStore } from "@remit/core";
import { createRemitLogger } from "@remit/server";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";

const email = "dana.leak@example.com";

/** A store that fails every call as a driver would, quoting a customer's email. */
function failingStore(): InvoiceStore {
  const fail = async () => {
    throw Object.assign(new Error(`driver exploded near '${email}'`), {
      code: "XX999",
      params: [email],
    });
  };
  return new Proxy(createMemoryStore(), {
    get: (target, property, receiver) => {
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? fail : value;
    },
  });
}

describe("errors in the example", () => {
  it("errors - a 5xx page and problem show an error id, not the driver's message; the log line is redacted JSON with that id", async () => {
    const lines: string[] = [];
    const logger = createRemitLogger(
      {},
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split("\n").filter(Boolean));
          done();
        },
      }),
    );
    const app = createApp(createRemit({ store: failingStore() }), {
      identity: { testHeaders: "demo" },
      logger,
    });
    const page = await app.request("/", { headers: { accept: "text/html" } });
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).not.toContain("driver");
    const pageId = /Error id: ([0-9a-f-]{36})/.exec(html)?.[1];
    expect(pageId).toBeDefined();
    const api = await app.request("/api/invoices", {
      headers: { "x-tenant-id": "demo", "x-user-id": "u_1" },
    });
    expect(api.status).toBe(500);
    const problem = (await api.json()) as { errorId?: string; title: string };
    expect(problem.title).not.toContain("driver");
    const ids = lines.map((line) => JSON.parse(line).errorId);
    expect(ids).toContain(pageId);
    expect(ids).toContain(problem.errorId);
    for (const line of lines) expect(line).not.toContain(email);
  });
});
