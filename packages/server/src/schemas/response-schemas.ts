import { z } from "@hono/zod-openapi";
import {
  creditApplicationResponseSchema,
  creditNoteResponseSchema,
  customerResponseSchema,
  deliveryResponseSchema,
  eventResponseSchema,
  invoiceResponseSchema,
  paymentResponseSchema,
  quoteResponseSchema,
  refundResponseSchema,
  workOrderResponseSchema,
} from "./record-schemas";

/** A page of a list: the records and the cursor of the next page (`null` on the last). */
export function pageSchema<Item extends z.ZodType>(item: Item, name: string) {
  return z
    .object({ items: z.array(item), nextCursor: z.string().nullable() })
    .openapi(`${name}Page`);
}

export const invoicePageSchema = pageSchema(invoiceResponseSchema, "Invoice");
export const customerPageSchema = pageSchema(customerResponseSchema, "Customer");
export const workOrderPageSchema = pageSchema(workOrderResponseSchema, "WorkOrder");
export const quotePageSchema = pageSchema(quoteResponseSchema, "Quote");

const events = z.array(eventResponseSchema);

// What a move answers: the record after the move and the events it appended. Some moves answer
// more (converting a quote also gives the work order); those fields are named where known.
export const invoiceMoveResultSchema = z
  .object({
    invoice: invoiceResponseSchema,
    payment: paymentResponseSchema.optional(),
    refund: refundResponseSchema.optional(),
    creditNote: creditNoteResponseSchema.optional(),
    toInvoice: invoiceResponseSchema.optional(),
    creditApplication: creditApplicationResponseSchema.optional(),
    events,
  })
  .openapi("InvoiceMoveResult");

/** What sending a credit note answers: the credit note, one delivery per channel, the event. */
export const creditNoteSendResultSchema = z
  .object({
    creditNote: creditNoteResponseSchema,
    deliveries: z.array(deliveryResponseSchema),
    events,
  })
  .openapi("CreditNoteSendResult");

export const workOrderMoveResultSchema = z
  .object({
    workOrder: workOrderResponseSchema,
    invoice: invoiceResponseSchema.optional(),
    events,
  })
  .openapi("WorkOrderMoveResult");

export const quoteMoveResultSchema = z
  .object({
    quote: quoteResponseSchema,
    workOrder: workOrderResponseSchema.optional(),
    payment: paymentResponseSchema.optional(),
    refund: refundResponseSchema.optional(),
    /** The messages `send` queued. */
    deliveries: z.array(deliveryResponseSchema).optional(),
    events,
  })
  .openapi("QuoteMoveResult");

/** RFC 9457 problem details, with the Remit error's code and, for validation errors, the fields. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().optional(),
    retryable: z.boolean().optional(),
    path: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    recordStatus: z.string().optional(),
    move: z.string().optional(),
    channel: z.string().optional(),
    expectedVersion: z.number().int().optional(),
    actualVersion: z.number().int().optional(),
    /** A 5xx's id, also in the server's log line for it. */
    errorId: z.string().optional(),
  })
  .openapi("Problem");
