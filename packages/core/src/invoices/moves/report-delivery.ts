import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { defineMove } from "../../service/internal/define-move";
import { textSchema } from "../../validation/text-schema";
import type { Delivery, DeliveryStatus } from "../delivery";
import {
  emitDeliveryUpdated,
  loadDeliverySubject,
  recordOptOut,
} from "../internal/delivery-subject";

// A delivery's status only moves forward; a late or repeated report never moves it back.
const rank: Record<DeliveryStatus, number> = {
  scheduled: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  failed: 3,
  cancelled: 3,
};

/** @group Invoices */
export const reportDeliveryInputSchema = z.object({
  /** The provider's message id, as returned by `SmsSender.send` / `EmailSender.send`. */
  providerMessageId: textSchema.min(1).max(255),
  status: z.enum(["queued", "sent", "delivered", "failed"]),
  /** The provider's own word (`undelivered`, `30007`), kept beside Remit's status. */
  providerStatus: textSchema.min(1).max(255),
  /** Why it failed, when it did (`recipient_opted_out`, an error code). */
  reason: textSchema.min(1).max(255).optional(),
});

/** @group Invoices @interface */
export type ReportDeliveryInput = z.input<typeof reportDeliveryInputSchema>;

/**
 * `remit.deliveries.report`: a provider's status report for a message (a Twilio status callback).
 * Moves the delivery forward only, appends `invoice.delivery_updated` (the invoice's version is
 * left alone), and on `recipient_opted_out` records the opt-out on the customer so the next send
 * on that channel is refused. A report for an unknown message is `not_found`.
 */
export const reportDelivery = defineMove(
  { move: "report delivery", actors: ["provider", "system"], input: reportDeliveryInputSchema },
  async (scope, input) => {
    const delivery = await scope.transaction.deliveries.findByProviderMessageId({
      providerMessageId: input.providerMessageId,
    });
    if (!delivery)
      throw new NotFoundError({
        resource: "delivery with provider message id",
        id: input.providerMessageId,
      });
    const subject = await loadDeliverySubject(scope, delivery, false);
    if (!subject)
      throw new NotFoundError({
        resource: delivery.quoteId ? "quote" : "invoice",
        id: delivery.quoteId ?? delivery.invoiceId ?? delivery.id,
      });
    const forward = rank[input.status] > rank[delivery.status];
    const next: Delivery = {
      ...delivery,
      ...(forward ? { status: input.status } : {}),
      providerStatus: input.providerStatus,
      reason: forward && input.reason !== undefined ? input.reason : delivery.reason,
      updatedAt: scope.now,
    };
    await scope.transaction.deliveries.update({ record: next });
    emitDeliveryUpdated(scope, subject, next);
    if (input.reason === "recipient_opted_out") await recordOptOut(scope, subject, next.channel);
    return { delivery: next };
  },
);
