import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { type BatchProgress, createRemit, deriveItemKey, type Remit } from "../../src/index";

const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };

async function setup(settings: Record<string, unknown> = {}) {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit = createRemit({ store: createMemoryStore(), clock });
  await remit.tenants.upsert(ctx, { timeZone: "America/Chicago", ...settings });
  const customer = await remit.customers.create(ctx, { name: "Dana", email: "dana@example.com" });
  return { remit, customer };
}

/** `count` work orders ready to invoice, each with one service line. */
async function completedWorkOrders(remit: Remit, customerId: string, count: number) {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId,
      title: `Job ${index}`,
      services: [{ description: "Service", quantity: "1", unitPrice: `${100 + index}.00` }],
    });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    ids.push(workOrder.id);
  }
  return ids;
}

describe("batch calls", () => {
  it("submitInvoices - a result per work order: done, skipped when already invoiced, refused with its typed error", async () => {
    const { remit, customer } = await setup({ requireReview: false });
    const ids = await completedWorkOrders(remit, customer.id, 3);
    await remit.workOrders.submitInvoice(ctx, { id: ids[1] as string });
    const open = await remit.workOrders.create(ctx, { customerId: customer.id, title: "Open" });
    const progress: BatchProgress<unknown>[] = [];
    const result = await remit.workOrders.submitInvoices(ctx, {
      ids: [...ids, open.workOrder.id, "wo_missing"],
      batchKey: "batch-1",
      concurrency: 2,
      onProgress: (report) => progress.push(report),
    });
    expect(result.items.map((item) => [item.id, item.status])).toEqual([
      [ids[0], "done"],
      [ids[1], "skipped"],
      [ids[2], "done"],
      [open.workOrder.id, "refused"],
      ["wo_missing", "refused"],
    ]);
    expect(result.items[1]).toMatchObject({ reason: "already_done" });
    expect(result.items[3]).toMatchObject({
      error: { code: "invalid_transition", status: "open" },
    });
    expect(result.items[4]).toMatchObject({ error: { code: "not_found" } });
    expect(result.counts).toEqual({ done: 2, skipped: 1, refused: 2 });
    const first = result.items[0];
    expect(first?.status === "done" && first.result.invoice.status).toBe("pending_payment");
    expect(progress.map((report) => report.completed)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)).toMatchObject({ total: 5, done: 2, skipped: 1, refused: 2 });
  });

  it("submitInvoices - the same batch run again bills nothing twice and answers skipped", async () => {
    const { remit, customer } = await setup();
    const ids = await completedWorkOrders(remit, customer.id, 4);
    const first = await remit.workOrders.submitInvoices(ctx, { ids, batchKey: "b" });
    const again = await remit.workOrders.submitInvoices(ctx, { ids, batchKey: "b" });
    expect(first.counts).toEqual({ done: 4, skipped: 0, refused: 0 });
    expect(again.counts).toEqual({ done: 0, skipped: 4, refused: 0 });
    expect(again.items.every((item) => item.status === "skipped")).toBe(true);
    expect(again.items[0]).toMatchObject({ reason: "already_done_in_batch" });
    // The replay carries the first run's invoice, so a retried caller can still show it.
    const [firstItem, againItem] = [first.items[0], again.items[0]];
    expect(againItem?.status === "skipped" && againItem.result?.invoice.id).toBe(
      firstItem?.status === "done" && firstItem.result.invoice.id,
    );
    const invoices = await remit.invoices.list(ctx, { limit: 100 });
    expect(invoices.items).toHaveLength(4);
  });

  it("submitInvoices - two identical batches at once bill each work order once", async () => {
    const { remit, customer } = await setup();
    const ids = await completedWorkOrders(remit, customer.id, 6);
    const [one, two] = await Promise.all([
      remit.workOrders.submitInvoices(ctx, { ids, batchKey: "same", concurrency: 3 }),
      remit.workOrders.submitInvoices(ctx, { ids, batchKey: "same", concurrency: 3 }),
    ]);
    expect((one?.counts.done ?? 0) + (two?.counts.done ?? 0)).toBe(6);
    expect((await remit.invoices.list(ctx, { limit: 100 })).items).toHaveLength(6);
  });

  it("submitInvoices - a bad batch is one validation error with a field path, and does nothing", async () => {
    const { remit, customer } = await setup();
    const ids = await completedWorkOrders(remit, customer.id, 1);
    await expect(
      remit.workOrders.submitInvoices(ctx, { ids: [ids[0] as string, ""], batchKey: "k" }),
    ).rejects.toMatchObject({ code: "validation_error", path: "ids[1]" });
    await expect(
      remit.workOrders.submitInvoices(ctx, {
        ids: [ids[0] as string, ids[0] as string],
        batchKey: "k",
      }),
    ).rejects.toMatchObject({ code: "validation_error", path: "ids" });
    await expect(
      remit.workOrders.submitInvoices(ctx, { ids: ids, batchKey: "k", concurrency: 0 }),
    ).rejects.toMatchObject({ code: "validation_error", path: "concurrency" });
    await expect(remit.workOrders.submitInvoices(ctx, { ids } as never)).rejects.toMatchObject({
      code: "validation_error",
      path: "batchKey",
    });
    await expect(
      remit.workOrders.submitInvoices(
        { tenantId: "t1", actor: { type: "system" } },
        { ids, batchKey: "k" },
      ),
    ).rejects.toMatchObject({ code: "validation_error", path: "actor" });
    expect((await remit.invoices.list(ctx)).items).toHaveLength(0);
  });

  it("submitInvoices - a throwing progress callback stops the batch; running it again finishes the rest", async () => {
    const { remit, customer } = await setup();
    const ids = await completedWorkOrders(remit, customer.id, 5);
    await expect(
      remit.workOrders.submitInvoices(ctx, {
        ids,
        batchKey: "crash",
        concurrency: 1,
        onProgress: ({ completed }) => {
          if (completed === 2) throw new Error("the process died");
        },
      }),
    ).rejects.toThrow("the process died");
    expect((await remit.invoices.list(ctx)).items).toHaveLength(2);
    const rerun = await remit.workOrders.submitInvoices(ctx, { ids, batchKey: "crash" });
    expect(rerun.counts).toEqual({ done: 3, skipped: 2, refused: 0 });
    expect((await remit.invoices.list(ctx)).items).toHaveLength(5);
  });

  it("issueMany and sendMany - issue with send, skip what is issued, send each once per batch key", async () => {
    const { remit, customer } = await setup({ requireReview: true });
    const noEmail = await remit.customers.create(ctx, { name: "No contact" });
    const created: string[] = [];
    for (const customerId of [customer.id, customer.id, noEmail.id]) {
      const { invoice } = await remit.invoices.create(ctx, {
        customerId,
        lines: [{ description: "Visit", quantity: "1", unitPrice: "80.00" }],
      });
      await remit.invoices.submit(ctx, { id: invoice.id });
      created.push(invoice.id);
    }
    await remit.invoices.issue(ctx, { id: created[1] as string });
    const issued = await remit.invoices.issueMany(ctx, { ids: created, batchKey: "issue-1" });
    expect(issued.items.map((item) => item.status)).toEqual(["done", "skipped", "done"]);

    const sent = await remit.invoices.sendMany(ctx, {
      ids: created,
      batchKey: "send-1",
      channels: ["email"],
    });
    expect(sent.items.map((item) => item.status)).toEqual(["done", "done", "refused"]);
    expect(sent.items[2]).toMatchObject({ error: { code: "missing_contact", channel: "email" } });
    const resent = await remit.invoices.sendMany(ctx, {
      ids: created,
      batchKey: "send-1",
      channels: ["email"],
    });
    expect(resent.items.map((item) => item.status)).toEqual(["skipped", "skipped", "refused"]);
    const details = await remit.invoices.get(ctx, { id: created[0] as string });
    expect(details.deliveries).toHaveLength(1);
    // Another batch key is another send (a reminder), as with single sends.
    await remit.invoices.sendMany(ctx, {
      ids: [created[0] as string],
      batchKey: "send-2",
      channels: ["email"],
    });
    expect((await remit.invoices.get(ctx, { id: created[0] as string })).deliveries).toHaveLength(
      2,
    );
  });

  it("deriveItemKey - stays within the key limit and differs per batch, move and id", async () => {
    const long = "k".repeat(255);
    const key = await deriveItemKey(long, "issue invoices", "x".repeat(64));
    expect(key.length).toBeLessThanOrEqual(255);
    const keys = new Set(
      await Promise.all([
        deriveItemKey("a", "issue invoices", "inv_1"),
        deriveItemKey("b", "issue invoices", "inv_1"),
        deriveItemKey("a", "send invoices", "inv_1"),
        deriveItemKey("a", "issue invoices", "inv_2"),
        deriveItemKey("a:b", "issue invoices", "c"),
        deriveItemKey("a", "issue invoices", "b:c"),
      ]),
    );
    expect(keys.size).toBe(6);
  });
});
