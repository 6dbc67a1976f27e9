import { z } from "zod";
import type { CreditApplication } from "../../credit-notes/credit-application";
import type { CreditNote } from "../../credit-notes/credit-note";
import { NotFoundError } from "../../errors/not-found-error";
import type { RemitEvent } from "../../events/remit-event";
import type { Page } from "../../ports/store/index";
import { defineRead } from "../../service/internal/define-read";
import type { RemitDependencies } from "../../service/remit-dependencies";
import { textSchema } from "../../validation/text-schema";
import { parseWithSchema } from "../../validation/to-validation-error";
import type { Delivery } from "../delivery";
import { recordIdSchema } from "../internal/move-input-fields";
import type { Invoice, InvoiceRevision } from "../invoice";
import { invoiceStatuses } from "../invoice-status";
import type { Payment, Refund } from "../payment";

/**
 * An invoice with everything that happened to it.
 * @group Invoices
 */
export type InvoiceDetails = {
  invoice: Invoice;
  revisions: InvoiceRevision[];
  payments: Payment[];
  refunds: Refund[];
  deliveries: Delivery[];
  events: RemitEvent[];
  /** The credit notes issued on it (empty on a store without them). @since 0.3.0 */
  creditNotes: CreditNote[];
  /** Customer credit it gave to or took from other invoices. @since 0.3.0 */
  creditApplications: CreditApplication[];
};

/** `remit.invoices.get`: one invoice with its revisions, payments, refunds, deliveries and events. */
export const getInvoice = defineRead(
  { input: z.object({ id: recordIdSchema }) },
  async ({ transaction }, { id }): Promise<InvoiceDetails> => {
    const invoice = await transaction.invoices.get({ id });
    if (!invoice) throw new NotFoundError({ resource: "invoice", id });
    const [revisions, payments, refunds, deliveries, events, creditNotes, creditApplications] =
      await Promise.all([
        transaction.revisions.list({ invoiceId: id }),
        transaction.payments.listByInvoice({ invoiceId: id }),
        transaction.refunds.listByInvoice({ invoiceId: id }),
        transaction.deliveries.listByInvoice({ invoiceId: id }),
        transaction.events.listBySubject({ subjectId: id }),
        transaction.creditNotes?.listByInvoice({ invoiceId: id }) ?? [],
        transaction.creditApplications?.listByInvoice({ invoiceId: id }) ?? [],
      ]);
    return {
      invoice,
      revisions,
      payments,
      refunds,
      deliveries,
      events,
      creditNotes,
      creditApplications,
    };
  },
);

const dateSchema = z.iso.date();

/** @group Invoices */
export const listInvoicesInputSchema = z.object({
  status: z.union([z.enum(invoiceStatuses), z.array(z.enum(invoiceStatuses)).min(1)]).optional(),
  customerId: recordIdSchema.optional(),
  dueFrom: dateSchema.optional(),
  dueTo: dateSchema.optional(),
  number: textSchema.min(1).max(64).optional(),
  search: textSchema.trim().min(1).max(200).optional(),
  workOrderId: recordIdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: textSchema.min(1).max(200).optional(),
});

/** @group Invoices @interface */
export type ListInvoicesInput = z.input<typeof listInvoicesInputSchema>;

/** `remit.invoices.list`: newest first, filtered, one page at a time (`nextCursor`). */
export const listInvoices = defineRead(
  { input: listInvoicesInputSchema.prefault({}) },
  async ({ transaction }, { limit, cursor, status, ...filter }): Promise<Page<Invoice>> => {
    const statuses = status === undefined ? undefined : Array.isArray(status) ? status : [status];
    return transaction.invoices.list({
      filter: { ...filter, ...(statuses ? { status: statuses } : {}) },
      limit,
      ...(cursor ? { cursor } : {}),
    });
  },
);

// Built once: the hosted page asks on every view.
const publicTokenInputSchema = z.object({ token: textSchema.min(16).max(128) });

/**
 * `remit.invoices.getByPublicToken`: the invoice behind a customer's hosted-page link. Only
 * issued invoices have a token; nothing else about the tenant is reachable through it.
 */
export async function getInvoiceByPublicToken(
  deps: RemitDependencies,
  rawInput: { token: string },
): Promise<Invoice> {
  const { token } = parseWithSchema(publicTokenInputSchema, rawInput);
  const invoice = await deps.store.findInvoiceByPublicToken({ token });
  if (!invoice) throw new NotFoundError({ resource: "invoice", id: "(public token)" });
  return invoice;
}
