import { toEn16931Invoice } from "./internal/to-en16931-invoice";
import { writeCii } from "./internal/write-cii";
import type { RenderEInvoiceInput } from "./render-e-invoice-input";

/**
 * An issued invoice as an EN 16931 e-invoice in UN/CEFACT Cross Industry Invoice (CII D16B), the
 * syntax of Factur-X and ZUGFeRD. The same figures as {@link renderUbl}.
 *
 * @example
 * ```ts
 * import { renderCii } from "@remit/e-invoice";
 *
 * const xml = renderCii({ invoice, tenant }); // string, UTF-8 XML
 * ```
 *
 * @throws EInvoiceError (`e_invoice_refused`) naming every missing field or setting.
 * @throws ValidationError when the input is not an invoice and tenant of the expected shape.
 */
export function renderCii(input: RenderEInvoiceInput): string {
  return writeCii(toEn16931Invoice(input));
}
