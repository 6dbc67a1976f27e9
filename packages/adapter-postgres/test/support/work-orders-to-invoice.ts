import type { Remit } from "@remit/core";

export const batchContext = (tenantId: string) =>
  ({ tenantId, actor: { type: "user" as const, id: "office_1" } }) as const;

/**
 * A tenant with one customer and `count` work orders done and ready to invoice (no review, so
 * each submit issues), for the batch tests and bench. Returns the work orders' ids in order.
 */
export async function workOrdersToInvoice(
  remit: Remit,
  tenantId: string,
  count: number,
): Promise<string[]> {
  const ctx = batchContext(tenantId);
  await remit.tenants.upsert(ctx, {
    name: `Business ${tenantId}`,
    timeZone: "America/Chicago",
    requireReview: false,
    numberFormat: "INV-{SEQ:5}",
  });
  const customer = await remit.customers.create(ctx, {
    name: "Harbor Property Management",
    email: "ap@harbor.example",
  });
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { workOrder } = await remit.workOrders.create(ctx, {
      customerId: customer.id,
      title: `Unit ${index + 1}: filter change`,
      labor: [{ technician: "Sam", hours: "0.75", hourlyRate: "96.00" }],
      materials: [{ description: "Filter", quantity: "1", unitCost: "14.20", markupPercent: "35" }],
    });
    await remit.workOrders.complete(ctx, { id: workOrder.id });
    ids.push(workOrder.id);
  }
  return ids;
}
