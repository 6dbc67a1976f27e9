import { textSchema } from "../validation/text-schema";

/**
 * A VAT identification number with its country prefix (ISO 3166-1 alpha-2, `EL` for Greece), as
 * EN 16931 requires (BR-CO-09): `"DE123456789"`, `"FR40303265045"`. Spaces are not allowed.
 * @group E-invoicing
 */
export const vatIdSchema = textSchema.regex(
  /^[A-Z]{2}[0-9A-Za-z+*.]{2,13}$/,
  'must be a VAT number with its country prefix and no spaces, such as "DE123456789"',
);

/**
 * A registration id: a local tax number, a company register number (at most 100 characters).
 * @group E-invoicing
 */
export const registrationIdSchema = textSchema.trim().min(1).max(100);

/**
 * What the buyer asks to be quoted on its invoices (EN 16931 BT-10; XRechnung's Leitweg-ID).
 * @group E-invoicing
 */
export const buyerReferenceSchema = textSchema.trim().min(1).max(200);
