import type { Invoice } from "../invoices/invoice";
import type { Refund } from "../invoices/payment";
import type { Quote } from "../quotes/quote";
import type { Tenant } from "../tenants/tenant-settings";

/**
 * The payments port: a way for a customer to pay online (Stripe through the contractor's own
 * connected account, say) and for Remit to move refunds. Offline methods (check, cash) need no
 * provider; `createManualPayments()` stands for them.
 *
 * Remit calls a provider only from the outbox worker or from a host-app request (a Pay button),
 * never inside a move's transaction. What the provider reports back (a payment succeeded, a refund
 * failed) reaches Remit as moves with a `provider` actor, usually through the adapter's webhook
 * handler.
 *
 * @since 0.1.0
 * @group Ports
 */
export type PaymentProvider = {
  readonly specificationVersion: "v1";
  /** The provider's name as recorded on payments (`"stripe"`, `"manual"`). */
  readonly name: string;
  readonly capabilities: {
    /** Can start a payment for a customer (a checkout page or link). */
    readonly checkout: boolean;
    /** Can move refund money itself; otherwise refunds are recorded as already returned. */
    readonly refunds: boolean;
  };

  /**
   * Starts an online payment of `amount` (at most the invoice's amount due) and returns where to
   * send the customer. Throws `ProviderError` (retryable or not).
   */
  createCheckout?(input: {
    invoice: Invoice;
    amount: string;
    successUrl: string;
    cancelUrl: string;
    /**
     * The invoice's tenant, for providers that act per tenant (Stripe Connect charges on the
     * tenant's own account, from `paymentAccounts`).
     * @since 0.1.0
     */
    tenant?: Tenant;
  }): Promise<{ url: string; providerReference: string }>;

  /**
   * Starts an online payment of a quote's deposit (`amount`, at most what of
   * `quote.depositRequired` is not held yet) and returns where to send the customer: the hosted
   * quote page's "Pay deposit" button. The provider reports the money back as
   * `remit.quotes.recordDeposit` with its `provider` actor, through the same webhook as invoice
   * payments, once per payment (its idempotency key names the provider's payment). Throws
   * `ProviderError` (retryable or not).
   * @since 0.3.0
   */
  createDepositCheckout?(input: {
    quote: Quote;
    amount: string;
    successUrl: string;
    cancelUrl: string;
    /** The quote's tenant (Stripe Connect charges on the tenant's own account). */
    tenant: Tenant;
  }): Promise<{ url: string; providerReference: string }>;

  /**
   * Asks the provider to return money for a pending refund. Must be idempotent by `refund.id`
   * (passed as the provider's idempotency key): the worker may call it twice for one refund.
   * Resolves with the provider's refund id and its outcome so far; Remit records `succeeded` or
   * `failed`, or waits for a webhook when `pending`.
   */
  refund?(input: {
    refund: Refund;
    providerPaymentReference: string;
    /**
     * The refund's tenant, for providers that act per tenant (the outbox worker passes it).
     * @since 0.1.0
     */
    tenant?: Tenant;
  }): Promise<{ providerRefundId: string; status: "pending" | "succeeded" | "failed" }>;

  /**
   * The largest part of `amount` (a decimal string in `currency`, at most the currency's ISO
   * digits) that the provider can refund, for providers whose amounts are coarser than ISO 4217's
   * (Stripe takes three-decimal currencies in multiples of ten minor units). Pure: no I/O.
   * `reason` says why, when `refundable` is less than `amount`, in words a tenant can read;
   * otherwise `null`. `remit.invoices.refund` refunds `refundable` through the provider and keeps
   * the rest on the invoice (counted as paid: credit, where it was an overpayment); when nothing
   * of `amount` fits, it refuses the refund with a `ValidationError` at `amount` that says why.
   * Left out, every amount is refundable as it is.
   * @since 0.2.0
   */
  refundableAmount?(input: { amount: string; currency: string }): {
    refundable: string;
    reason: string | null;
  };
};

/**
 * The provider for money recorded by hand: checks, cash, bank transfers. It starts no checkout and
 * its refunds are returned by the tenant directly, so they count at once.
 * @group Ports
 */
export function createManualPayments(): PaymentProvider {
  return {
    specificationVersion: "v1",
    name: "manual",
    capabilities: { checkout: false, refunds: false },
  };
}
