import { z } from "zod";
import { unitCodeSchema } from "../e-invoicing/unit-code";
import {
  vatCategoryCodeSchema,
  vatExemptionReasonCodeSchema,
  vatExemptionReasonSchema,
} from "../e-invoicing/vat-category";
import { isCurrencyCode } from "../money/currencies";
import { textSchema } from "../validation/text-schema";
import { decimalSchema } from "./decimal-schema";

/**
 * Limits of one invoice, from the invoice-math contract.
 * @group Invoice math
 */
export const invoiceLimits = {
  maxLines: 10_000,
  maxTaxRates: 100,
  maxDiscounts: 100,
  maxFees: 100,
} as const;

/**
 * The limits of each decimal field, in one place for the schema below and for the hand-written
 * reader of the common valid input (`internal/read-common-invoice-input.ts`), which must accept
 * exactly what the schema accepts.
 */
export const decimalLimits = {
  quantity: { greaterThan: "0", lessThan: "1000000000", maxDecimals: 6 },
  unitPrice: { lessThan: "1000000000000", maxDecimals: 10 },
  // Amount values are checked against the currency's digits once the currency is known.
  amount: { lessThan: "1000000000000000", maxDecimals: 10 },
  discountPercent: { atMost: "100", maxDecimals: 6 },
  taxPercent: { atMost: "1000", maxDecimals: 6 },
} as const;

/** The longest description and tax rate name, in UTF-16 code units as `string.length` counts. */
export const textLimits = { description: 5_000, name: 200 } as const;

const idSchema = textSchema.min(1, "must be a non-empty string");
const percentSchema = decimalSchema(decimalLimits.discountPercent);
const amountSchema = decimalSchema(decimalLimits.amount);

/**
 * An ISO 4217 code from Remit's table, upper case.
 * @group Invoice math
 */
export const currencySchema = textSchema.refine(
  isCurrencyCode,
  'must be an upper-case ISO 4217 currency code such as "USD"',
);

/**
 * A discount on one line or on the whole invoice: a percent, or a fixed amount.
 * @group Invoice math
 */
export const discountSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("percent"), value: percentSchema }),
  z.object({ type: z.literal("amount"), value: amountSchema }),
]);

/**
 * A line's kind; `"fee"` is reserved for the fee lines Remit makes from `fees`. `"late_fee"` is
 * the kind of the lines the past-due sweep adds for a tenant's late-fee rule: invoice discounts
 * are not shared over them and percent fees are not taken of them (a discount on the work is no
 * discount on the penalty, and no fee is charged on a fee). `@since 0.3.0` for `"late_fee"`.
 * @group Invoice math
 */
export const lineKindSchema = z.enum(["labor", "material", "service", "other", "late_fee"], {
  error: 'must be "labor", "material", "service", "other" or "late_fee"',
});

/**
 * One line item: what was done or supplied, how much, at what price.
 * @group Invoice math
 */
export const invoiceLineInputSchema = z.object({
  id: idSchema.optional(),
  kind: lineKindSchema.default("service"),
  description: textSchema.max(textLimits.description).default(""),
  quantity: decimalSchema(decimalLimits.quantity),
  unitPrice: decimalSchema(decimalLimits.unitPrice),
  taxRateIds: z.array(idSchema).max(invoiceLimits.maxTaxRates).default([]),
  discount: discountSchema.optional(),
  /**
   * The unit of `quantity` (UN/ECE Recommendation 20): `"HUR"` for hours, `"C62"` for pieces.
   * Not used by the math; e-invoices (`@remit/e-invoice`) require it on every line.
   * @since 0.2.0
   */
  unitCode: unitCodeSchema.optional(),
});

/**
 * A tax rate: added to prices or included in them; a compound rate is charged on the other taxes too.
 * @group Invoice math
 */
export const taxRateInputSchema = z.object({
  id: idSchema,
  name: textSchema.max(textLimits.name).default(""),
  percent: decimalSchema(decimalLimits.taxPercent),
  inclusive: z.boolean().default(false),
  compound: z.boolean().default(false),
  /**
   * The rate's VAT category (EN 16931 BT-151/BT-118): `"S"` standard, `"Z"` zero rated, `"E"`
   * exempt, `"AE"` reverse charge, ... Not used by the math; e-invoices require it.
   * @since 0.2.0
   */
  vatCategory: vatCategoryCodeSchema.optional(),
  /** Why the supply is exempt (BT-120), for the categories without VAT. @since 0.2.0 */
  vatExemptionReason: vatExemptionReasonSchema.optional(),
  /** The VATEX code of the exemption (BT-121), e.g. `"VATEX-EU-AE"`. @since 0.2.0 */
  vatExemptionReasonCode: vatExemptionReasonCodeSchema.optional(),
});

/**
 * A discount on the whole invoice, before tax, shared over the lines.
 * @group Invoice math
 */
export const invoiceDiscountInputSchema = z.intersection(
  z.object({ id: idSchema.optional() }),
  discountSchema,
);

/**
 * A fee such as a trip charge or a card surcharge: a fixed amount or a percent of the items.
 * @group Invoice math
 */
export const feeInputSchema = z.intersection(
  z.object({
    id: idSchema.optional(),
    description: textSchema.max(textLimits.description).default(""),
    taxRateIds: z.array(idSchema).max(invoiceLimits.maxTaxRates).default([]),
  }),
  discountSchema,
);

/**
 * How figures are rounded: the mode, and whether tax is rounded per line or once per invoice.
 * @group Invoice math
 */
export const roundingInputSchema = z.object({
  mode: z
    .enum(["half_up", "half_even"], { error: 'must be "half_up" or "half_even"' })
    .default("half_up"),
  tax: z
    .enum(["per_line", "per_document"], { error: 'must be "per_line" or "per_document"' })
    .default("per_line"),
});

/**
 * The input of {@link calculateInvoice}, as a zod schema an app can reuse to validate its forms.
 * Cross-field rules (unique ids, known tax rates, amount digits per currency) are checked by
 * `calculateInvoice` and `parseInvoiceInput` on top of this shape.
 * @group Invoice math
 */
export const invoiceInputSchema = z.object({
  currency: currencySchema,
  lines: z.array(invoiceLineInputSchema).max(invoiceLimits.maxLines),
  taxRates: z.array(taxRateInputSchema).max(invoiceLimits.maxTaxRates).default([]),
  discounts: z.array(invoiceDiscountInputSchema).max(invoiceLimits.maxDiscounts).default([]),
  fees: z.array(feeInputSchema).max(invoiceLimits.maxFees).default([]),
  rounding: roundingInputSchema.default({ mode: "half_up", tax: "per_line" }),
});

/**
 * What an app passes to `calculateInvoice`: decimal strings (or finite numbers) for every figure.
 * @group Invoice math
 * @interface
 */
export type InvoiceInput = z.input<typeof invoiceInputSchema>;
/**
 * The input after reading: defaults filled, decimals read exactly.
 * @group Invoice math
 * @interface
 */
export type ParsedInvoiceInput = z.output<typeof invoiceInputSchema>;

/**
 * One line item as an app passes it.
 * @group Invoice math
 * @interface
 */
export type InvoiceLineInput = z.input<typeof invoiceLineInputSchema>;
