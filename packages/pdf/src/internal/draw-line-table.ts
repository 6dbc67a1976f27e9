import { colors, drawRule, ensureSpace, fonts, type InvoiceDrawing } from "./invoice-drawing";

const numberColumns = { quantity: 55, unitPrice: 95, amount: 95 };
const gap = 8;

function columnsOf(drawing: InvoiceDrawing) {
  const { left, width } = drawing;
  const amountX = left + width - numberColumns.amount;
  const unitPriceX = amountX - gap - numberColumns.unitPrice;
  const quantityX = unitPriceX - gap - numberColumns.quantity;
  return { descriptionWidth: quantityX - gap - left, quantityX, unitPriceX, amountX };
}

function drawHeaderRow(drawing: InvoiceDrawing, y: number): number {
  const { doc, labels, left } = drawing;
  const columns = columnsOf(drawing);
  doc.font(fonts.bold).fontSize(8.5).fillColor(colors.muted);
  doc.text(labels.description, left, y, { width: columns.descriptionWidth });
  doc.text(labels.quantity, columns.quantityX, y, {
    width: numberColumns.quantity,
    align: "right",
  });
  doc.text(labels.unitPrice, columns.unitPriceX, y, {
    width: numberColumns.unitPrice,
    align: "right",
  });
  doc.text(labels.amount, columns.amountX, y, { width: numberColumns.amount, align: "right" });
  const below = y + doc.heightOfString(labels.description) + 4;
  drawRule(drawing, below, colors.text);
  return below + 6;
}

/**
 * The item lines (fees are printed with the totals): description, quantity, unit price and amount
 * (quantity × unit price, before discounts and taxes). Long tables continue on new pages, each
 * with the header row again.
 */
export function drawLineTable(drawing: InvoiceDrawing, top: number): number {
  const { doc, format, left, input } = drawing;
  const columns = columnsOf(drawing);
  let y = ensureSpace(drawing, top, 40);
  y = drawHeaderRow(drawing, y);
  for (const line of input.invoice.totals.lines) {
    if (line.kind === "fee") continue;
    const description = format.text(line.description || line.kind);
    doc.font(fonts.regular).fontSize(9.5).fillColor(colors.text);
    const height = doc.heightOfString(description, { width: columns.descriptionWidth });
    y = ensureSpace(drawing, y, height + 8, (pageTop) => drawHeaderRow(drawing, pageTop));
    doc.font(fonts.regular).fontSize(9.5).fillColor(colors.text);
    doc.text(description, left, y, { width: columns.descriptionWidth });
    doc.text(format.quantity(line.quantity), columns.quantityX, y, {
      width: numberColumns.quantity,
      align: "right",
    });
    doc.text(format.unitPrice(line.unitPrice), columns.unitPriceX, y, {
      width: numberColumns.unitPrice,
      align: "right",
    });
    doc.text(format.money(line.gross), columns.amountX, y, {
      width: numberColumns.amount,
      align: "right",
    });
    y += height + 4;
    drawRule(drawing, y);
    y += 4;
  }
  return y + 8;
}
