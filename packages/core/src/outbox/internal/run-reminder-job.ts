import { DeliveryError } from "../../errors/delivery-error";
import { queueDeliveries } from "../../invoices/moves/send-invoice";
import { runMove } from "../../service/internal/run-move";
import type { RemitDependencies } from "../../service/remit-dependencies";
import type { OutboxJob } from "../outbox-job";
import type { JobOutcome } from "./run-event-job";

/** A reminder rule came due: queue reminder deliveries if the invoice is still unpaid. */
export async function runReminderJob(deps: RemitDependencies, job: OutboxJob): Promise<JobOutcome> {
  const context = { tenantId: job.tenantId, actor: { type: "system" } as const };
  await runMove(
    deps,
    context,
    { move: "send reminder", actors: ["system"], args: {} },
    async (scope) => {
      const invoice = await scope.transaction.invoices.get({ id: String(job.payload.invoiceId) });
      if (!invoice || (invoice.status !== "pending_payment" && invoice.status !== "past_due"))
        return {};
      const channels = (job.payload.channels as ("email" | "sms")[]) ?? [];
      for (const channel of channels) {
        try {
          await queueDeliveries(scope, invoice, {
            channels: [channel],
            at: scope.now,
            purpose: "reminder",
            sourceId: job.id,
          });
        } catch (error) {
          // A reminder on a channel without a contact is skipped, not retried for ever.
          if (!(error instanceof DeliveryError)) throw error;
        }
      }
      return {};
    },
  );
  return { ok: true };
}
