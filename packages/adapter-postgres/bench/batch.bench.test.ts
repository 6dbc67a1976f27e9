import { describe, expect, test } from "vitest";
import { batchContext, workOrdersToInvoice } from "../test/support/work-orders-to-invoice";
import { benchRemit } from "./support/bench-remit";

// "Invoice selected" and "Send selected" at volume on a real server (DATABASE_URL or the test
// harness's throwaway one). Not part of CI; `npm run bench`.
//   BENCH_BATCH_WORK_ORDERS  work orders in the batch (default 500)
//   BENCH_BATCH_WORKERS      the batch's concurrency, and the pool's size (default 8)

const workOrderCount = Number(process.env.BENCH_BATCH_WORK_ORDERS ?? 500);
const workers = Number(process.env.BENCH_BATCH_WORKERS ?? 8);

const bench = benchRemit({
  title: `Remit batches (${workOrderCount} items, ${workers} workers)`,
  poolSize: workers,
});
const { results } = bench;

/** Runs `batch` and records its rate. */
async function measure(name: string, count: number, batch: () => Promise<unknown>) {
  const started = performance.now();
  await batch();
  const seconds = (performance.now() - started) / 1000;
  results.push([name, `${(count / seconds).toFixed(0)} items/s (${seconds.toFixed(2)} s)`]);
}

describe.sequential("bench", () => {
  test(`batch - ${workOrderCount} work orders invoiced, then sent, by ${workers} workers`, async () => {
    // A warm-up batch of its own tenant, so the figures leave out first-connection costs.
    const warm = await workOrdersToInvoice(bench.remit, "bench_warm", 40);
    await bench.remit.workOrders.submitInvoices(batchContext("bench_warm"), {
      ids: warm,
      batchKey: "warm",
      concurrency: workers,
    });

    const ids = await workOrdersToInvoice(bench.remit, "bench_batch", workOrderCount);
    const ctx = batchContext("bench_batch");
    let progressCalls = 0;
    let invoiceIds: string[] = [];
    await measure("submitInvoices (review & submit, each issued)", workOrderCount, async () => {
      const result = await bench.remit.workOrders.submitInvoices(ctx, {
        ids,
        batchKey: "invoice-selected",
        concurrency: workers,
        onProgress: () => {
          progressCalls++;
        },
      });
      expect(result.counts).toEqual({ done: workOrderCount, skipped: 0, refused: 0 });
      invoiceIds = result.items.map((item) =>
        item.status === "done" ? item.result.invoice.id : "",
      );
    });
    expect(progressCalls).toBe(workOrderCount);
    await measure("submitInvoices retried (each item replayed)", workOrderCount, async () => {
      const result = await bench.remit.workOrders.submitInvoices(ctx, {
        ids,
        batchKey: "invoice-selected",
        concurrency: workers,
      });
      expect(result.counts.skipped).toBe(workOrderCount);
    });
    await measure("sendMany (email, queued for the outbox)", workOrderCount, async () => {
      const result = await bench.remit.invoices.sendMany(ctx, {
        ids: invoiceIds,
        batchKey: "send-selected",
        channels: ["email"],
        concurrency: workers,
      });
      expect(result.counts.done).toBe(workOrderCount);
    });
  });
});
