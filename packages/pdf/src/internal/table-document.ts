import PDFDocument from "pdfkit";
import { colors, fonts } from "./invoice-drawing";

/** A column of a document's table: its heading, share of the width, and alignment. */
export type TableColumn = { title: string; width: number; align?: "left" | "right" };

/** A table with an optional heading above it. */
export type TableSection = { heading?: string; columns: TableColumn[]; rows: string[][] };

/**
 * What a statement or credit note prints, already formatted: the same layout as the invoice
 * (contractor top left, title and facts top right, the customer below, a table, then a summary
 * column of label and amount) without the invoice's own parts.
 */
export type TableDocument = {
  title: string;
  author: string;
  /** A fixed instant from the record, so the same record gives the same bytes. */
  date: Date;
  locale: string;
  pageSize: "A4" | "LETTER";
  fonts: { regular: Uint8Array; bold: Uint8Array };
  from: string[];
  facts: [string, string][];
  toHeading: string;
  to: string[];
  sections: TableSection[];
  summary: { label: string; value: string; strong?: boolean }[];
  note?: string;
  pageLabel: string;
};

function collectBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("error", reject);
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

/** Draws a {@link TableDocument}; long tables continue on new pages under their header row. */
export function renderTableDocument(spec: TableDocument): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({
    size: spec.pageSize,
    margin: 50,
    bufferPages: true,
    font: null as unknown as string,
    lang: spec.locale,
    info: { Title: spec.title, Author: spec.author, CreationDate: spec.date },
  });
  const bytes = collectBytes(doc);
  doc.registerFont(fonts.regular, Buffer.from(spec.fonts.regular));
  doc.registerFont(fonts.bold, Buffer.from(spec.fonts.bold));
  const { margins } = doc.page;
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const rule = (y: number, color = colors.rule) =>
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.75)
      .strokeColor(color)
      .stroke();

  // Header: contractor on the left, title and facts on the right.
  let leftY = margins.top;
  doc.font(fonts.bold).fontSize(14).fillColor(colors.text);
  const [name, ...contacts] = spec.from;
  doc.text(name ?? "", left, leftY, { width: width / 2 });
  leftY = doc.y + 2;
  doc.font(fonts.regular).fontSize(9).fillColor(colors.muted);
  for (const line of contacts) {
    doc.text(line, left, leftY, { width: width / 2 });
    leftY = doc.y;
  }
  const rightX = left + width / 2;
  let rightY = margins.top;
  doc.font(fonts.bold).fontSize(18).fillColor(colors.accent);
  doc.text(spec.title, rightX, rightY, { width: width / 2, align: "right" });
  rightY = doc.y + 4;
  doc.fontSize(9);
  // Label and value side by side, both flush right within their half of the right column.
  const half = width / 4;
  for (const [label, value] of spec.facts) {
    doc.font(fonts.regular).fillColor(colors.muted);
    doc.text(label, rightX, rightY, { width: half - 8, align: "right" });
    const labelBottom = doc.y;
    doc.font(fonts.bold).fillColor(colors.text);
    doc.text(value, rightX + half, rightY, { width: half, align: "right" });
    rightY = Math.max(labelBottom, doc.y) + 1;
  }
  let y = Math.max(leftY, rightY) + 18;
  doc.font(fonts.bold).fontSize(8.5).fillColor(colors.muted).text(spec.toHeading, left, y);
  y = doc.y + 2;
  doc.font(fonts.regular).fontSize(10).fillColor(colors.text);
  for (const line of spec.to) {
    doc.text(line, left, y, { width: width / 2 });
    y = doc.y;
  }
  y += 18;

  for (const section of spec.sections) y = drawSection(section, y);

  // Summary: label and value, right-aligned under the tables.
  const summaryX = left + width * 0.45;
  const summaryWidth = width * 0.55;
  for (const row of spec.summary) {
    if (y + 16 > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    if (row.strong) rule(y - 3, colors.text);
    doc.font(row.strong ? fonts.bold : fonts.regular).fontSize(row.strong ? 11 : 9.5);
    doc.fillColor(row.strong ? colors.text : colors.muted);
    doc.text(row.label, summaryX, y, { width: summaryWidth * 0.6 });
    doc.fillColor(colors.text).text(row.value, summaryX + summaryWidth * 0.6, y, {
      width: summaryWidth * 0.4,
      align: "right",
    });
    y += row.strong ? 18 : 15;
  }
  if (spec.note) {
    y += 12;
    if (y + 30 > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.font(fonts.regular).fontSize(9).fillColor(colors.muted).text(spec.note, left, y, { width });
  }

  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const text = spec.pageLabel
      .replace("{page}", String(index + 1))
      .replace("{pages}", String(range.count));
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor(colors.muted)
      .text(text, left, doc.page.height - margin / 2 - 4, { width, align: "center" });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return bytes;

  function drawSection(section: TableSection, top: number): number {
    const total = section.columns.reduce((sum, column) => sum + column.width, 0);
    const xs: number[] = [];
    let x = left;
    for (const column of section.columns) {
      xs.push(x);
      x += (column.width / total) * width;
    }
    const widthOf = (index: number) => ((section.columns[index]?.width ?? 0) / total) * width - 6;
    const headerRow = (at: number) => {
      doc.font(fonts.bold).fontSize(8.5).fillColor(colors.muted);
      section.columns.forEach((column, index) => {
        doc.text(column.title, xs[index] ?? left, at, {
          width: widthOf(index),
          align: column.align ?? "left",
        });
      });
      const below = at + doc.heightOfString("Ag") + 4;
      rule(below, colors.text);
      return below + 6;
    };
    let at = top;
    if (section.heading) {
      doc.font(fonts.bold).fontSize(10).fillColor(colors.text).text(section.heading, left, at);
      at = doc.y + 6;
    }
    at = headerRow(at);
    doc.font(fonts.regular).fontSize(9.5).fillColor(colors.text);
    for (const row of section.rows) {
      const height = Math.max(
        ...row.map((cell, index) => doc.heightOfString(cell, { width: widthOf(index) })),
      );
      if (at + height > bottom()) {
        doc.addPage();
        at = headerRow(doc.page.margins.top);
        doc.font(fonts.regular).fontSize(9.5).fillColor(colors.text);
      }
      row.forEach((cell, index) => {
        doc.text(cell, xs[index] ?? left, at, {
          width: widthOf(index),
          align: section.columns[index]?.align ?? "left",
        });
      });
      at += height + 5;
      rule(at - 2.5);
    }
    return at + 16;
  }
}
