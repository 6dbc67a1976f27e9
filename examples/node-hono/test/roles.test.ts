import { remitOperations } from "@remit/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleAllows } from "../src/auth/roles";
import { issueDemoInvoice, startTestServer, type TestServer } from "./support/start-test-server";

const demoCtx = { tenantId: "demo-plumbing", actor: { type: "user" as const, id: "u_test" } };

describe("roles: the table", () => {
  it("every API operation is the office's and the owner's; the technician's are a part of them", () => {
    for (const operation of remitOperations) {
      expect(roleAllows("office", operation), operation).toBe(true);
      expect(roleAllows("owner", operation), operation).toBe(true);
    }
    expect(roleAllows("technician", "workOrders.submitInvoice")).toBe(true);
    expect(roleAllows("technician", "invoices.issue")).toBe(false);
    expect(roleAllows("technician", "invoices.issueMany")).toBe(false);
    expect(roleAllows("office", "settings.team")).toBe(false);
  });
});

describe("roles: technician, office, owner (a real server on PGlite)", () => {
  let server: TestServer;
  const as: Record<"technician" | "office" | "owner", Record<string, string>> = {
    technician: {},
    office: {},
    owner: {},
  };
  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ["technician", "office", "owner"] as const)
      as[role] = await server.signIn(role);
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  const post = (
    path: string,
    headers: Record<string, string>,
    fields: Record<string, string> = {},
  ) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { accept: "text/html", ...headers },
      redirect: "manual",
    });
  const get = (path: string, headers: Record<string, string>) =>
    fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  const api = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${server.url}/api${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  /** A new invoice waiting for review, made by a technician (the tenant requires review). */
  async function invoiceInReview() {
    const [customer] = (await server.remit.customers.list(demoCtx, { limit: 1 })).items;
    const created = await api("/invoices", as.technician, {
      customerId: customer?.id,
      lines: [{ kind: "labor", description: "Drain cleaning", quantity: "2", unitPrice: "95.00" }],
    });
    expect(created.status).toBe(201);
    const { invoice } = (await created.json()) as { invoice: { id: string; version: number } };
    const submitted = await api(`/invoices/${invoice.id}/submit`, as.technician, {});
    expect(submitted.status).toBe(200);
    return (await server.remit.invoices.get(demoCtx, { id: invoice.id })).invoice;
  }

  it("technician - submits for review, but approving, sending, payments and cancelling are refused (403) and change nothing", async () => {
    const invoice = await invoiceInReview();
    expect(invoice.status).toBe("pending_review");
    const page = await (await get(`/invoices/${invoice.id}`, as.technician)).text();
    expect(page).not.toContain("Approve &amp; issue");
    expect(page).not.toContain("Cancel invoice");
    // The menu offers no page the role cannot open: the aging report is the office's.
    expect(page).not.toContain('href="/reports/aging"');
    expect(await (await get(`/invoices/${invoice.id}`, as.office)).text()).toContain(
      'href="/reports/aging"',
    );
    const version = String(invoice.version);
    for (const move of ["issue", "cancel"]) {
      const response = await post(`/invoices/${invoice.id}/${move}`, as.technician, {
        version,
        reason: "no",
      });
      expect(response.status, move).toBe(403);
      expect(await response.text()).toContain("Your role (technician) cannot do this");
    }
    expect((await api(`/invoices/${invoice.id}/issue`, as.technician, {})).status).toBe(403);
    const issued = await issueDemoInvoice(server, "50.00");
    for (const [path, body] of [
      [`/invoices/${issued.id}/send`, { channels: ["email"] }],
      [
        `/invoices/${issued.id}/payments`,
        { amount: "50.00", method: "cash", idempotencyKey: "k1" },
      ],
      [`/invoices/${issued.id}/cancel`, { reason: "no" }],
    ] as const) {
      expect((await api(path, as.technician, body)).status, path).toBe(403);
    }
    const after = await server.remit.invoices.get(demoCtx, { id: invoice.id });
    expect(after.invoice.status).toBe("pending_review");
    expect(after.invoice.version).toBe(invoice.version);
    const paidAfter = await server.remit.invoices.get(demoCtx, { id: issued.id });
    expect(paidAfter.invoice.amountPaid).toBe("0.00");
    expect(paidAfter.payments).toEqual([]);
  });

  it("office - approves & issues and records payments; the owner's settings are refused (403)", async () => {
    const invoice = await invoiceInReview();
    const page = await (await get(`/invoices/${invoice.id}`, as.office)).text();
    expect(page).toContain("Approve &amp; issue");
    const issued = await post(`/invoices/${invoice.id}/issue`, as.office, {
      version: String(invoice.version),
    });
    expect(issued.status).toBe(303);
    const { amountDue } = (await server.remit.invoices.get(demoCtx, { id: invoice.id })).invoice;
    const paid = await api(`/invoices/${invoice.id}/payments`, as.office, {
      amount: amountDue,
      method: "cash",
      idempotencyKey: `cash-${invoice.id}`,
    });
    expect(paid.status, await paid.clone().text()).toBe(200);
    expect((await server.remit.invoices.get(demoCtx, { id: invoice.id })).invoice.status).toBe(
      "paid",
    );
    for (const path of ["/settings/payments", "/settings/team"]) {
      expect((await get(path, as.office)).status, path).toBe(403);
    }
    expect(
      (await post("/settings/api-keys", as.office, { name: "x", role: "office" })).status,
    ).toBe(403);
    expect(await (await get("/", as.office)).text()).not.toContain('href="/settings/team"');
  });

  it("owner - sees the settings, adds a technician who can then sign in, and manages API keys", async () => {
    const home = await (await get("/", as.owner)).text();
    expect(home).toContain('href="/settings/team"');
    expect((await get("/settings/payments", as.owner)).status).toBe(200);
    const team = await (await get("/settings/team", as.owner)).text();
    expect(team).toContain("tech@demo.remit.dev");

    const added = await post("/settings/team/members", as.owner, {
      name: "Jo Field",
      email: "jo@reyesplumbing.example",
      password: "jo-first-password",
      role: "technician",
    });
    expect(added.status).toBe(303);
    const signIn = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      body: new URLSearchParams({
        email: "jo@reyesplumbing.example",
        password: "jo-first-password",
      }),
      redirect: "manual",
    });
    expect(signIn.status).toBe(303);
    const jo = { cookie: signIn.headers.getSetCookie()[0]?.split(";")[0] ?? "" };
    expect((await get("/settings/team", jo)).status).toBe(403);
    expect(await (await get("/", jo)).text()).toContain("Jo Field (technician)");
  });

  it("api keys - shown once, stored hashed, scoped to the tenant and role, refused once revoked", async () => {
    const created = await post("/settings/api-keys", as.owner, {
      name: "Accounting sync",
      role: "office",
    });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const body = await created.text();
    const key = /<code id="new-api-key">([^<]+)<\/code>/.exec(body)?.[1] ?? "";
    expect(key).toMatch(/^remit_[\w-]{43}$/);
    const bearer = { authorization: `Bearer ${key}` };

    const listed = await api("/invoices?limit=1", bearer);
    expect(listed.status).toBe(200);
    // Never shown again, and never stored as it is.
    expect(await (await get("/settings/team", as.owner)).text()).not.toContain(key);
    const stored = await server.auth?.db
      .selectFrom("remit_auth.api_key" as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(stored)).not.toContain(key.slice(6));
    expect(JSON.stringify(stored)).toContain("Accounting sync");

    // An API key opens the API only, not the back office.
    expect((await get("/", bearer)).status).toBe(303);
    const technicianKey = await server.apiHeaders("technician");
    const invoice = await issueDemoInvoice(server, "10.00");
    expect(
      (
        await api(`/invoices/${invoice.id}/payments`, technicianKey, {
          amount: "1.00",
          method: "cash",
        })
      ).status,
    ).toBe(403);

    const record = (await server.auth?.apiKeys.list("demo-plumbing"))?.find(
      (candidate) => candidate.name === "Accounting sync",
    );
    const revoked = await post(`/settings/api-keys/${record?.id}/revoke`, as.owner);
    expect(revoked.status).toBe(303);
    expect((await api("/invoices?limit=1", bearer)).status).toBe(401);
    expect((await api("/invoices?limit=1", { authorization: "Bearer remit_guess" })).status).toBe(
      401,
    );
    // A bad key is no caller, even with a good session cookie beside it.
    expect(
      (await api("/invoices?limit=1", { ...as.owner, authorization: "Bearer nope" })).status,
    ).toBe(401);
  });
});
