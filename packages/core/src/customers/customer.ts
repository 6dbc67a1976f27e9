import type { DirectDebitMandate } from "../e-invoicing/payment-means";
import type { Address } from "../validation/address-schema";

// The address schema lives with the other shared field schemas (tenants use it too).
export { type Address, addressSchema } from "../validation/address-schema";

/**
 * Whoever the tenant bills: a homeowner, a property manager.
 * @group Customers
 */
export type Customer = {
  tenantId: string;
  id: string;
  version: number;
  name: string;
  email: string | null;
  /** E.164, e.g. `+15551234567`. */
  phone: string | null;
  billingAddress: Address | null;
  /** What the customer asks to be quoted on its invoices (EN 16931 BT-10). @since 0.2.0 */
  buyerReference?: string | null;
  /** The customer's VAT number with its country prefix (BT-48). @since 0.2.0 */
  vatId?: string | null;
  /** The customer's company register number (BT-47). @since 0.2.0 */
  legalRegistrationId?: string | null;
  /** The customer's SEPA direct debit mandate, when the tenant collects by direct debit. @since 0.2.0 */
  directDebitMandate?: DirectDebitMandate | null;
  /** Channels the customer opted out of (an SMS STOP, say); sends on them are refused. */
  optedOut: ("email" | "sms")[];
  createdAt: string;
  updatedAt: string;
};

/**
 * The customer as copied onto an invoice revision, so later edits to the customer don't rewrite it.
 * @group Customers
 */
export type CustomerSnapshot = Pick<
  Customer,
  | "id"
  | "name"
  | "email"
  | "phone"
  | "billingAddress"
  | "buyerReference"
  | "vatId"
  | "legalRegistrationId"
  | "directDebitMandate"
>;
