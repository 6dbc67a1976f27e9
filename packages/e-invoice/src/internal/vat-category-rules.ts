import type { VatCategoryCode } from "@remit/core";

/** What EN 16931 asks of each VAT category (BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*, BR-O-*, BR-AF-*, BR-AG-*). */
export type VatCategoryRule = {
  /** The rule group's prefix, for messages: `"BR-S"`, `"BR-IC"`. */
  rules: string;
  /** Words for messages. */
  label: string;
  /** `"positive"` (S), `"zero"` (Z, E, AE, K, G, O), `"any"` (L, M). */
  percent: "positive" | "zero" | "any";
  /** Whether an exemption reason (text or code) is required, or forbidden. */
  exemptionReason: "required" | "forbidden";
  /** What the seller must carry: a VAT id, or a VAT id or a tax registration id. */
  sellerId: "vat" | "vat_or_tax_registration" | "none";
  /** What the buyer must carry. */
  buyerId: "vat" | "vat_or_legal_registration" | "none";
};

export const vatCategoryRules: Record<VatCategoryCode, VatCategoryRule> = {
  S: {
    rules: "BR-S",
    label: "standard rated (S)",
    percent: "positive",
    exemptionReason: "forbidden",
    sellerId: "vat_or_tax_registration",
    buyerId: "none",
  },
  Z: {
    rules: "BR-Z",
    label: "zero rated (Z)",
    percent: "zero",
    exemptionReason: "forbidden",
    sellerId: "vat_or_tax_registration",
    buyerId: "none",
  },
  E: {
    rules: "BR-E",
    label: "exempt from VAT (E)",
    percent: "zero",
    exemptionReason: "required",
    sellerId: "vat_or_tax_registration",
    buyerId: "none",
  },
  AE: {
    rules: "BR-AE",
    label: "reverse charge (AE)",
    percent: "zero",
    exemptionReason: "required",
    sellerId: "vat_or_tax_registration",
    buyerId: "vat_or_legal_registration",
  },
  K: {
    rules: "BR-IC",
    label: "intra-community supply (K)",
    percent: "zero",
    exemptionReason: "required",
    sellerId: "vat",
    buyerId: "vat",
  },
  G: {
    rules: "BR-G",
    label: "export outside the EU (G)",
    percent: "zero",
    exemptionReason: "required",
    sellerId: "vat",
    buyerId: "none",
  },
  O: {
    rules: "BR-O",
    label: "outside the scope of VAT (O)",
    percent: "zero",
    exemptionReason: "required",
    sellerId: "none",
    buyerId: "none",
  },
  L: {
    rules: "BR-AF",
    label: "Canary Islands IGIC (L)",
    // The norm allows 0 % (BR-AF-05), but the official CII rules test "> 0": a 0 % IGIC rate
    // would pass in UBL and fail in CII, so it is refused in both.
    percent: "positive",
    exemptionReason: "forbidden",
    sellerId: "vat_or_tax_registration",
    buyerId: "none",
  },
  M: {
    rules: "BR-AG",
    label: "Ceuta and Melilla IPSI (M)",
    percent: "any",
    exemptionReason: "forbidden",
    sellerId: "vat_or_tax_registration",
    buyerId: "none",
  },
};
