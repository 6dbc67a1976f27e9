import type { Invoice } from "../invoice";
import type { InvoiceStatus } from "../invoice-status";

/** An invoice event's `data`: the move's own fields and the invoice's figures after the move. */
export function invoiceEventData(
  invoice: Invoice,
  previousStatus: InvoiceStatus | null,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...fields,
    status: invoice.status,
    previousStatus,
    number: invoice.number,
    currency: invoice.currency,
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountDue: invoice.amountDue,
    credit: invoice.credit,
    creditNoteTotal: invoice.creditNoteTotal,
    writtenOff: invoice.writtenOff,
    dueDate: invoice.dueDate,
  };
}

/** The subject of an invoice event, at the invoice's version after the move. */
export function invoiceSubject(invoice: Invoice) {
  return { type: "invoice" as const, id: invoice.id, version: invoice.version };
}
