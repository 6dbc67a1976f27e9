import { ValidationError } from "@remit/core";
import PDFDocument from "pdfkit";
import { createFormatters } from "./internal/create-formatters";
import { drawInvoiceHeader } from "./internal/draw-invoice-header";
import { drawLineTable } from "./internal/draw-line-table";
import { drawTotals } from "./internal/draw-totals";
import { colors, fonts, type InvoiceDrawing } from "./internal/invoice-drawing";
import { type InvoiceFonts, loadBundledFonts } from "./internal/load-fonts";
import { createGlyphCheck, type GlyphCheck } from "./internal/printable-text";
import { toValidationError } from "./internal/to-validation-error";
import { defaultInvoicePdfLabels, type InvoicePdfLabels } from "./invoice-pdf-labels";
import {
  type RenderInvoicePdfInput,
  renderInvoicePdfInputSchema,
} from "./render-invoice-pdf-input-schema";

const letterRegions = new Set(["US", "CA", "MX", "PH"]);

function glyphCheckOf(regular: Uint8Array): GlyphCheck {
  try {
    return createGlyphCheck(regular);
  } catch (error) {
    throw new ValidationError({
      cause: error,
      issues: [{ path: "fonts.regular", message: "is not a TrueType or OpenType font" }],
    });
  }
}

function collectBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("error", reject);
    // A plain Uint8Array over its own ArrayBuffer: usable as a fetch Response body as it is.
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

function drawPageNumbers(drawing: InvoiceDrawing): void {
  const { doc, labels, left, width } = drawing;
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    const bottom = doc.page.margins.bottom;
    // Text below the bottom margin would start a new page; lift the margin while writing the footer.
    doc.page.margins.bottom = 0;
    const text = labels.page
      .replace("{page}", String(index + 1))
      .replace("{pages}", String(range.count));
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor(colors.muted)
      .text(text, left, doc.page.height - bottom / 2 - 4, { width, align: "center" });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Renders an invoice as a PDF: the contractor's name and contacts, the customer and billing address
 * (and the service site, if given), number, issue and due dates, the lines, discounts, fees, taxes
 * per rate, total, amount paid and due, terms and memo. Amounts are formatted with `formatMoney`
 * in the invoice's currency, and the text is set in an embedded Unicode font (DejaVu Sans, subset),
 * so ₹, ₩, ₫, € and the rest print in any PDF viewer. The output is the same bytes for the same input.
 *
 * @example
 * ```ts
 * import { renderInvoicePdf } from "@remit/pdf";
 *
 * const { invoice } = await remit.invoices.get(ctx, { id });
 * const tenant = await remit.tenants.get(ctx);
 * const pdf = await renderInvoicePdf({ invoice, tenant }); // Uint8Array
 * ```
 *
 * @throws ValidationError when the input is not an invoice and tenant of the expected shape.
 */
export async function renderInvoicePdf(
  rawInput: RenderInvoicePdfInput,
): Promise<Uint8Array<ArrayBuffer>> {
  const result = renderInvoicePdfInputSchema.safeParse(rawInput);
  if (!result.success) throw toValidationError(result.error);
  const input = result.data;
  const embedded: InvoiceFonts = input.fonts
    ? { regular: input.fonts.regular, bold: input.fonts.bold ?? input.fonts.regular }
    : await loadBundledFonts();
  const glyphs = glyphCheckOf(embedded.regular);
  const locale = input.locale ?? input.tenant.locale ?? "en-US";
  const labels: InvoicePdfLabels = {
    ...defaultInvoicePdfLabels,
    ...Object.fromEntries(Object.entries(input.labels ?? {}).filter(([, text]) => text)),
  };
  const region = new Intl.Locale(locale).maximize().region ?? "";
  const { invoice, tenant } = input;
  const title = `${labels.invoice} ${invoice.number ?? ""}`.trim();

  const { archive } = input;
  // A fixed date from the invoice, so the same invoice gives the same bytes.
  const date = new Date(invoice.issuedAt ?? invoice.updatedAt);
  const doc = new PDFDocument({
    ...(archive ? { subset: archive.conformance, pdfVersion: "1.7" as const } : {}),
    size: input.pageSize ?? (letterRegions.has(region) ? "LETTER" : "A4"),
    margin: 50,
    bufferPages: true,
    // No default font: nothing but the embedded Unicode font is ever used.
    font: null as unknown as string,
    lang: locale,
    info: {
      Title: title,
      Author: tenant.name,
      CreationDate: date,
    },
  });
  const bytes = collectBytes(doc);
  doc.registerFont(fonts.regular, Buffer.from(embedded.regular));
  doc.registerFont(fonts.bold, Buffer.from(embedded.bold));
  doc.font(fonts.regular);

  const { margins } = doc.page;
  const drawing: InvoiceDrawing = {
    doc,
    input,
    labels,
    format: createFormatters({ locale, currency: invoice.currency, labels, glyphs }),
    left: margins.left,
    width: doc.page.width - margins.left - margins.right,
  };
  let y = drawInvoiceHeader(drawing, margins.top);
  y = drawLineTable(drawing, y);
  drawTotals(drawing, y);
  drawPageNumbers(drawing);
  if (archive) {
    for (const attachment of archive.attachments) {
      doc.file(Buffer.from(attachment.data), {
        name: attachment.name,
        type: attachment.mimeType,
        ...(attachment.description ? { description: attachment.description } : {}),
        creationDate: date,
        modifiedDate: date,
        // pdfkit writes it as the file specification's /AFRelationship (its types lag behind).
        relationship: attachment.relationship,
      } as PDFKit.Mixins.PDFAttachmentOptions);
    }
    if (archive.xmp) doc.appendXML(archive.xmp);
  }
  doc.end();
  return bytes;
}
