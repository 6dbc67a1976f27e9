import type { MoveScope } from "../../service/internal/run-move";

/**
 * Cancels an invoice's deliveries that have not gone out (`scheduled`, `queued`) and its pending
 * send and reminder jobs: a paid or cancelled invoice is never chased. Receipts and credit notes
 * are records of money already moved, not requests for it: they are kept.
 */
export async function cancelPendingDeliveries(
  scope: MoveScope,
  invoiceId: string,
  reason: string,
): Promise<void> {
  const deliveries = await scope.transaction.deliveries.listByInvoice({ invoiceId });
  for (const delivery of deliveries) {
    if (delivery.purpose === "receipt" || delivery.purpose === "credit_note") continue;
    if (delivery.status !== "scheduled" && delivery.status !== "queued") continue;
    if (delivery.attempts > 0) continue; // already handed to a provider: its outcome decides
    await scope.transaction.deliveries.update({
      record: {
        ...delivery,
        status: "cancelled",
        reason,
        updatedAt: scope.now,
      },
    });
  }
  await scope.transaction.jobs.cancelPendingForInvoice({ invoiceId, kinds: ["reminder"] });
}
