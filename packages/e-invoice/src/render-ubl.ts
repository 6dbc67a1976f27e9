import { toEn16931Invoice } from "./internal/to-en16931-invoice";
import { writeUbl } from "./internal/write-ubl";
import type { RenderEInvoiceInput } from "./render-e-invoice-input";

/**
 * An issued invoice as an EN 16931 e-invoice in UBL 2.1: an `Invoice` (type code 380), or a
 * `CreditNote` (381) with `documentType: "credit_note"`. Every figure is `calculateInvoice`'s:
 * lines with their discounts, fees as document-level charges, the VAT breakdown per category and
 * rate, and the totals, which equal the invoice's (and its PDF's) to the cent.
 *
 * @example
 * ```ts
 * import { renderUbl } from "@remit/e-invoice";
 *
 * const { invoice } = await remit.invoices.get(ctx, { id });
 * const tenant = await remit.tenants.get(ctx);
 * const xml = renderUbl({ invoice, tenant }); // string, UTF-8 XML
 * ```
 *
 * @throws EInvoiceError (`e_invoice_refused`) naming every missing field or setting, when the
 * invoice lacks data EN 16931 requires or its math differs from the norm's (see the guide).
 * @throws ValidationError when the input is not an invoice and tenant of the expected shape.
 */
export function renderUbl(input: RenderEInvoiceInput): string {
  return writeUbl(toEn16931Invoice(input));
}
