import type { Invoice, Remit } from "@remit/core";
import { renderInvoicePdf } from "@remit/pdf";

/**
 * An invoice's PDF as an HTTP response: with its tenant's name and contacts, and the work order's
 * site when it came from one. `attachment` makes browsers download it rather than show it.
 */
export async function renderInvoicePdfFor(
  remit: Remit,
  invoice: Invoice,
  disposition: "inline" | "attachment",
): Promise<Response> {
  const ctx = { tenantId: invoice.tenantId, actor: { type: "system" as const } };
  const [tenant, workOrder] = await Promise.all([
    remit.tenants.get(ctx),
    invoice.workOrderId ? remit.workOrders.get(ctx, { id: invoice.workOrderId }) : undefined,
  ]);
  const pdf = await renderInvoicePdf({ invoice, tenant, site: workOrder?.site ?? null });
  const name = `${(invoice.number ?? `draft-${invoice.id}`).replace(/[^\w.-]+/g, "-")}.pdf`;
  return new Response(pdf, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${disposition}; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
