import { addressLines, colors, fonts, type InvoiceDrawing } from "./invoice-drawing";

/** Prints lines of text in a column from `y`; returns the y below them. */
function column(
  drawing: InvoiceDrawing,
  x: number,
  y: number,
  width: number,
  lines: { text: string; bold?: boolean; size?: number; color?: string }[],
  align: "left" | "right" = "left",
): number {
  const { doc } = drawing;
  let next = y;
  for (const line of lines) {
    doc
      .font(line.bold ? fonts.bold : fonts.regular)
      .fontSize(line.size ?? 9.5)
      .fillColor(line.color ?? colors.text);
    const text = drawing.format.text(line.text);
    doc.text(text, x, next, { width, align });
    next += doc.heightOfString(text, { width }) + 1.5;
  }
  return next;
}

/**
 * The top of the first page: the contractor (tenant) on the left, the title, number and status on
 * the right; then who is billed, where the work was done, and the invoice's dates and terms.
 */
export function drawInvoiceHeader(drawing: InvoiceDrawing, top: number): number {
  const { input, labels, format, left, width } = drawing;
  const { invoice, tenant } = input;
  const half = width / 2 - 10;
  const contractorBottom = column(drawing, left, top, half, [
    { text: tenant.name, bold: true, size: 16 },
    ...[tenant.email, tenant.phone]
      .filter((value): value is string => Boolean(value))
      .map((text) => ({ text, color: colors.muted })),
  ]);
  const draft = invoice.number === null;
  const titleBottom = column(
    drawing,
    left + width - half,
    top,
    half,
    [
      {
        text: draft ? `${labels.invoice} (${labels.draft})` : labels.invoice,
        bold: true,
        size: 20,
        color: colors.accent,
      },
      ...(invoice.number ? [{ text: invoice.number, bold: true, size: 11 }] : []),
      { text: labels[`status_${invoice.status}`], color: colors.muted },
    ],
    "right",
  );

  const y = Math.max(contractorBottom, titleBottom) + 22;
  const third = width / 3 - 10;
  const customer = invoice.customer;
  const billTo = column(drawing, left, y, third, [
    { text: labels.billTo, bold: true, color: colors.muted, size: 8.5 },
    ...(customer
      ? [
          { text: customer.name, bold: true },
          ...addressLines(customer.billingAddress).map((text) => ({ text })),
          ...[customer.email, customer.phone]
            .filter((value): value is string => Boolean(value))
            .map((text) => ({ text, color: colors.muted })),
        ]
      : []),
  ]);
  const siteLines = addressLines(input.site);
  const site =
    siteLines.length === 0
      ? y
      : column(drawing, left + third + 15, y, third, [
          { text: labels.serviceSite, bold: true, color: colors.muted, size: 8.5 },
          ...siteLines.map((text) => ({ text })),
        ]);

  const facts: [string, string][] = [
    ...(invoice.number ? [[labels.number, invoice.number] as [string, string]] : []),
    ...(invoice.issueDate
      ? [[labels.issueDate, format.date(invoice.issueDate)] as [string, string]]
      : []),
    ...(invoice.dueDate
      ? [[labels.dueDate, format.date(invoice.dueDate)] as [string, string]]
      : []),
    [labels.terms, format.terms(invoice.terms)],
  ];
  const factsLeft = left + width - third;
  let factsY = y;
  for (const [label, value] of facts) {
    column(drawing, factsLeft, factsY, third / 2, [{ text: label, color: colors.muted }]);
    factsY = column(drawing, factsLeft + third / 2, factsY, third / 2, [{ text: value }], "right");
  }
  return Math.max(billTo, site, factsY) + 20;
}
