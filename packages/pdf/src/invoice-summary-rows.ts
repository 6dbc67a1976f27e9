import { defaultInvoicePdfLabels, type InvoicePdfLabels } from "./invoice-pdf-labels";

/** The parts of an invoice its summary (the totals block) reads; a Remit `Invoice` fits as it is. */
export type InvoiceSummarySource = {
  status: string;
  totals: {
    subtotal: string;
    discountTotal: string;
    total: string;
    lines: readonly { kind: string; description: string; net: string }[];
    taxes: readonly { name: string; percent: string; inclusive: boolean; amount: string }[];
  };
  amountPaid: string;
  amountDue: string;
  credit: string;
  /** Credit notes issued against the invoice (`remit.invoices.issueCreditNote`). */
  creditNoteTotal?: string | undefined;
  /** The balance written off while uncollectible. */
  writtenOff?: string | undefined;
  /** A progress stage's retainage, withheld from its amount due until the retainage invoice. */
  progress?: { retained: string } | null | undefined;
};

/** One row of an invoice's summary: what it is, its words, and its amount as a decimal string. */
export type InvoiceSummaryRow = {
  kind:
    | "subtotal"
    | "discounts"
    | "fee"
    | "tax"
    | "total"
    | "creditNotes"
    | "retained"
    | "amountPaid"
    | "writtenOff"
    | "amountDue"
    | "credit";
  label: string;
  /** A decimal string in the invoice's currency; discounts are negative. */
  amount: string;
  /** The rows a reader looks for (total, amount due): printed bold with a rule above. */
  emphasis: boolean;
};

function isZero(amount: string): boolean {
  return /^-?0+(\.0+)?$/.test(amount);
}

/**
 * The rows of an invoice's summary, in the order a reader adds them up: subtotal (the item lines'
 * amounts), discounts, each fee, each tax rate with its amount, total, credit notes, retainage
 * withheld (a progress stage's), amount paid, written off, amount due
 * (none on a cancelled invoice: nothing is asked for), and credit left over. The PDF prints these
 * rows; a web page that shows the same rows shows the same invoice. Credit notes (subtracted) and
 * a written-off balance have rows when there are any.
 *
 * @example
 * ```ts
 * import { invoiceSummaryRows } from "@remit/pdf";
 *
 * for (const row of invoiceSummaryRows(invoice)) {
 *   console.log(row.label, formatMoney(row.amount, invoice.currency, "en-US"));
 * }
 * ```
 */
export function invoiceSummaryRows(
  invoice: InvoiceSummarySource,
  options: {
    /** Words instead of the English defaults (as `renderInvoicePdf` takes them). */
    labels?: Partial<InvoicePdfLabels>;
    /** How a tax rate's percent reads (default: as stored, `8.25` → `8.25%`). */
    percent?: (percent: string) => string;
  } = {},
): InvoiceSummaryRow[] {
  const labels = { ...defaultInvoicePdfLabels, ...options.labels };
  const percent = options.percent ?? ((value: string) => `${value}%`);
  const { totals } = invoice;
  const row = (kind: InvoiceSummaryRow["kind"], label: string, amount: string, emphasis = false) =>
    ({ kind, label, amount, emphasis }) satisfies InvoiceSummaryRow;
  const rows: InvoiceSummaryRow[] = [row("subtotal", labels.subtotal, totals.subtotal)];
  if (!isZero(totals.discountTotal)) {
    rows.push(row("discounts", labels.discounts, `-${totals.discountTotal}`));
  }
  for (const fee of totals.lines.filter((line) => line.kind === "fee")) {
    rows.push(row("fee", fee.description || labels.fee, fee.net));
  }
  for (const tax of totals.taxes) {
    const rate = `${tax.name} ${percent(tax.percent)}`.trim();
    rows.push(row("tax", tax.inclusive ? `${rate} (${labels.taxIncluded})` : rate, tax.amount));
  }
  rows.push(row("total", labels.total, totals.total, true));
  if (invoice.creditNoteTotal !== undefined && !isZero(invoice.creditNoteTotal)) {
    rows.push(row("creditNotes", labels.creditNotes, `-${invoice.creditNoteTotal}`));
  }
  const retained = invoice.progress?.retained;
  if (retained !== undefined && !isZero(retained)) {
    rows.push(row("retained", labels.retained, `-${retained}`));
  }
  rows.push(row("amountPaid", labels.amountPaid, invoice.amountPaid));
  if (invoice.writtenOff !== undefined && !isZero(invoice.writtenOff)) {
    rows.push(row("writtenOff", labels.writtenOff, invoice.writtenOff));
  }
  // A cancelled invoice asks for nothing: its status says Cancelled, and no amount is due.
  if (invoice.status !== "cancelled") {
    rows.push(row("amountDue", labels.amountDue, invoice.amountDue, true));
  }
  if (!isZero(invoice.credit)) rows.push(row("credit", labels.credit, invoice.credit));
  return rows;
}
