import { type RenderInvoicePdfInput, renderInvoicePdf } from "@remit/pdf";
import { facturXXmp } from "./internal/factur-x-xmp";
import { toEn16931Invoice } from "./internal/to-en16931-invoice";
import { writeCii } from "./internal/write-cii";
import type { RenderEInvoiceInput } from "./render-e-invoice-input";

/** The name Factur-X (and ZUGFeRD 2.x) gives the embedded CII file. */
export const facturXFileName = "factur-x.xml";

/** The input of {@link renderFacturX}: an e-invoice's input plus the PDF's own options. */
export type RenderFacturXInput = RenderEInvoiceInput & {
  /**
   * What `renderInvoicePdf` (`@remit/pdf`) takes besides the invoice and tenant: `locale`,
   * `labels`, `pageSize`, `fonts`. The `site` of the e-invoice is printed too.
   */
  pdf?: Omit<RenderInvoicePdfInput, "invoice" | "tenant" | "site" | "archive">;
  /** The invoice as the PDF takes it, when it carries more than the e-invoice needs (a stored invoice does). */
  invoice: RenderEInvoiceInput["invoice"] & Pick<RenderInvoicePdfInput, "invoice">["invoice"];
};

/**
 * A Factur-X / ZUGFeRD invoice in the EN 16931 profile: the PDF of `@remit/pdf` as a PDF/A-3b with
 * the CII e-invoice embedded as `factur-x.xml` (an associated file with `AFRelationship`
 * `Alternative`), and the Factur-X XMP metadata with its PDF/A extension schema. The PDF and the
 * XML are made from the same invoice, so their totals agree to the cent.
 *
 * @example
 * ```ts
 * import { renderFacturX } from "@remit/e-invoice";
 *
 * const { invoice } = await remit.invoices.get(ctx, { id });
 * const tenant = await remit.tenants.get(ctx);
 * const pdf = await renderFacturX({ invoice, tenant, pdf: { locale: "de-DE" } }); // Uint8Array
 * ```
 *
 * @throws EInvoiceError (`e_invoice_refused`) as `renderCii` does: no PDF is made without its XML.
 */
export async function renderFacturX(input: RenderFacturXInput): Promise<Uint8Array<ArrayBuffer>> {
  const xml = writeCii(toEn16931Invoice(input));
  return renderInvoicePdf({
    ...input.pdf,
    invoice: input.invoice,
    tenant: input.tenant,
    ...(input.site === undefined ? {} : { site: input.site }),
    archive: {
      conformance: "PDF/A-3b",
      attachments: [
        {
          name: facturXFileName,
          data: new TextEncoder().encode(xml),
          mimeType: "text/xml",
          description: "Factur-X invoice (EN 16931)",
          relationship: "Alternative",
        },
      ],
      xmp: facturXXmp(facturXFileName),
    },
  });
}
