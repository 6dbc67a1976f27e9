import { z } from "zod";
import { batchInputFields, progressCallbackSchema } from "../../batch/batch-input-fields";
import { defineBatch } from "../../batch/define-batch";
import type { RemitEvent } from "../../events/remit-event";
import type { Delivery } from "../delivery";
import type { Invoice } from "../invoice";
import { sendInvoice, sendInvoiceInputSchema } from "./send-invoice";

/**
 * What one invoice of `sendMany` gives: the same as `send`.
 * @group Invoices
 */
export type SentInvoice = { invoice: Invoice; deliveries: Delivery[]; events: RemitEvent[] };

export const sendInvoicesInputSchema = z.object({
  ...batchInputFields,
  channels: sendInvoiceInputSchema.shape.channels,
  at: sendInvoiceInputSchema.shape.at,
  onProgress: progressCallbackSchema<SentInvoice>(),
});

export type SendInvoicesInput = z.input<typeof sendInvoicesInputSchema>;

/**
 * "Send selected": sends many issued invoices on the same channels, each in its own transaction
 * with a key derived from `batchKey`. A send may repeat (a reminder), so only this batch's own
 * earlier run counts as done (`skipped`, `already_done_in_batch`): a retried batch sends nothing
 * twice. A missing contact or an opted-out recipient refuses that invoice only.
 */
export const sendInvoices = defineBatch(
  { move: "send invoices", actors: ["user"], input: sendInvoicesInputSchema },
  (deps, context, input, item) =>
    sendInvoice(deps, context, {
      id: item.id,
      idempotencyKey: item.idempotencyKey,
      channels: input.channels,
      ...(input.at ? { at: input.at } : {}),
    }) as Promise<SentInvoice>,
);
