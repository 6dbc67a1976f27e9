import { z } from "zod";
import { DeliveryError } from "../../errors/delivery-error";
import { defineMove } from "../../service/internal/define-move";
import { insertOutboxJob } from "../../service/internal/new-outbox-job";
import type { MoveScope } from "../../service/internal/run-move";
import type { Delivery, DeliveryPurpose } from "../delivery";
import type { DeliverySubject } from "../internal/delivery-subject";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import { loadInvoiceForMove, saveInvoice } from "../internal/load-invoice-for-move";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  instantSchema,
  recordIdSchema,
} from "../internal/move-input-fields";
import type { Invoice } from "../invoice";

export const deliveryChannelSchema = z.enum(["email", "sms"]);

/** @group Invoices */
export const sendInvoiceInputSchema = z.object({
  id: recordIdSchema,
  channels: z
    .array(deliveryChannelSchema)
    .min(1, "choose at least one channel")
    .max(2)
    .refine((channels) => new Set(channels).size === channels.length, "each channel at most once"),
  /** Send later: the instant to send at. Omit to send now (by the outbox worker, right away). */
  at: instantSchema.optional(),
  expectedVersion: expectedVersionSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Invoices @interface */
export type SendInvoiceInput = z.input<typeof sendInvoiceInputSchema>;

/**
 * Checks every channel, then stores one delivery per channel and a job that sends it at `at`.
 * Refuses the whole send, storing nothing, when a channel has no contact or the recipient opted out.
 */
export function queueDeliveries(
  scope: MoveScope,
  invoice: Invoice,
  options: QueueDeliveriesOptions,
): Promise<Delivery[]> {
  return queueDeliveriesFor(scope, { invoice }, options);
}

type QueueDeliveriesOptions = {
  channels: readonly ("email" | "sms")[];
  at: string;
  purpose: DeliveryPurpose;
  sourceId: string;
  /** The credit note a `credit_note` delivery sends. */
  creditNoteId?: string;
};

/** {@link queueDeliveries} for an invoice or a quote (`quotes.send`). */
export async function queueDeliveriesFor(
  scope: MoveScope,
  subject: DeliverySubject,
  options: QueueDeliveriesOptions,
): Promise<Delivery[]> {
  const snapshot = subject.quote ? subject.quote.customer : subject.invoice.customer;
  const customer =
    snapshot === null ? undefined : await scope.transaction.customers.get({ id: snapshot.id });
  const recipients = options.channels.map((channel) => {
    const recipient =
      channel === "email"
        ? (customer?.email ?? snapshot?.email)
        : (customer?.phone ?? snapshot?.phone);
    if (!recipient) throw new DeliveryError({ code: "missing_contact", channel });
    if (customer?.optedOut.includes(channel))
      throw new DeliveryError({ code: "recipient_opted_out", channel });
    return { channel, recipient };
  });
  const record = subject.quote ?? subject.invoice;
  const deliveries: Delivery[] = [];
  for (const { channel, recipient } of recipients) {
    const delivery: Delivery = {
      tenantId: record.tenantId,
      id: scope.deps.ids.newId("dlv"),
      invoiceId: subject.invoice?.id ?? null,
      quoteId: subject.quote?.id ?? null,
      purpose: options.purpose,
      creditNoteId: options.creditNoteId ?? null,
      channel,
      recipient,
      status: options.at > scope.now ? "scheduled" : "queued",
      providerStatus: null,
      providerMessageId: null,
      reason: null,
      sourceId: options.sourceId,
      scheduledFor: options.at,
      attempts: 0,
      createdAt: scope.now,
      updatedAt: scope.now,
    };
    if (!(await scope.transaction.deliveries.insert({ record: delivery }))) continue;
    deliveries.push(delivery);
    await insertOutboxJob(scope, {
      kind: "delivery",
      runAt: options.at,
      payload: subject.quote
        ? { quoteId: subject.quote.id, deliveryId: delivery.id }
        : { invoiceId: record.id, deliveryId: delivery.id },
    });
  }
  return deliveries;
}

/** Send inside a move (also the second half of "save & send"). */
export async function sendInvoiceInScope(
  scope: MoveScope,
  input: z.output<typeof sendInvoiceInputSchema>,
) {
  const previous = await loadInvoiceForMove(scope, input, "send", ["pending_payment", "past_due"]);
  const invoice = await saveInvoice(scope, previous, previous);
  const at = input.at !== undefined && input.at > scope.now ? input.at : scope.now;
  const event = scope.emit(
    "invoice.sent",
    invoiceSubject(invoice),
    invoiceEventData(invoice, previous.status, { channels: input.channels, at }),
  );
  const deliveries = await queueDeliveries(scope, invoice, {
    channels: input.channels,
    at,
    purpose: "invoice",
    sourceId: event.id,
  });
  event.data.deliveryIds = deliveries.map((delivery) => delivery.id);
  return { invoice, deliveries };
}

/**
 * `remit.invoices.send`: by email and/or SMS, now or at a set time; can repeat. The messages go out
 * from the outbox worker, never inside this call. Emits `invoice.sent`.
 */
export const sendInvoice = defineMove(
  { move: "send", actors: ["user"], input: sendInvoiceInputSchema },
  (scope, input) => sendInvoiceInScope(scope, input),
);
