import { z } from "zod";
import { textSchema } from "../validation/text-schema";

/**
 * The VAT category codes of EN 16931 (UNTDID 5305, as the norm restricts it):
 * `S` standard rate, `Z` zero rated, `E` exempt, `AE` reverse charge, `K` intra-community supply,
 * `G` export outside the EU, `O` outside the scope of VAT, `L` Canary Islands (IGIC),
 * `M` Ceuta and Melilla (IPSI).
 * @group E-invoicing
 */
export const vatCategoryCodes = ["S", "Z", "E", "AE", "K", "G", "O", "L", "M"] as const;

/**
 * One of {@link vatCategoryCodes}.
 * @group E-invoicing
 */
export type VatCategoryCode = (typeof vatCategoryCodes)[number];

/**
 * A VAT category code, as EN 16931 names it (`"S"`, `"Z"`, `"E"`, `"AE"`, ...).
 * @group E-invoicing
 */
export const vatCategoryCodeSchema = z.enum(vatCategoryCodes, {
  error: 'must be a VAT category code: "S", "Z", "E", "AE", "K", "G", "O", "L" or "M"',
});

/**
 * Why a supply carries no VAT, as free text (EN 16931 BT-120), e.g. "Exempt under Article 132".
 * @group E-invoicing
 */
export const vatExemptionReasonSchema = textSchema.trim().min(1).max(1_000);

/**
 * The code of the reason (EN 16931 BT-121), from the CEF VATEX list, e.g. `"VATEX-EU-AE"`.
 * @group E-invoicing
 */
export const vatExemptionReasonCodeSchema = textSchema.regex(
  /^VATEX-[A-Z0-9-]{2,24}$/i,
  'must be a VATEX code such as "VATEX-EU-AE"',
);

/**
 * The VAT category of lines that carry no tax rate (late fees and other untaxed fees included),
 * set once by the tenant. Only the categories whose rate is 0 fit: `Z`, `E`, `AE`, `K`, `G`, `O`.
 * @group E-invoicing
 */
export const untaxedVatCategorySchema = z.object({
  code: z.enum(["Z", "E", "AE", "K", "G", "O"], {
    error: 'must be "Z", "E", "AE", "K", "G" or "O" (a category without VAT)',
  }),
  exemptionReason: vatExemptionReasonSchema.optional(),
  exemptionReasonCode: vatExemptionReasonCodeSchema.optional(),
});

/** @group E-invoicing */
export type UntaxedVatCategory = z.infer<typeof untaxedVatCategorySchema>;
