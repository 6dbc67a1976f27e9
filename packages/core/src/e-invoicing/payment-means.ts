import { z } from "zod";
import { textSchema } from "../validation/text-schema";

/** Whether an IBAN's check digits are right (ISO 13616: the number mod 97 is 1). */
function hasValidIbanChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /[A-Z]/.test(character) ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * An IBAN without spaces, upper case, with valid check digits: `"DE89370400440532013000"`.
 * @group E-invoicing
 */
export const ibanSchema = textSchema
  .regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, "must be an IBAN in upper case without spaces")
  .refine(hasValidIbanChecksum, "is not a valid IBAN (its check digits are wrong)");

/**
 * A BIC (SWIFT code) of 8 or 11 characters.
 * @group E-invoicing
 */
export const bicSchema = textSchema.regex(
  /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/,
  'must be a BIC of 8 or 11 characters such as "COBADEFFXXX"',
);

/**
 * A way the tenant takes payment, printed on e-invoices (EN 16931 BG-16):
 * - `credit_transfer`: a bank transfer to `iban` (SEPA credit transfer unless `sepa` is false);
 * - `card`: payment by bank card (online, on the hosted invoice page);
 * - `direct_debit`: the tenant collects by SEPA direct debit under `creditorId` (the bank-assigned
 *   creditor identifier), from customers who gave a mandate (`directDebitMandate` on the customer).
 * @group E-invoicing
 */
export const paymentMeansSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("credit_transfer"),
    iban: ibanSchema,
    bic: bicSchema.optional(),
    accountName: textSchema.trim().min(1).max(200).optional(),
    sepa: z.boolean().default(true),
  }),
  z.object({ type: z.literal("card") }),
  z.object({ type: z.literal("direct_debit"), creditorId: textSchema.trim().min(1).max(35) }),
]);

/** @group E-invoicing */
export type PaymentMeansInput = z.input<typeof paymentMeansSchema>;
/** @group E-invoicing */
export type PaymentMeans = z.output<typeof paymentMeansSchema>;

/**
 * A customer's SEPA direct debit mandate: its reference and the account debited.
 * @group E-invoicing
 */
export const directDebitMandateSchema = z.object({
  reference: textSchema.trim().min(1).max(35),
  iban: ibanSchema,
});

/** @group E-invoicing */
export type DirectDebitMandate = z.infer<typeof directDebitMandateSchema>;
