import type { Context } from "@remit/core";
import { describe, expect, it } from "vitest";
import { createRemitHandler, problemSchema } from "../src/index";
import { authenticateByTestHeader, createTestRemit, tenantId } from "./support/create-test-remit";

const publicUrl = "https://pay.reyes.example";
const system: Context = { tenantId, actor: { type: "system" } };

function postCustomer(url: string, headers: Record<string, string> = {}) {
  return new Request(url, {
    method: "POST",
    body: JSON.stringify({ name: "Mallory" }),
    headers: { "content-type": "application/json", "x-test-user": "office", ...headers },
  });
}

describe("host allow-list", () => {
  it("hosts - a request for another host name (DNS rebinding) is 421 and changes nothing", async () => {
    const { remit } = await createTestRemit();
    const { fetch } = createRemitHandler({
      remit,
      authenticate: authenticateByTestHeader,
      publicUrl,
      allowedHosts: ["pay.reyes.example", "127.0.0.1"],
    });
    const refused = await fetch(postCustomer("http://rebound.attacker.example:3000/api/customers"));
    expect(refused.status).toBe(421);
    expect(problemSchema.parse(await refused.json())).toMatchObject({
      code: "misdirected_request",
    });
    expect((await fetch(new Request("http://evil.example/openapi.json"))).status).toBe(421);
    expect((await remit.customers.list(system)).items).toHaveLength(1);

    expect((await fetch(postCustomer(`${publicUrl}/api/customers`))).status).toBe(201);
    expect((await fetch(new Request("http://127.0.0.1:3000/openapi.json"))).status).toBe(200);
  });
});

describe("cross-site requests", () => {
  it("csrf - another site's page can change nothing, whatever the content type; the same origin and non-browsers can", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const { fetch } = createRemitHandler({
      remit,
      authenticate: authenticateByTestHeader,
      publicUrl,
      allowedOrigins: ["https://office.reyes.example"],
    });
    const url = `${publicUrl}/api/customers`;
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://blog.reyes.example" },
      { origin: "null" },
    ]) {
      const response = await fetch(postCustomer(url, headers));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(problemSchema.parse(await response.json())).toMatchObject({ code: "forbidden" });
    }
    // The hosted page's Pay form, posted from another site.
    const pay = await fetch(
      new Request(`${publicUrl}/i/${invoice.publicToken}/pay`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://evil.example",
          "sec-fetch-site": "cross-site",
        },
      }),
    );
    expect(pay.status).toBe(403);
    expect((await remit.customers.list(system)).items).toHaveLength(1);

    for (const headers of <Record<string, string>[]>[
      {},
      { origin: publicUrl, "sec-fetch-site": "same-origin" },
      { origin: publicUrl },
      { origin: "https://office.reyes.example", "sec-fetch-site": "same-site" },
    ]) {
      expect((await fetch(postCustomer(url, headers))).status, JSON.stringify(headers)).toBe(201);
    }
    // Safe methods are never refused.
    const view = await fetch(
      new Request(`${publicUrl}/i/${invoice.publicToken}`, {
        headers: { "sec-fetch-site": "cross-site" },
      }),
    );
    expect(view.status).toBe(200);
  });
});

describe("hosted page rate limit", () => {
  it("rate limit - failed token lookups from one client end in 429; a good link is never counted and keeps answering 200", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const { fetch } = createRemitHandler({
      remit,
      publicUrl,
      rateLimits: { hostedPage: { failures: 5, windowSeconds: 600 } },
      clientKey: (context) => context.req.header("x-test-client"),
    });
    const view = (token: string, client: string) =>
      fetch(new Request(`${publicUrl}/i/${token}`, { headers: { "x-test-client": client } }));
    const good = invoice.publicToken ?? "";

    // A busy good link: far more views than the limit, all answered.
    for (let index = 0; index < 30; index += 1)
      expect((await view(good, "office")).status).toBe(200);

    for (let index = 0; index < 5; index += 1) {
      expect((await view(`guess${index}xxxxxxxxxxxxxxxxxxxxxxxxxx`, "guesser")).status).toBe(404);
    }
    const limited = await view("guess5xxxxxxxxxxxxxxxxxxxxxxxxxx", "guesser");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(problemSchema.parse(await limited.json())).toMatchObject({ code: "too_many_requests" });
    // The guesser learns nothing more, not even about a good token.
    expect((await view(good, "guesser")).status).toBe(429);
    expect(
      (
        await fetch(
          new Request(`${publicUrl}/i/${good}/pdf`, { headers: { "x-test-client": "guesser" } }),
        )
      ).status,
    ).toBe(429);

    // Everyone else's views of the good link go on.
    for (let index = 0; index < 10; index += 1)
      expect((await view(good, "office")).status).toBe(200);
    expect((await view(good, "customer")).status).toBe(200);
  });

  it("rate limit - false turns it off", async () => {
    const { remit } = await createTestRemit();
    const { fetch } = createRemitHandler({
      remit,
      publicUrl,
      rateLimits: { hostedPage: false },
      clientKey: () => "everyone",
    });
    for (let index = 0; index < 25; index += 1) {
      expect(
        (await fetch(new Request(`${publicUrl}/i/guess${index}xxxxxxxxxxxxxxxxxxxxxxx`))).status,
      ).toBe(404);
    }
  });
});
