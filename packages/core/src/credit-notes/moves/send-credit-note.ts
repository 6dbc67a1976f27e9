import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import {
  idempotencyKeySchema,
  instantSchema,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { deliveryChannelSchema, queueDeliveries } from "../../invoices/moves/send-invoice";
import { defineMove } from "../../service/internal/define-move";
import { requireCollection } from "../../service/internal/require-collection";

/**
 * The input of `remit.invoices.sendCreditNote`.
 * @group Invoices
 * @since 0.3.0
 */
export const sendCreditNoteInputSchema = z.object({
  /** The credit note sent. */
  id: recordIdSchema,
  channels: z
    .array(deliveryChannelSchema)
    .min(1, "choose at least one channel")
    .max(2)
    .refine((channels) => new Set(channels).size === channels.length, "each channel at most once"),
  /** Send later: the instant to send at. Omit to send now (by the outbox worker, right away). */
  at: instantSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Invoices @interface */
export type SendCreditNoteInput = z.input<typeof sendCreditNoteInputSchema>;

/**
 * `remit.invoices.sendCreditNote`: sends a credit note to the invoice's customer by email and/or
 * SMS, now or at a set time, like an invoice: one `credit_note` delivery per channel, sent by the
 * outbox worker. A credit note is a record of what the customer no longer owes, so it goes out
 * whatever the invoice's status (a paid or written-off invoice's credit note too). Credit notes
 * never change, so there is no `expectedVersion`; the lock on the invoice orders the send with the
 * invoice's other moves. Emits `credit_note.sent`.
 */
export const sendCreditNote = defineMove(
  { move: "send credit note", actors: ["user"], input: sendCreditNoteInputSchema },
  async (scope, input) => {
    const creditNote = await requireCollection(scope.transaction.creditNotes, "creditNotes").get({
      id: input.id,
    });
    if (!creditNote) throw new NotFoundError({ resource: "credit note", id: input.id });
    const invoice = await scope.transaction.invoices.get({
      id: creditNote.invoiceId,
      forUpdate: true,
    });
    if (!invoice) throw new NotFoundError({ resource: "invoice", id: creditNote.invoiceId });
    const at = input.at !== undefined && input.at > scope.now ? input.at : scope.now;
    const event = scope.emit(
      "credit_note.sent",
      { type: "credit_note", id: creditNote.id, version: 1 },
      {
        creditNoteId: creditNote.id,
        creditNoteNumber: creditNote.number,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        channels: input.channels,
        at,
      },
    );
    const deliveries = await queueDeliveries(scope, invoice, {
      channels: input.channels,
      at,
      purpose: "credit_note",
      sourceId: event.id,
      creditNoteId: creditNote.id,
    });
    event.data.deliveryIds = deliveries.map((delivery) => delivery.id);
    return { creditNote, deliveries };
  },
);
