import { z } from "zod";
import type { DirectDebitMandate } from "../e-invoicing/payment-means";
import { textSchema } from "../validation/text-schema";

/** A postal address, as loose as addresses are across countries. */
export const addressSchema = z.object({
  line1: textSchema.max(200).optional(),
  line2: textSchema.max(200).optional(),
  city: textSchema.max(100).optional(),
  region: textSchema.max(100).optional(),
  postalCode: textSchema.max(20).optional(),
  country: textSchema
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter code such as "US"')
    .optional(),
});

/** @group Customers @interface */
export type Address = z.infer<typeof addressSchema>;

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

/** The fields of a customer that e-invoices use, all optional; the snapshot carries those set. */
export const customerEInvoicingFields = [
  "buyerReference",
  "vatId",
  "legalRegistrationId",
  "directDebitMandate",
] as const;
