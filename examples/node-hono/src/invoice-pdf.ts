import type { Invoice, Remit } from "@remit/core";
import { renderInvoicePdf } from "@remit/pdf";

/**
 * An invoice's PDF: with its tenant's name and contacts, and the work order's site when it came
 * from one. The same bytes the hosted page offers are attached to emails.
 */
export async function renderInvoicePdfBytes(
  remit: Remit,
  invoice: Invoice,
): Promise<Uint8Array<ArrayBuffer>> {
  const ctx = { tenantId: invoice.tenantId, actor: { type: "system" as const } };
  const [tenant, workOrder] = await Promise.all([
    remit.tenants.get(ctx),
    invoice.workOrderId ? remit.workOrders.get(ctx, { id: invoice.workOrderId }) : undefined,
  ]);
  return renderInvoicePdf({ invoice, tenant, site: workOrder?.site ?? null });
}

/**
 * An invoice's PDF as an HTTP response. `attachment` makes browsers download it rather than show
 * it.
 */
export async function renderInvoicePdfFor(
  remit: Remit,
  invoice: Invoice,
  disposition: "inline" | "attachment",
): Promise<Response> {
  const pdf = await renderInvoicePdfBytes(remit, invoice);
  const name = `${(invoice.number ?? `draft-${invoice.id}`).replace(/[^\w.-]+/g, "-")}.pdf`;
  return new Response(pdf, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${disposition}; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
