import type { RemitDependencies } from "../service/remit-dependencies";
import { createWorkOrder, updateWorkOrder } from "./moves/create-work-order";
import { submitWorkOrderInvoice } from "./moves/submit-work-order-invoice";
import { createWorkOrderStatusMoves } from "./moves/work-order-status-moves";
import { createWorkOrderReads } from "./read-work-orders";

/** `remit.workOrders`: jobs from first call to invoice. Moves return `{ workOrder, events }`. */
export function createWorkOrdersApi(deps: RemitDependencies) {
  return {
    create: (context: unknown, input: Parameters<typeof createWorkOrder>[2]) =>
      createWorkOrder(deps, context, input),
    update: (context: unknown, input: Parameters<typeof updateWorkOrder>[2]) =>
      updateWorkOrder(deps, context, input),
    ...createWorkOrderStatusMoves(deps),
    ...createWorkOrderReads(deps),
    submitInvoice: (context: unknown, input: Parameters<typeof submitWorkOrderInvoice>[2]) =>
      submitWorkOrderInvoice(deps, context, input),
  };
}
