import type { Actor } from "../service/actor";

/**
 * Customer credit moved from one invoice to another open invoice of the same customer and
 * currency (`remit.invoices.applyCredit`): the source's `amountPaid` and `credit` drop by
 * `amount`, the target's `amountPaid` rises by it. One entry of the customer's credit ledger.
 *
 * @since 0.3.0
 */
export type CreditApplication = {
  tenantId: string;
  id: string;
  customerId: string;
  currency: string;
  fromInvoiceId: string;
  toInvoiceId: string;
  amount: string;
  idempotencyKey: string | null;
  actor: Actor;
  createdAt: string;
};
