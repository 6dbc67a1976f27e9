import { z } from "zod";
import { NotFoundError } from "../errors/not-found-error";
import { recordIdSchema } from "../invoices/internal/move-input-fields";
import { parseContext } from "../service/internal/run-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { parseWithSchema } from "../validation/to-validation-error";
import {
  type DraftInvoiceOptions,
  draftInvoiceFromWorkOrder,
  type InvoiceDraft,
} from "./draft-invoice-from-work-order";
import type { WorkOrder, WorkOrderStatus } from "./work-order";

const statuses = [
  "open",
  "scheduled",
  "in_progress",
  "complete_invoice_needed",
  "invoiced",
  "cancelled",
] as const satisfies readonly WorkOrderStatus[];

export const listWorkOrdersInputSchema = z.object({
  status: z.union([z.enum(statuses), z.array(z.enum(statuses)).min(1)]).optional(),
  customerId: recordIdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

/** Reads of work orders: one, a page, and the invoice draft for review. */
export function createWorkOrderReads(deps: RemitDependencies) {
  const getOne = async (rawContext: unknown, rawInput: { id: string }): Promise<WorkOrder> => {
    const context = parseContext(rawContext);
    const { id } = parseWithSchema(z.object({ id: recordIdSchema }), rawInput);
    const workOrder = await deps.store.transaction({
      tenantId: context.tenantId,
      work: (transaction) => transaction.workOrders.get({ id }),
    });
    if (!workOrder) throw new NotFoundError({ resource: "work order", id });
    return workOrder;
  };
  return {
    get: getOne,
    async list(rawContext: unknown, rawInput: z.input<typeof listWorkOrdersInputSchema> = {}) {
      const context = parseContext(rawContext);
      const { status, customerId, limit, cursor } = parseWithSchema(
        listWorkOrdersInputSchema,
        rawInput,
      );
      const filter = {
        ...(status ? { status: Array.isArray(status) ? status : [status] } : {}),
        ...(customerId ? { customerId } : {}),
      };
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: (transaction) =>
          transaction.workOrders.list({ filter, limit, ...(cursor ? { cursor } : {}) }),
      });
    },
    /** The invoice draft for "review & submit": show it, let the user change it, then `submitInvoice`. */
    async draftInvoice(
      rawContext: unknown,
      rawInput: { id: string },
      options: DraftInvoiceOptions = {},
    ): Promise<InvoiceDraft> {
      return draftInvoiceFromWorkOrder(await getOne(rawContext, rawInput), options);
    },
  };
}
