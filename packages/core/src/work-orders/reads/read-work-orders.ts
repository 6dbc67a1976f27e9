import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import { defineRead } from "../../service/internal/define-read";
import { textSchema } from "../../validation/text-schema";
import {
  draftInvoiceFromWorkOrder,
  draftInvoiceOptionsSchema,
  type InvoiceDraft,
} from "../draft-invoice-from-work-order";
import type { WorkOrder, WorkOrderStatus } from "../work-order";

const statuses = [
  "open",
  "scheduled",
  "in_progress",
  "complete_invoice_needed",
  "invoiced",
  "cancelled",
] as const satisfies readonly WorkOrderStatus[];

/** @group Work orders */
export const listWorkOrdersInputSchema = z.object({
  status: z.union([z.enum(statuses), z.array(z.enum(statuses)).min(1)]).optional(),
  customerId: recordIdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: textSchema.min(1).max(200).optional(),
});

/** `remit.workOrders.get`: one work order. */
export const getWorkOrder = defineRead(
  { input: z.object({ id: recordIdSchema }) },
  async ({ transaction }, { id }): Promise<WorkOrder> => {
    const workOrder = await transaction.workOrders.get({ id });
    if (!workOrder) throw new NotFoundError({ resource: "work order", id });
    return workOrder;
  },
);

/** `remit.workOrders.list`: newest first, by status and customer, one page at a time. */
export const listWorkOrders = defineRead(
  { input: listWorkOrdersInputSchema.prefault({}) },
  async ({ transaction }, { status, customerId, limit, cursor }) => {
    const filter = {
      ...(status ? { status: Array.isArray(status) ? status : [status] } : {}),
      ...(customerId ? { customerId } : {}),
    };
    return transaction.workOrders.list({ filter, limit, ...(cursor ? { cursor } : {}) });
  },
);

/**
 * The input of `remit.workOrders.draftInvoice`: the work order and how the draft is made.
 * @group Work orders
 */
export const draftWorkOrderInvoiceInputSchema = z.object({
  id: recordIdSchema,
  draft: draftInvoiceOptionsSchema.optional(),
});

/** `remit.workOrders.draftInvoice`: the invoice draft for "review & submit"; show it, let the user change it, then `submitInvoice`. */
export const draftWorkOrderInvoice = defineRead(
  { input: draftWorkOrderInvoiceInputSchema },
  async ({ transaction }, { id, draft }): Promise<InvoiceDraft> => {
    const workOrder = await transaction.workOrders.get({ id });
    if (!workOrder) throw new NotFoundError({ resource: "work order", id });
    return draftInvoiceFromWorkOrder(workOrder, draft);
  },
);
