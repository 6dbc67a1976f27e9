import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import {
  buyerReferenceSchema,
  registrationIdSchema,
  vatIdSchema,
} from "../e-invoicing/party-identifiers";
import { directDebitMandateSchema } from "../e-invoicing/payment-means";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  recordIdSchema,
} from "../invoices/internal/move-input-fields";
import { textSchema } from "../validation/text-schema";
import { addressSchema } from "./customer";

/**
 * A phone number in international form, normalized to E.164 (`"+1 (512) 555-0101"` is stored as
 * `"+15125550101"`). libphonenumber-js checks the country code and the number's length for that
 * country; it does not require the number to be assigned (its tables lag new ranges, and the SMS
 * provider refuses a number that does not exist).
 * @group Customers
 */
export const e164PhoneSchema = textSchema
  .trim()
  .max(32)
  .transform((text, context) => {
    const phone = text.startsWith("+") ? parsePhoneNumberFromString(text) : undefined;
    if (!phone?.isPossible()) {
      context.addIssue({
        code: "custom",
        message: 'must be an E.164 number such as "+15551234567"',
      });
      return z.NEVER;
    }
    return phone.number as string;
  });

/** @group Customers */
export const customerInputSchema = z.object({
  name: textSchema.trim().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
  phone: e164PhoneSchema.nullable().optional(),
  billingAddress: addressSchema.nullable().optional(),
  /** @since 0.2.0 */
  buyerReference: buyerReferenceSchema.nullable().optional(),
  /** @since 0.2.0 */
  vatId: vatIdSchema.nullable().optional(),
  /** @since 0.2.0 */
  legalRegistrationId: registrationIdSchema.nullable().optional(),
  /** @since 0.2.0 */
  directDebitMandate: directDebitMandateSchema.nullable().optional(),
});

/** @group Customers @interface */
export type CustomerInput = z.input<typeof customerInputSchema>;

/** @group Customers */
export const createCustomerInputSchema = customerInputSchema.extend({
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Customers @interface */
export type CreateCustomerInput = z.input<typeof createCustomerInputSchema>;

/** @group Customers */
export const updateCustomerInputSchema = customerInputSchema.partial().extend({
  id: recordIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  optedOut: z.array(z.enum(["email", "sms"])).optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Customers @interface */
export type UpdateCustomerInput = z.input<typeof updateCustomerInputSchema>;
