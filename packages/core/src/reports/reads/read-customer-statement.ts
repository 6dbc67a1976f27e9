import { z } from "zod";
import { currencySchema } from "../../calculation/invoice-input-schema";
import { NotFoundError } from "../../errors/not-found-error";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import type { Invoice } from "../../invoices/invoice";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney, compareMoney } from "../../money/money-arithmetic";
import type { StoreTransaction } from "../../ports/store/index";
import { defineRead } from "../../service/internal/define-read";
import { requireCollection } from "../../service/internal/require-collection";
import { defaultTenant } from "../../tenants/default-tenant";
import type { CustomerStatement, StatementLine, StatementLineKind } from "../customer-statement";
import {
  byStatementOrder,
  creditAppliedEntry,
  invoiceEntries,
  type StatementEntry,
} from "../statement-entries";

export const customerStatementInputSchema = z
  .object({
    customerId: recordIdSchema,
    /** The first and last local dates of the period (`YYYY-MM-DD`), both included. */
    from: z.iso.date(),
    to: z.iso.date(),
    /** The statement's currency; defaults to the tenant's. */
    currency: currencySchema.optional(),
  })
  .refine((input) => input.from <= input.to, {
    path: ["to"],
    message: "must be on or after from",
  });

/** @group Reports @interface */
export type CustomerStatementInput = z.input<typeof customerStatementInputSchema>;

// Statuses whose invoices never billed anything: a draft has no number, a cancelled invoice
// never held money (cancel is refused once money moved).
const unbilled = new Set(["pending_action", "pending_review", "cancelled"]);

/**
 * `remit.reports.customerStatement`: a customer's statement in one currency for a period, built
 * from the customer's invoices and the money records on each, in one read transaction.
 * `NotFoundError` for an unknown customer.
 * @since 0.3.0
 */
export const readCustomerStatement = defineRead(
  { input: customerStatementInputSchema },
  async ({ deps, transaction, context }, input): Promise<CustomerStatement> => {
    const customer = await transaction.customers.get({ id: input.customerId });
    if (!customer) throw new NotFoundError({ resource: "customer", id: input.customerId });
    const creditNotes = requireCollection(transaction.creditNotes, "creditNotes");
    const applications = requireCollection(transaction.creditApplications, "creditApplications");
    const tenant =
      (await transaction.tenants.get()) ?? defaultTenant(context.tenantId, deps.clock.now());
    const currency = input.currency ?? tenant.currency;
    const digits = minorUnitsOf(currency);
    const invoices = (await listCustomerInvoices(transaction, customer.id)).filter(
      (invoice) =>
        invoice.currency === currency &&
        invoice.issueDate !== null &&
        !unbilled.has(invoice.status),
    );
    const entries: StatementEntry[] = [];
    for (const invoice of invoices) {
      const [payments, refunds, notes] = await Promise.all([
        transaction.payments.listByInvoice({ invoiceId: invoice.id }),
        transaction.refunds.listByInvoice({ invoiceId: invoice.id }),
        creditNotes.listByInvoice({ invoiceId: invoice.id }),
      ]);
      entries.push(
        ...invoiceEntries({ invoice, payments, refunds, creditNotes: notes }, tenant.timeZone),
      );
    }
    const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
    for (const application of await applications.listByCustomer({ customerId: customer.id })) {
      const to = byId.get(application.toInvoiceId);
      if (to) entries.push(creditAppliedEntry(application, to, tenant.timeZone));
    }
    entries.sort(byStatementOrder);

    const zero = addMoney(digits, "0");
    let openingBalance = zero;
    let balance = zero;
    const lines: StatementLine[] = [];
    for (const entry of entries) {
      if (entry.date > input.to) break;
      balance = addMoney(digits, balance, entry.change);
      if (entry.date >= input.from) lines.push({ ...entry, balance });
      else openingBalance = balance;
    }
    const sumOf = (kind: StatementLineKind) =>
      addMoney(
        digits,
        zero,
        ...lines.filter((line) => line.kind === kind).map((line) => line.amount),
      );
    return {
      customerId: customer.id,
      customerName: customer.name,
      customerEmail: customer.email,
      currency,
      from: input.from,
      to: input.to,
      timeZone: tenant.timeZone,
      openingBalance,
      lines,
      invoiced: sumOf("invoice"),
      paid: sumOf("payment"),
      refunded: sumOf("refund"),
      credited: sumOf("credit_note"),
      writtenOff: sumOf("write_off"),
      creditApplied: sumOf("credit_applied"),
      closingBalance: balance,
      openInvoices: invoices
        .filter((invoice) => invoice.status === "pending_payment" || invoice.status === "past_due")
        .filter((invoice) => compareMoney(invoice.amountDue, "0") > 0)
        .map((invoice) => ({
          invoiceId: invoice.id,
          number: invoice.number,
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate,
          status: invoice.status,
          total: invoice.total,
          amountDue: invoice.amountDue,
        })),
    };
  },
);

/** Every invoice of the customer, page by page (a statement covers one customer). */
async function listCustomerInvoices(
  transaction: StoreTransaction,
  customerId: string,
): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  let cursor: string | undefined;
  do {
    const page = await transaction.invoices.list({
      filter: { customerId },
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    invoices.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return invoices.sort((a, b) => (a.id < b.id ? -1 : 1));
}
