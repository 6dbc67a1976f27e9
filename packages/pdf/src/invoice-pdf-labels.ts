/**
 * The words printed on a PDF invoice. Pass your own (all or some) through the `labels` option of
 * `renderInvoicePdf` to print it in another language; amounts and dates follow `locale`.
 */
export const defaultInvoicePdfLabels = {
  invoice: "Invoice",
  draft: "Draft",
  billTo: "Bill to",
  serviceSite: "Service site",
  number: "Invoice number",
  issueDate: "Issue date",
  dueDate: "Due date",
  terms: "Terms",
  description: "Description",
  quantity: "Qty",
  unitPrice: "Unit price",
  amount: "Amount",
  subtotal: "Subtotal",
  discounts: "Discounts",
  taxIncluded: "included",
  total: "Total",
  amountPaid: "Amount paid",
  amountDue: "Amount due",
  credit: "Credit",
  /** Less the credit notes issued on the invoice. @since 0.3.0 */
  creditNotes: "Credit notes",
  /** The balance written off as bad debt. @since 0.3.0 */
  writtenOff: "Written off",
  /** A progress stage's retainage, billed later by the retainage invoice. @since 0.3.0 */
  retained: "Retainage withheld",
  memo: "Notes",
  fee: "Fee",
  dueOnReceipt: "Due on receipt",
  /** `{days}` is replaced by the number of days. */
  netDays: "Net {days} days",
  /** `{date}` is replaced by the due date. */
  dueBy: "Due by {date}",
  /** `{page}` and `{pages}` are replaced by numbers. */
  page: "Page {page} of {pages}",
  status_pending_action: "Draft",
  status_pending_review: "In review",
  status_pending_payment: "Awaiting payment",
  status_past_due: "Past due",
  status_paid: "Paid",
  /** A balance written off as bad debt (`remit.invoices.writeOff`). @since 0.3.0 */
  status_uncollectible: "Written off",
  status_cancelled: "Cancelled",
};

/** Every label printed on a PDF invoice; see {@link defaultInvoicePdfLabels}. */
export type InvoicePdfLabels = typeof defaultInvoicePdfLabels;
