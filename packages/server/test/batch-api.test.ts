import { describe, expect, it } from "vitest";
import {
  createRemitHandler,
  invoiceBatchResultSchema,
  workOrderBatchResultSchema,
} from "../src/index";
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
  return { ...test, post };
}

describe("REST API - batches", () => {
  it("api - invoice selected and send selected: one result per id, a refusal as problem details, a retry does nothing twice", async () => {
    const { remit, customer, post, issue } = await handler();
    const ids: string[] = [];
    for (const title of ["Unit 1", "Unit 2"]) {
      const { workOrder } = await remit.workOrders.create(ctx, {
        customerId: customer.id,
        title,
        services: [{ description: "Filter change", quantity: "1", unitPrice: "89.00" }],
      });
      await remit.workOrders.complete(ctx, { id: workOrder.id });
      ids.push(workOrder.id);
    }
    const response = await post("/api/work-orders/submit-invoices", {
      ids: [...ids, "wo_unknown"],
      batchKey: "invoice-selected-1",
    });
    expect(response.status).toBe(200);
    const batch = workOrderBatchResultSchema.parse(await response.json());
    expect(batch.counts).toEqual({ done: 2, skipped: 0, refused: 1 });
    expect(batch.items[2]).toMatchObject({
      id: "wo_unknown",
      status: "refused",
      error: { code: "not_found", status: 404, type: "https://remit.dev/errors/not_found" },
    });
    const again = workOrderBatchResultSchema.parse(
      await (
        await post("/api/work-orders/submit-invoices", { ids, batchKey: "invoice-selected-1" })
      ).json(),
    );
    expect(again.counts).toEqual({ done: 0, skipped: 2, refused: 0 });

    const invoice = await issue();
    const sent = invoiceBatchResultSchema.parse(
      await (
        await post("/api/invoices/send-many", {
          ids: [invoice.id],
          batchKey: "send-selected-1",
          channels: ["email"],
        })
      ).json(),
    );
    expect(sent.counts.done).toBe(1);
  });

  it("api - a bad batch is one 422 naming the field", async () => {
    const { post } = await handler();
    const response = await post("/api/invoices/issue-many", { ids: [], batchKey: "k" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "validation_error", path: "ids" });
  });
});
