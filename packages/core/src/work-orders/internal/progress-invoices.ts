import type { Invoice, InvoiceProgress } from "../../invoices/invoice";
import type { MoveScope } from "../../service/internal/run-move";

/** A live (not cancelled) invoice of progress billing, with its `progress`. */
export type ProgressInvoice = Invoice & { progress: InvoiceProgress };

/** Every invoice made from the work order, cancelled ones too, oldest stage first. */
export async function listWorkOrderInvoices(
  scope: Pick<MoveScope, "transaction">,
  workOrderId: string,
): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  let cursor: string | undefined;
  do {
    const page = await scope.transaction.invoices.list({
      filter: { workOrderId },
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    invoices.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return invoices.sort((a, b) => (a.progress?.stage ?? 0) - (b.progress?.stage ?? 0));
}

/** The live progress invoices (stages and retainage) among a work order's invoices. */
export function liveProgressInvoices(invoices: readonly Invoice[]): ProgressInvoice[] {
  return invoices.filter(
    (invoice): invoice is ProgressInvoice =>
      invoice.progress !== null && invoice.status !== "cancelled",
  );
}
