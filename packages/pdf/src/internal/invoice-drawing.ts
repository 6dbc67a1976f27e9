import type { InvoicePdfLabels } from "../invoice-pdf-labels";
import type { ParsedRenderInvoicePdfInput } from "../render-invoice-pdf-input-schema";
import type { Formatters } from "./create-formatters";

/** Everything the drawing steps share: the document, the invoice and how to write its figures. */
export type InvoiceDrawing = {
  doc: PDFKit.PDFDocument;
  input: ParsedRenderInvoicePdfInput;
  labels: InvoicePdfLabels;
  format: Formatters;
  /** The printable area's left edge and width. */
  left: number;
  width: number;
};

export const colors = { text: "#1d2733", muted: "#5b6775", rule: "#c9d1da", accent: "#0b5cad" };
export const fonts = { regular: "InvoiceRegular", bold: "InvoiceBold" } as const;

/** The lowest y a row may reach on a page. */
export function bottomOf(drawing: InvoiceDrawing): number {
  return drawing.doc.page.height - drawing.doc.page.margins.bottom;
}

/**
 * Starts a new page when `height` more points do not fit below `y`; returns where to draw next.
 * `onNewPage` draws what each page repeats (a table's header row) and returns the y after it.
 */
export function ensureSpace(
  drawing: InvoiceDrawing,
  y: number,
  height: number,
  onNewPage?: (y: number) => number,
): number {
  if (y + height <= bottomOf(drawing)) return y;
  drawing.doc.addPage();
  const top = drawing.doc.page.margins.top;
  return onNewPage ? onNewPage(top) : top;
}

/** A horizontal rule across the printable width. */
export function drawRule(drawing: InvoiceDrawing, y: number, color = colors.rule): void {
  drawing.doc
    .moveTo(drawing.left, y)
    .lineTo(drawing.left + drawing.width, y)
    .lineWidth(0.75)
    .strokeColor(color)
    .stroke();
}

/** An address as printed lines: street, city line, country. */
export function addressLines(
  address: NonNullable<ParsedRenderInvoicePdfInput["site"]> | null | undefined,
): string[] {
  if (!address) return [];
  const cityLine = [address.city, [address.region, address.postalCode].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return [address.line1, address.line2, cityLine, address.country].filter((line): line is string =>
    Boolean(line),
  );
}
