import { describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { authenticateByTestHeader, createTestRemit, ctx } from "./support/create-test-remit";

async function handler() {
  const test = await createTestRemit();
  const { fetch } = createRemitHandler({
    remit: test.remit,
    authenticate: authenticateByTestHeader,
    publicUrl: "https://pay.reyes.example",
  });
  const post = (path: string, body: unknown) =>
    fetch(
      new Request(`https://pay.reyes.example${path}`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", "x-test-user": "office" },
      }),
    );
  const get = (path: string) =>
    fetch(
      new Request(`https://pay.reyes.example${path}`, { headers: { "x-test-user": "office" } }),
    );
  return { ...test, post, get };
}

describe("REST API - progress billing", () => {
  it("api - POST /work-orders/{id}/stages bills stages, refuses one past 100 % as problem details, and /retainage bills what they withheld", async () => {
    const { remit, customer, post, get } = await handler();
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: "Addition",
      services: [{ description: "Build", quantity: "1", unitPrice: "8000.00" }],
    });
    const early = await post(`/api/work-orders/${workOrder.id}/retainage`, {});
    expect(early.status).toBe(409);

    const first = await post(`/api/work-orders/${workOrder.id}/stages`, {
      stage: { percent: "25" },
      retainagePercent: "10",
    });
    expect(first.status).toBe(201);
    const billed = (await first.json()) as {
      invoice: { total: string; amountDue: string; progress: Record<string, unknown> };
      events: { type: string }[];
    };
    expect(billed.invoice).toMatchObject({
      total: "2000.00",
      amountDue: "1800.00",
      progress: { stage: 1, kind: "stage", final: false, retained: "200.00" },
    });
    expect(billed.events.map((event) => event.type)).toContain("invoice.created");

    const past = await post(`/api/work-orders/${workOrder.id}/stages`, {
      stage: { amount: "6000.01" },
    });
    expect(past.status).toBe(422);
    expect(await past.json()).toMatchObject({
      code: "validation_error",
      issues: [{ path: "stage.amount" }],
    });

    const last = await post(`/api/work-orders/${workOrder.id}/stages`, {
      stage: { final: true },
      retainagePercent: "10",
    });
    expect(last.status).toBe(201);
    const retainage = await post(`/api/work-orders/${workOrder.id}/retainage`, {});
    expect(retainage.status).toBe(201);
    expect(await retainage.json()).toMatchObject({
      workOrder: { status: "invoiced" },
      invoice: { total: "800.00", progress: { kind: "retainage", stage: 3 } },
    });
    const listed = await get(`/api/invoices?workOrderId=${workOrder.id}`);
    const page = (await listed.json()) as { items: { progress: { stage: number } | null }[] };
    expect(page.items.map((invoice) => invoice.progress?.stage).sort()).toEqual([1, 2, 3]);
  });
});
