/**
 * `@remit/e-invoice`: EN 16931 e-invoices from Remit invoices, with the very figures of
 * `calculateInvoice`: UBL 2.1 (`renderUbl`), UN/CEFACT CII D16B (`renderCii`) and Factur-X /
 * ZUGFeRD PDFs in the EN 16931 profile (`renderFacturX`).
 *
 * @example
 * ```ts
 * import { findEInvoiceIssues, renderCii, renderUbl } from "@remit/e-invoice";
 *
 * const { invoice } = await remit.invoices.get(ctx, { id });
 * const tenant = await remit.tenants.get(ctx);
 * const issues = findEInvoiceIssues({ invoice, tenant }); // [] when the invoice can be sent
 * const ubl = renderUbl({ invoice, tenant });
 * const cii = renderCii({ invoice, tenant });
 * ```
 *
 * @module
 */
export { EInvoiceError, type EInvoiceIssue } from "./e-invoice-error";
export { findEInvoiceIssues } from "./find-e-invoice-issues";
export { renderCii } from "./render-cii";
export {
  type EInvoiceInvoice,
  type EInvoiceTenant,
  type RenderEInvoiceInput,
  renderEInvoiceInputSchema,
} from "./render-e-invoice-input";
export { facturXFileName, type RenderFacturXInput, renderFacturX } from "./render-factur-x";
export { renderUbl } from "./render-ubl";
