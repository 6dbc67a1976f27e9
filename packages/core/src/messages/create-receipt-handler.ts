import { DeliveryError } from "../errors/delivery-error";
import type { EventHandler } from "../events/event-handlers";
import { queueDeliveries } from "../invoices/moves/send-invoice";
import { runMove } from "../service/internal/run-move";
import type { RemitDependencies } from "../service/remit-dependencies";

/**
 * Remit's own handler for `invoice.payment_recorded`: queues a receipt on each of the tenant's
 * `receiptChannels` the customer can be reached on. The event id is the deliveries' source, so a
 * handler run twice for one event still sends one receipt per channel.
 */
export function createReceiptHandler(deps: RemitDependencies): EventHandler {
  return async (event) => {
    const context = { tenantId: event.tenantId, actor: { type: "system" as const } };
    await runMove(
      deps,
      context,
      { move: "send receipt", actors: ["system"], args: {} },
      async (scope) => {
        const invoice = await scope.transaction.invoices.get({ id: event.subject.id });
        if (!invoice) return {};
        for (const channel of scope.tenant.receiptChannels) {
          try {
            await queueDeliveries(scope, invoice, {
              channels: [channel],
              at: scope.now,
              purpose: "receipt",
              sourceId: event.id,
            });
          } catch (error) {
            // No contact (or an opt-out) on a channel means no receipt there, not a failing handler.
            if (!(error instanceof DeliveryError)) throw error;
          }
        }
        return {};
      },
    );
  };
}
