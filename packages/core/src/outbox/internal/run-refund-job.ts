import { RemitError } from "../../errors/remit-error";
import { resolveRefund } from "../../invoices/moves/refund-payment";
import type { RemitDependencies } from "../../service/remit-dependencies";
import type { OutboxJob } from "../outbox-job";
import type { JobOutcome } from "./run-event-job";

/**
 * Asks the payment provider to move a pending refund, with the refund's id as its idempotency key
 * (a retry after a crash cannot refund twice), and records the answer as a provider move.
 */
export async function runRefundJob(deps: RemitDependencies, job: OutboxJob): Promise<JobOutcome> {
  const refundId = String(job.payload.refundId);
  const found = await deps.store.transaction({
    tenantId: job.tenantId,
    work: async (transaction) => {
      const refund = await transaction.refunds.get({ id: refundId });
      const payment = refund ? await transaction.payments.get({ id: refund.paymentId }) : undefined;
      const tenant = await transaction.tenants.get();
      return refund && payment ? { refund, payment, tenant } : undefined;
    },
  });
  if (
    found?.refund.status !== "pending" ||
    found.refund.provider === null ||
    found.refund.invoiceId === null
  )
    return { ok: true };
  const provider = deps.payments[found.refund.provider];
  if (!provider?.refund)
    return {
      ok: false,
      error: `no provider "${found.refund.provider}" can refund`,
      retryable: false,
    };
  const context = {
    tenantId: job.tenantId,
    actor: { type: "provider" as const, name: provider.name },
  };
  let status: "succeeded" | "failed" | "pending";
  let providerRefundId: string | undefined;
  try {
    const result = await provider.refund({
      refund: found.refund,
      providerPaymentReference: found.payment.reference ?? "",
      ...(found.tenant ? { tenant: found.tenant } : {}),
    });
    status = result.status;
    providerRefundId = result.providerRefundId;
  } catch (error) {
    if (RemitError.isInstance(error) && !error.retryable) status = "failed";
    else
      return {
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        retryable: true,
      };
  }
  // A pending answer waits for the provider's webhook to resolve it.
  if (status === "pending") return { ok: true };
  await resolveRefund(deps, context, {
    id: found.refund.invoiceId,
    refundId,
    status,
    ...(providerRefundId ? { providerRefundId } : {}),
    idempotencyKey: `resolve-refund:${refundId}`,
  });
  return { ok: true };
}
