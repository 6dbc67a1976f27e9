import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { createTestRemit } from "./support/create-test-remit";

/** Sends one request with a body over a real socket (fetch refuses a body on GET). */
function send(url: string, method: string, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method,
        headers: { "content-length": Buffer.byteLength(body), "content-type": "text/plain" },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const styleHashOf = (html: string) =>
  `'sha256-${createHash("sha256")
    .update(/<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "")
    .digest("base64")}'`;

describe("hosted invoice page - what each view costs", () => {
  it("body limit - applies where a body is read (the Pay form, 413), never to a GET of the page", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const { fetch } = createRemitHandler({ remit, publicUrl: "https://pay.example.com" });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(listening));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/i/${invoice.publicToken}`;
      const large = "x".repeat(64 * 1024);
      expect((await send(`${base}/pay`, "POST", large)).status).toBe(413);
      const page = await send(base, "GET", large);
      expect(page.status).toBe(200);
      expect(page.text).toContain('id="amount-due"');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("csp - a page from the cache allows the same styles, by hash, as the page rendered fresh", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const pageUrl = `https://pay.example.com/i/${invoice.publicToken}`;
    const cached = createRemitHandler({
      remit,
      publicUrl: "https://pay.example.com",
      hostedPageCache: {},
    });
    const fresh = createRemitHandler({ remit, publicUrl: "https://pay.example.com" });
    const answers = [
      await fresh.fetch(new Request(pageUrl)),
      await cached.fetch(new Request(pageUrl)), // rendered, then kept
      await cached.fetch(new Request(pageUrl)), // from the cache
    ];
    const html = await answers[0]?.clone().text();
    const policies = answers.map((answer) => answer.headers.get("content-security-policy"));
    expect(policies[0]).toContain(`style-src ${styleHashOf(html ?? "")}`);
    expect(policies[1]).toBe(policies[0]);
    expect(policies[2]).toBe(policies[0]);
    expect(await answers[2]?.text()).toBe(html);
  });
});
