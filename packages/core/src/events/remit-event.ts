import type { Actor } from "../service/actor";

/**
 * Every event type Remit appends.
 * @group Events
 */
export type RemitEventType =
  | "invoice.created"
  | "invoice.updated"
  | "invoice.submitted"
  | "invoice.changes_requested"
  | "invoice.issued"
  | "invoice.sent"
  | "invoice.payment_recorded"
  | "invoice.payment_failed"
  | "invoice.paid"
  | "invoice.refunded"
  | "invoice.past_due"
  | "invoice.cancelled"
  | "invoice.credited"
  | "invoice.written_off"
  /** @since 0.3.0 */
  | "invoice.late_fee_added"
  | "invoice.credit_applied"
  | "invoice.credit_received"
  | "credit_note.issued"
  /** @since 0.3.0 */
  | "credit_note.sent"
  | "invoice.public_token_rotated"
  | "invoice.delivery_updated"
  | "payment.unmatched"
  | "payments.account_disconnected"
  | "customer.created"
  | "customer.updated"
  | "tenant.updated"
  | `work_order.${string}`
  | `quote.${string}`
  /** @since 0.2.0 */
  | `plan.${string}`;

/**
 * An event: appended in the same transaction as the change it describes (an outbox), then handed
 * to handlers by the outbox worker at least once. Deduplicate by `id`; order one record's events
 * by `subject.version`.
 * @group Events
 */
export type RemitEvent = {
  id: string;
  type: RemitEventType;
  specVersion: 1;
  tenantId: string;
  subject: {
    type:
      | "invoice"
      | "work_order"
      | "quote"
      | "payment"
      | "customer"
      | "tenant"
      | "credit_note"
      | "plan";
    id: string;
    version: number;
  };
  /** UTC ISO 8601. */
  occurredAt: string;
  actor: Actor;
  /** The move's fields and, for invoices, the invoice's figures after the move. */
  data: Record<string, unknown>;
};

/**
 * The `data` of `payments.account_disconnected` (subject: the tenant, at the version that
 * recorded it): the owner of the tenant's account at a payment provider took the platform's access
 * away (Stripe Connect's `account.application.deauthorized`). The tenant takes no online payments
 * until it connects an account again: tell the contractor. Appended once per disconnection, by
 * `remit.tenants.disconnectPaymentAccount`, beside `tenant.updated` (`changed:
 * ["paymentAccounts"]`).
 *
 * @example
 * ```ts
 * remit.events.on("payments.account_disconnected", async (event) => {
 *   const { provider, accountId } = event.data as PaymentAccountDisconnectedData;
 *   await notifyOwner(event.tenantId, `Your ${provider} account ${accountId} was disconnected`);
 * });
 * ```
 *
 * @since 0.2.0
 * @group Events
 */
export type PaymentAccountDisconnectedData = {
  /** The provider's name, as in `tenant.paymentAccounts` (`"stripe"`). */
  provider: string;
  /** The account at the provider (Stripe: the connected account's `acct_…` id). */
  accountId: string;
  /** When Remit recorded it (UTC ISO 8601), also `paymentAccounts[provider].disconnectedAt`. */
  disconnectedAt: string;
  /** Why, in a few words (`"account.application.deauthorized"` from Stripe). */
  reason: string;
};
