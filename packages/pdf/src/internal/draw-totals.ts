import { invoiceSummaryRows } from "../invoice-summary-rows";
import { colors, drawRule, ensureSpace, fonts, type InvoiceDrawing } from "./invoice-drawing";

type TotalRow = { label: string; amount: string; bold?: boolean; ruleAbove?: boolean };

/** The rows of the totals block: `invoiceSummaryRows`, the same rows the web pages show. */
function totalRows(drawing: InvoiceDrawing): TotalRow[] {
  const { input, labels, format } = drawing;
  return invoiceSummaryRows(input.invoice, { labels, percent: format.percent }).map((row) => ({
    label: format.text(row.label),
    amount: format.money(row.amount),
    bold: row.emphasis,
    ruleAbove: row.emphasis,
  }));
}

/** The totals block on the right, then the memo across the page. */
export function drawTotals(drawing: InvoiceDrawing, top: number): number {
  const { doc, left, width, input, labels, format } = drawing;
  const blockWidth = Math.min(280, width / 2);
  const labelX = left + width - blockWidth;
  const amountWidth = 110;
  let y = top;
  for (const row of totalRows(drawing)) {
    doc
      .font(row.bold ? fonts.bold : fonts.regular)
      .fontSize(row.bold ? 11 : 9.5)
      .fillColor(colors.text);
    const labelWidth = blockWidth - amountWidth - 8;
    const height = doc.heightOfString(row.label, { width: labelWidth });
    y = ensureSpace(drawing, y, height + 8);
    if (row.ruleAbove) {
      doc
        .moveTo(labelX, y)
        .lineTo(left + width, y)
        .lineWidth(0.75)
        .strokeColor(colors.text)
        .stroke();
      y += 4;
    }
    doc.text(row.label, labelX, y, { width: labelWidth });
    doc.text(row.amount, left + width - amountWidth, y, { width: amountWidth, align: "right" });
    y += height + 4;
  }

  y += 16;
  const memo = input.invoice.content.memo;
  const notes: [string, string][] = memo ? [[labels.memo, format.text(memo)]] : [];
  for (const [label, text] of notes) {
    doc.font(fonts.regular).fontSize(9.5);
    const height = doc.heightOfString(text, { width }) + 14;
    y = ensureSpace(drawing, y, height + 6);
    drawRule(drawing, y);
    y += 6;
    doc.font(fonts.bold).fontSize(8.5).fillColor(colors.muted).text(label, left, y, { width });
    y += 12;
    doc.font(fonts.regular).fontSize(9.5).fillColor(colors.text).text(text, left, y, { width });
    y += height - 12 + 6;
  }
  return y;
}
