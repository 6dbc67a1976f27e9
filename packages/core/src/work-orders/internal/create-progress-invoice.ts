import type { Invoice, InvoiceProgress } from "../../invoices/invoice";
import { createInvoiceInScope } from "../../invoices/moves/create-invoice";
import { issueInvoiceInScope } from "../../invoices/moves/issue-invoice";
import { submitInvoiceInScope } from "../../invoices/moves/simple-moves";
import type { MoveScope } from "../../service/internal/run-move";
import type { StoredTaxRate, WorkOrder } from "../work-order";

/** One line of a progress invoice: a share of a contract line, billed as quantity 1. */
export type ProgressInvoiceLine = {
  id: string;
  kind: "labor" | "material" | "service" | "other";
  description: string;
  amount: string;
  taxRateIds: string[];
};

/**
 * Creates a progress invoice (a stage or the retainage) for a work order and, in the same
 * transaction, submits it for review or issues it where the tenant needs no review: the same
 * status a work order's review & submit gives. Emits `invoice.created` and the next move's event.
 */
export async function createProgressInvoice(
  scope: MoveScope,
  workOrder: WorkOrder,
  parts: {
    lines: ProgressInvoiceLine[];
    taxRates: StoredTaxRate[];
    progress: InvoiceProgress;
    memo: string;
  },
): Promise<Invoice> {
  const created = await createInvoiceInScope(
    scope,
    {
      currency: workOrder.currency,
      customerId: workOrder.customer.id,
      terms: workOrder.terms,
      lines: parts.lines.map((line) => ({
        id: line.id,
        kind: line.kind,
        description: line.description,
        quantity: "1",
        unitPrice: line.amount,
        taxRateIds: line.taxRateIds,
      })),
      taxRates: parts.taxRates,
      memo: parts.memo,
    },
    {
      workOrderId: workOrder.id,
      ...(workOrder.quoteId ? { quoteId: workOrder.quoteId } : {}),
      progress: parts.progress,
    },
  );
  return scope.tenant.requireReview
    ? await submitInvoiceInScope(scope, { id: created.id })
    : await issueInvoiceInScope(scope, { id: created.id }, { invoice: created, stored: true });
}
