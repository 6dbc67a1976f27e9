import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";
import { billWorkOrderRetainage } from "../work-orders/moves/bill-work-order-retainage";
import { billWorkOrderStage } from "../work-orders/moves/bill-work-order-stage";
import { createWorkOrder, updateWorkOrder } from "../work-orders/moves/create-work-order";
import { submitWorkOrderInvoice } from "../work-orders/moves/submit-work-order-invoice";
import { submitWorkOrderInvoices } from "../work-orders/moves/submit-work-order-invoices";
import {
  cancelWorkOrder,
  completeWorkOrder,
  scheduleWorkOrder,
  startWorkOrder,
} from "../work-orders/moves/work-order-status-moves";
import {
  draftWorkOrderInvoice,
  getWorkOrder,
  listWorkOrders,
} from "../work-orders/reads/read-work-orders";

/** `remit.workOrders`: jobs from first call to invoice. Moves return `{ workOrder, events }`. */
export function createWorkOrdersApi(deps: RemitDependencies) {
  return bindCalls(deps, {
    create: createWorkOrder,
    update: updateWorkOrder,
    schedule: scheduleWorkOrder,
    start: startWorkOrder,
    complete: completeWorkOrder,
    cancel: cancelWorkOrder,
    get: getWorkOrder,
    list: listWorkOrders,
    draftInvoice: draftWorkOrderInvoice,
    submitInvoice: submitWorkOrderInvoice,
    submitInvoices: submitWorkOrderInvoices,
    billStage: billWorkOrderStage,
    billRetainage: billWorkOrderRetainage,
  });
}
