import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";
import { createWorkOrder, updateWorkOrder } from "./moves/create-work-order";
import { submitWorkOrderInvoice } from "./moves/submit-work-order-invoice";
import {
  cancelWorkOrder,
  completeWorkOrder,
  scheduleWorkOrder,
  startWorkOrder,
} from "./moves/work-order-status-moves";
import { draftWorkOrderInvoice, getWorkOrder, listWorkOrders } from "./read-work-orders";

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
  });
}
