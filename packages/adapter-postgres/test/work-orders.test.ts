import { expect, test } from "vitest";
import { describeBackends } from "./support/backends";
import { id, invoiceRecord, workOrderRecord } from "./support/records";

describeBackends((backend) => {
  test("work orders - at most one live invoice each; a cancelled one does not count", async () => {
    const { store } = backend();
    const workOrderId = id("wo", 1);
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.workOrders.insert({ record: workOrderRecord("t1", 1) });
        await transaction.invoices.insert({ record: invoiceRecord("t1", 1, { workOrderId }) });
      },
    });
    await expect(
      store.transaction({
        tenantId: "t1",
        work: (transaction) =>
          transaction.invoices.insert({ record: invoiceRecord("t1", 2, { workOrderId }) }),
      }),
    ).rejects.toMatchObject({ code: "23505" });
    await store.transaction({
      tenantId: "t1",
      work: async (transaction) => {
        await transaction.invoices.update({
          record: invoiceRecord("t1", 1, { workOrderId, version: 2, status: "cancelled" }),
          expectedVersion: 1,
        });
        await transaction.invoices.insert({ record: invoiceRecord("t1", 2, { workOrderId }) });
      },
    });
  });
});
