import { z } from "zod";
import { currencySchema, taxRateInputSchema } from "../calculation/invoice-input-schema";
import { registrationIdSchema, vatIdSchema } from "../e-invoicing/party-identifiers";
import { paymentMeansSchema } from "../e-invoicing/payment-means";
import { untaxedVatCategorySchema } from "../e-invoicing/vat-category";
import { addressSchema } from "../validation/address-schema";
import { textSchema } from "../validation/text-schema";
import { lateFeeRuleSchema } from "./late-fee-rule";
import { paymentTermsSchema } from "./payment-terms";

const numberFormatSchema = textSchema
  .min(1)
  .max(64)
  .refine(
    (format) => (format.match(/\{SEQ(:\d{1,2})?\}/g) ?? []).length === 1,
    "must contain exactly one {SEQ} or {SEQ:n}",
  )
  .refine(
    (format) => format.replace(/\{(YYYY|YY|MM|SEQ(:\d{1,2})?)\}/g, "").match(/[{}]/) === null,
    "may use only the tokens {YYYY}, {YY}, {MM} and {SEQ} / {SEQ:n}",
  );

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A reminder: `days` before (negative) or after (positive) the due date, sent at 09:00 local time. */
export const reminderRuleSchema = z.object({
  daysFromDueDate: z.number().int().min(-60).max(365),
  channels: z
    .array(z.enum(["email", "sms"]))
    .min(1)
    .max(2),
});

/** Message templates a tenant may override; `{{placeholders}}` are filled and escaped. */
export const messageTemplatesSchema = z.object({
  invoiceSentSubject: textSchema.max(500).optional(),
  invoiceSentBody: textSchema.max(20_000).optional(),
  invoiceSentSms: textSchema.max(1_000).optional(),
  reminderSubject: textSchema.max(500).optional(),
  reminderBody: textSchema.max(20_000).optional(),
  reminderSms: textSchema.max(1_000).optional(),
  overdueSubject: textSchema.max(500).optional(),
  overdueBody: textSchema.max(20_000).optional(),
  overdueSms: textSchema.max(1_000).optional(),
  receiptSubject: textSchema.max(500).optional(),
  receiptBody: textSchema.max(20_000).optional(),
  receiptSms: textSchema.max(1_000).optional(),
  /** A credit note sent (`{{creditNoteNumber}}`, `{{creditNoteTotal}}`, `{{creditNoteReason}}`); `@since 0.3.0`. */
  creditNoteSubject: textSchema.max(500).optional(),
  creditNoteBody: textSchema.max(20_000).optional(),
  creditNoteSms: textSchema.max(1_000).optional(),
  /** A quote sent (`{{title}}`, `{{total}}`, `{{expiresOn}}`, `{{expiryNote}}`); `@since 0.3.0`. */
  quoteSubject: textSchema.max(500).optional(),
  quoteBody: textSchema.max(20_000).optional(),
  quoteSms: textSchema.max(1_000).optional(),
});

const hexColorSchema = textSchema.regex(
  /^#[0-9a-fA-F]{6}$/,
  'must be a color as "#rrggbb", such as "#1d4ed8"',
);

/**
 * How the customer's invoice page looks: the tenant's logo and colors. Every field is optional;
 * what is left out keeps Remit's plain look.
 * @group Tenants
 */
export const tenantBrandingSchema = z.object({
  /** An `https:` URL of the logo image, shown at the top of the hosted invoice page. */
  logoUrl: z
    .url({ protocol: /^https$/, error: "must be an https:// URL" })
    .max(2_000)
    .optional(),
  /** The color of headings and the Pay button, as `#rrggbb`. */
  primaryColor: hexColorSchema.optional(),
  /** The color of links and highlights, as `#rrggbb`. */
  accentColor: hexColorSchema.optional(),
});

/** @group Tenants @interface */
export type TenantBranding = z.infer<typeof tenantBrandingSchema>;

/**
 * What a tenant (one contractor business) sets once and every later move follows.
 * @group Tenants
 */
