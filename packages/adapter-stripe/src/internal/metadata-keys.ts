/**
 * The metadata Remit writes on Stripe objects (Checkout Session, PaymentIntent, Refund, Account)
 * and reads back from webhooks. Stripe copies a PaymentIntent's metadata to nothing else, so each
 * object Remit creates carries what its webhooks need.
 */
export const metadataKeys = {
  tenantId: "remit_tenant_id",
  invoiceId: "remit_invoice_id",
  /** The quote whose deposit a checkout takes (never with `invoiceId`). @since 0.3.0 */
  quoteId: "remit_quote_id",
  /** The part of the charge that is a card surcharge, in Stripe's minor units. */
  surchargeMinor: "remit_surcharge_minor",
  /** Remit's refund id, on a refund Remit requested. */
  refundId: "remit_refund_id",
  reason: "remit_reason",
} as const;

/** The actor of every move a Stripe webhook makes. */
export const stripeActor = { type: "provider", name: "stripe" } as const;
