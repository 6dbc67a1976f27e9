import { colors, drawRule, ensureSpace, fonts, type InvoiceDrawing } from "./invoice-drawing";

type TotalRow = { label: string; amount: string; bold?: boolean; ruleAbove?: boolean };

function isZero(amount: string): boolean {
  return /^-?0+(\.0+)?$/.test(amount);
}

/** The rows of the totals block, in the order a reader adds them up. */
function totalRows(drawing: InvoiceDrawing): TotalRow[] {
  const { input, labels, format } = drawing;
  const { invoice } = input;
  const { totals } = invoice;
  const rows: TotalRow[] = [{ label: labels.subtotal, amount: format.money(totals.subtotal) }];
  if (!isZero(totals.discountTotal)) {
    rows.push({ label: labels.discounts, amount: format.money(`-${totals.discountTotal}`) });
  }
  for (const fee of totals.lines.filter((line) => line.kind === "fee")) {
    rows.push({ label: format.text(fee.description || labels.fee), amount: format.money(fee.net) });
  }
  for (const tax of totals.taxes) {
    const rate = `${format.text(tax.name)} ${format.percent(tax.percent)}`.trim();
    rows.push({
      label: tax.inclusive ? `${rate} (${labels.taxIncluded})` : rate,
      amount: format.money(tax.amount),
    });
  }
  rows.push({
    label: labels.total,
    amount: format.money(totals.total),
    bold: true,
    ruleAbove: true,
  });
  if (invoice.creditNoteTotal !== undefined && !isZero(invoice.creditNoteTotal)) {
    rows.push({ label: labels.creditNotes, amount: format.money(`-${invoice.creditNoteTotal}`) });
  }
  rows.push({ label: labels.amountPaid, amount: format.money(invoice.amountPaid) });
  if (invoice.writtenOff !== undefined && !isZero(invoice.writtenOff)) {
    rows.push({ label: labels.writtenOff, amount: format.money(invoice.writtenOff) });
  }
  // A cancelled invoice asks for nothing: its header says Cancelled, and no amount is due.
  if (invoice.status !== "cancelled") {
    rows.push({
      label: labels.amountDue,
      amount: format.money(invoice.amountDue),
      bold: true,
      ruleAbove: true,
    });
  }
  if (!isZero(invoice.credit)) {
    rows.push({ label: labels.credit, amount: format.money(invoice.credit) });
  }
  return rows;
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
