import { createRemit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemoData } from "../src/seed-demo-data";

async function demoApp() {
  const remit = createRemit({ store: createMemoryStore() });
  await seedDemoData(remit, "demo");
  return { remit, app: createApp(remit, { identity: { testHeaders: "demo" } }) };
}

describe("example server", () => {
  it("seed - puts an invoice in every status", async () => {
    const { app } = await demoApp();
    const response = await app.request("/api/invoices?limit=50");
    const { items } = (await response.json()) as { items: { status: string }[] };
    expect(new Set(items.map((invoice) => invoice.status))).toEqual(
      new Set([
        "pending_action",
        "pending_review",
        "pending_payment",
        "past_due",
        "paid",
        "cancelled",
      ]),
    );
  });

  it("api - walks an invoice from create to paid by check", async () => {
    const { app } = await demoApp();
    const post = (path: string, body: unknown) =>
      app.request(path, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    const customer = (await (
      await post("/api/customers", { name: "Jo Park", email: "jo@example.com" })
    ).json()) as { id: string };
    const created = await post("/api/invoices", {
      customerId: customer.id,
      lines: [{ quantity: "2", unitPrice: "80.00" }],
    });
    expect(created.status).toBe(201);
    const { invoice } = (await created.json()) as { invoice: { id: string; total: string } };
    // The demo tenant requires review: submit, then approve (issue).
    expect((await post(`/api/invoices/${invoice.id}/submit`, {})).status).toBe(200);
    const issued = (await (await post(`/api/invoices/${invoice.id}/issue`, {})).json()) as {
      invoice: { status: string; publicToken: string };
    };
    expect(issued.invoice.status).toBe("pending_payment");
    const paid = await post(`/api/invoices/${invoice.id}/payments`, {
      amount: "160.00",
      method: "check",
      reference: "501",
      idempotencyKey: "chk-501",
    });
    expect(((await paid.json()) as { invoice: { status: string } }).invoice.status).toBe("paid");
    const page = await app.request(`/i/${issued.invoice.publicToken}`);
    expect(await page.text()).toContain('data-status="paid">Paid</span>');
  });

  it("api - answers refused input with problem+json naming the field", async () => {
    const { app } = await demoApp();
    const response = await app.request("/api/invoices", {
      method: "POST",
      body: JSON.stringify({ lines: [{ quantity: "-1", unitPrice: "1.00" }] }),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({
      code: "validation_error",
      path: "lines[0].quantity",
    });
    const missing = await app.request("/api/invoices/inv_nope");
    expect(missing.status).toBe(404);
  });

  it("api - an invalid move is 409 with the record's status beside the HTTP status", async () => {
    const { remit, app } = await demoApp();
    const [draft] = (
      await remit.invoices.list(
        { tenantId: "demo", actor: { type: "user", id: "u" } },
        { status: "pending_action" },
      )
    ).items;
    const response = await app.request(`/api/invoices/${draft?.id}/send`, {
      method: "POST",
      body: JSON.stringify({ channels: ["email"] }),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      status: 409,
      code: "invalid_transition",
      recordStatus: "pending_action",
      move: "send",
    });
  });
});
