import type { CreditNote, Invoice, Remit } from "@remit/core";
import { renderCreditNotePdf, renderInvoicePdf } from "@remit/pdf";

/**
 * An invoice's PDF: with its tenant's name and contacts, and the work order's site when it came
 * from one. The hosted page offers these bytes; attach the same ones to emails.
 *
 * @example
 * ```ts
 * createSmtpEmail({ transport, from, renderPdf: ({ invoice }) => renderInvoicePdfBytes(remit, invoice) });
 * ```
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
 * The PDF a message carries: the credit note's on a credit-note message, else the invoice's.
 * Fits `createSmtpEmail`'s `renderPdf` as it is.
 *
 * @example
 * ```ts
 * createSmtpEmail({ transport, from, renderPdf: (about) => renderMessagePdfBytes(remit, about) });
 * ```
 * @since 0.3.0
 */
export async function renderMessagePdfBytes(
  remit: Remit,
  about: { invoice: Invoice; creditNote?: CreditNote | undefined },
): Promise<Uint8Array<ArrayBuffer>> {
  if (!about.creditNote) return renderInvoicePdfBytes(remit, about.invoice);
  const ctx = { tenantId: about.invoice.tenantId, actor: { type: "system" as const } };
  const tenant = await remit.tenants.get(ctx);
  return renderCreditNotePdf({ creditNote: about.creditNote, tenant });
}

/** An invoice's PDF as a download (`attachment`), named after its number. */
export async function invoicePdfResponse(
  remit: Remit,
  invoice: Invoice,
  headers: Record<string, string>,
): Promise<Response> {
  const pdf = await renderInvoicePdfBytes(remit, invoice);
  const name = `${(invoice.number ?? `draft-${invoice.id}`).replace(/[^\w.-]+/g, "-")}.pdf`;
  return new Response(pdf, {
    headers: {
      ...headers,
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
}