export const tenantSettingsSchema = z.object({
  name: textSchema.min(1).max(200).default("My business"),
  currency: currencySchema.default("USD"),
  /** IANA time zone: dates (issue, due, past due) are this zone's calendar dates. */
  timeZone: textSchema
    .refine(isTimeZone, 'must be an IANA time zone such as "America/Chicago"')
    .default("UTC"),
  /** BCP 47 locale for formatting amounts and dates in messages and on the hosted invoice page. */
  locale: textSchema.min(2).max(35).default("en-US"),
  /**
   * The logo and colors of the customer's invoice page (`@remit/server`). Left out (and absent
   * from settings saved before 0.2), the page has Remit's plain look.
   */
  branding: tenantBrandingSchema.optional(),
  /** When true, an invoice must be submitted and approved before it is issued. */
  requireReview: z.boolean().default(false),
  numberFormat: numberFormatSchema.default("INV-{SEQ:4}"),
  /**
   * Formats the tenant numbered invoices with before the current one, kept by Remit (not set by
   * apps): a new format whose numbers could equal theirs is refused.
   */
  earlierNumberFormats: z.array(numberFormatSchema).max(100).default([]),
  /**
   * How credit notes are numbered: its own gapless series per tenant, with the tokens of
   * `numberFormat`. Refused when its numbers could equal invoice numbers (this or an earlier
   * invoice format), so a credit note's number never collides with an invoice's.
   * @since 0.3.0
   */
  creditNoteNumberFormat: numberFormatSchema.default("CN-{SEQ:4}"),
  /**
   * Credit-note formats used before the current one, kept by Remit (not set by apps).
   * @since 0.3.0
   */
  earlierCreditNoteNumberFormats: z.array(numberFormatSchema).max(100).default([]),
  defaultTerms: paymentTermsSchema.default("net_30"),
  /** Copied into each new invoice that names no tax rates; percents kept as decimal strings. */
  defaultTaxRates: z
    .array(taxRateInputSchema.transform((rate) => ({ ...rate, percent: rate.percent.text })))
    .max(100)
    .default([]),
  /** Whether customers may pay part of an invoice online. */
  allowPartialOnlinePayment: z.boolean().default(false),
  reminders: z.array(reminderRuleSchema).max(10).default([]),
  /**
   * The late-fee rule, copied onto each invoice at issue; left out, invoices get no late fees.
   * The past-due sweep charges them (see `lateFeeRuleSchema`).
   * @since 0.3.0
   */
  lateFees: lateFeeRuleSchema.optional(),
  /** Channels a payment receipt goes out on when a payment is recorded; none by default. */
  receiptChannels: z
    .array(z.enum(["email", "sms"]))
    .max(2)
    .default([]),
  templates: messageTemplatesSchema.default({}),
  /**
   * The tenant's own accounts at payment providers, by provider name: Stripe Connect's account id
   * and whether it can take charges. Written by the provider adapter (onboarding, `account.updated`,
   * a disconnection). `InvoiceStore.findTenantByPaymentAccount` finds the tenant from an account id.
   */
  paymentAccounts: z
    .record(
      textSchema.min(1).max(64),
      z.object({
        accountId: textSchema.min(1).max(255),
        chargesEnabled: z.boolean().default(false),
        detailsSubmitted: z.boolean().default(false),
        /**
         * When the account's owner took the platform's access away (Stripe's
         * `account.application.deauthorized`), as a UTC ISO 8601 instant; absent while connected.
         * A disconnected account takes no payments: the hosted page offers none, and the
         * provider's later events about it are answered as unmatched. Written by
         * `remit.tenants.disconnectPaymentAccount`.
         * @since 0.2.0
         */
        disconnectedAt: z.iso.datetime().optional(),
      }),
    )
    .default({}),
  email: textSchema.email().max(320).nullable().default(null),
  phone: textSchema.max(32).nullable().default(null),
  /**
   * The seller's name as registered (EN 16931 BT-27), when it differs from `name` or e-invoices are
   * sent: `"Acme Plumbing GmbH"`. E-invoices require it.
   * @since 0.2.0
   */
  legalName: textSchema.trim().min(1).max(200).optional(),
  /** The seller's postal address; e-invoices require at least its `country` (ISO 3166). @since 0.2.0 */
  address: addressSchema.optional(),
  /** The seller's VAT number with its country prefix (BT-31), e.g. `"DE123456789"`. @since 0.2.0 */
  vatId: vatIdSchema.optional(),
  /** The seller's local tax registration number (BT-32), e.g. a German Steuernummer. @since 0.2.0 */
  taxRegistrationId: registrationIdSchema.optional(),
  /** The seller's company register number (BT-30), e.g. `"HRB 12345"`. @since 0.2.0 */
  legalRegistrationId: registrationIdSchema.optional(),
  /**
   * How customers can pay, printed on e-invoices: bank transfer to an IBAN, card, SEPA direct debit.
   * @since 0.2.0
   */
  paymentMeans: z.array(paymentMeansSchema).max(10).optional(),
  /**
   * The VAT category of lines and fees that carry no tax rate (late fees included), with the reason
   * they carry none: `{ code: "E", exemptionReason: "Exempt under §4 UStG" }`. E-invoices of
   * invoices with untaxed lines require it.
   * @since 0.2.0
   */
  untaxedVatCategory: untaxedVatCategorySchema.optional(),
});

/** @group Tenants @interface */
export type TenantSettingsInput = z.input<typeof tenantSettingsSchema>;
/** @group Tenants @interface */
export type TenantSettings = z.output<typeof tenantSettingsSchema>;

/**
 * A tenant's stored settings.
 * @group Tenants
 */
export type Tenant = TenantSettings & {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};
