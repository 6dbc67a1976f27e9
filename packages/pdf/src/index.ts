/**
 * `@remit/pdf`: an invoice as a PDF, with an embedded Unicode font so that every currency prints.
 *
 * @example
 * ```ts
 * import { renderInvoicePdf } from "@remit/pdf";
 * import { writeFile } from "node:fs/promises";
 *
 * const { invoice } = await remit.invoices.get(ctx, { id: "inv_01J…" });
 * const tenant = await remit.tenants.get(ctx);
 * await writeFile("invoice.pdf", await renderInvoicePdf({ invoice, tenant, locale: "en-IN" }));
 * ```
 *
 * @module
 */
export { defaultInvoicePdfLabels, type InvoicePdfLabels } from "./invoice-pdf-labels";
export { invoiceStatusLabel } from "./invoice-status-label";
export {
  type InvoiceSummaryRow,
  type InvoiceSummarySource,
  invoiceSummaryRows,
} from "./invoice-summary-rows";
export {
  type CreditNotePdfLabels,
  defaultCreditNotePdfLabels,
  type RenderCreditNotePdfInput,
  renderCreditNotePdf,
  renderCreditNotePdfInputSchema,
} from "./render-credit-note-pdf";
export { renderInvoicePdf } from "./render-invoice-pdf";
export {
  invoicePdfInvoiceSchema,
  invoicePdfTenantSchema,
  pdfAttachmentSchema,
  type RenderInvoicePdfInput,
  renderInvoicePdfInputSchema,
} from "./render-invoice-pdf-input-schema";
export {
  defaultStatementPdfLabels,
  type RenderStatementPdfInput,
  renderStatementPdf,
  renderStatementPdfInputSchema,
  type StatementPdfLabels,
} from "./render-statement-pdf";
