import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../src/auth/seed-demo-users";
import { actorWords, userIdsIn } from "../src/views/actor-words";
import { startTestServer, type TestServer } from "./support/start-test-server";

const demoCtx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_gone" } };

/** The "By" cells of a table on an invoice's page, top to bottom. */
function byColumn(page: string, tableId: string): string[] {
  const table = new RegExp(`<table id="${tableId}"[\\s\\S]*?</table>`).exec(page)?.[0] ?? "";
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) => [...(row[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]))
    .filter((cells) => cells.length > 0)
    .map((cells) => {
      // The events table's last cell is "By"; the revisions table's third.
      const by = tableId === "events" ? cells.at(-1) : cells[2];
      return by ?? "";
    });
}

describe("actors in words", () => {
  const names = new Map([["u_1", "Sam Ortiz"]]);

  it("words - a user by name, Remit's sweeps as System, the customer, providers by name", () => {
    expect(actorWords({ type: "user", id: "u_1" }, names)).toBe("Sam Ortiz");
    expect(actorWords({ type: "user", id: "u_unknown" }, names)).toBe("A team member");
    expect(actorWords({ type: "system" }, names)).toBe("System");
    expect(actorWords({ type: "customer" }, names)).toBe("Customer");
    expect(actorWords({ type: "provider", name: "stripe" }, names)).toBe("Stripe");
    expect(actorWords({ type: "provider", name: "twilio" }, names)).toBe("Twilio");
  });

  it("ids - only users' ids are looked up, each once", () => {
    const user = { type: "user" as const, id: "u_1" };
    expect(
      userIdsIn({
        events: [{ actor: user }, { actor: { type: "system" } }, { actor: user }],
        revisions: [{ actor: { type: "user", id: "u_2" } }],
      } as never),
    ).toEqual(["u_1", "u_2"]);
  });
});

describe("history by name (a real server on PGlite with sign-in)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  const api = (path: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${server.url}/api${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("names - events and revisions show the team member's or API key's name, never a raw id", async () => {
    const technician = await server.signIn("technician");
    const office = await server.signIn("office");
    const key = await server.apiHeaders("office");
    const [customer] = (await server.remit.customers.list(demoCtx, { limit: 1 })).items;
    const created = await api("/invoices", technician, {
      customerId: customer?.id,
      lines: [{ kind: "labor", description: "Drain cleaning", quantity: "2", unitPrice: "95.00" }],
    });
    expect(created.status).toBe(201);
    const { invoice } = (await created.json()) as { invoice: { id: string } };
    expect((await api(`/invoices/${invoice.id}/submit`, technician, {})).status).toBe(200);
    expect((await api(`/invoices/${invoice.id}/issue`, key, {})).status).toBe(200);
    // Someone no longer known to sign-in (here an id better-auth never had).
    await server.remit.invoices.cancel(demoCtx, { id: invoice.id, reason: "Duplicate" });

    const page = await (
      await fetch(`${server.url}/invoices/${invoice.id}`, { headers: office })
    ).text();
    const technicianName = demoUsers.find((user) => user.role === "technician")?.name ?? "";
    const events = byColumn(page, "events");
    expect(events).toContain(technicianName);
    expect(events.some((by) => /^API key “.+”$/.test(by))).toBe(true);
    expect(events[0]).toBe("A team member");
    expect(byColumn(page, "revisions")).toContain(technicianName);
    for (const by of [...events, ...byColumn(page, "revisions")]) {
      expect(by).not.toMatch(/api_key:|u_gone/);
    }
    const details = await server.remit.invoices.get(demoCtx, { id: invoice.id });
    for (const event of details.events) {
      if (event.actor.type === "user") expect(page).not.toContain(`>${event.actor.id}<`);
    }
  });
});
