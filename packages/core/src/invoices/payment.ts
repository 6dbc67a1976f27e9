import type { Actor } from "../service/actor";

/**
 * How money arrived.
 * @group Invoices
 */
export type PaymentMethod = "card" | "ach" | "bank_transfer" | "check" | "cash" | "other";

/**
 * Money received against an invoice (or, when unmatched, against nothing yet).
 * @group Invoices
 */
export type Payment = {
  tenantId: string;
  id: string;
  /** `null` for an unmatched provider payment (unknown invoice, other currency). */
  invoiceId: string | null;
  amount: string;
  currency: string;
  method: PaymentMethod;
  /** Check number, provider payment id, … */
  reference: string | null;
  /** The provider that reported it (`"stripe"`), or `null` for one recorded by a user. */
  provider: string | null;
  /** Payments applied from a quote's deposit carry the quote's id. */
  quoteId: string | null;
  status: "succeeded" | "unmatched" | "returned_to_quote";
  receivedAt: string;
  idempotencyKey: string;
  actor: Actor;
  createdAt: string;
};

/**
 * Money returned for one payment. A provider refund counts once it succeeds.
 * @group Invoices
 */
export type Refund = {
  tenantId: string;
  id: string;
  invoiceId: string | null;
  paymentId: string;
  amount: string;
  currency: string;
  status: "pending" | "succeeded" | "failed";
  reason: string | null;
  /** Provider that moves the money; `null` when the tenant returned it by hand. */
  provider: string | null;
  providerRefundId: string | null;
  idempotencyKey: string;
  actor: Actor;
  createdAt: string;
  updatedAt: string;
};
