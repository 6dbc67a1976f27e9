import type { VatCategoryCode } from "@remit/core";

/**
 * An invoice in EN 16931's semantic model (business terms BT-n, groups BG-n), the one source both
 * syntaxes (UBL and CII) are written from. Every amount is a decimal string with the currency's
 * digits, taken from `calculateInvoice`'s result.
 */
export type En16931Invoice = {
  /** BT-3: 380 commercial invoice, 381 credit note. */
  typeCode: "380" | "381";
  /** BT-1. */
  number: string;
  /** BT-2, `YYYY-MM-DD`. */
  issueDate: string;
  /** BT-9. */
  dueDate?: string;
  /** BT-5. */
  currency: string;
  /** BT-10. */
  buyerReference?: string;
  /** BG-3. */
  precedingInvoice?: { number: string; issueDate?: string };
  /** BT-22. */
  notes: string[];
  /** BT-20. */
  paymentTerms?: string;
  seller: En16931Party;
  buyer: En16931Party;
  /** BG-13: delivery date (BT-72) and deliver-to address (BG-15). */
  delivery?: { date?: string; address?: En16931Address };
  /** BG-16. */
  paymentMeans?: En16931PaymentMeans;
  /** BG-21: document-level charges (Remit's fees). */
  charges: En16931Charge[];
  /** BG-25. */
  lines: En16931Line[];
  /** BG-23. */
  vatBreakdown: En16931VatBreakdown[];
  /** BG-22. */
  totals: {
    /** BT-106. */
    lineNet: string;
    /** BT-108, when there are charges. */
    charges?: string;
    /** BT-109. */
    taxExclusive: string;
    /** BT-110. */
    tax: string;
    /** BT-112. */
    taxInclusive: string;
    /** BT-113, when something was paid. */
    prepaid?: string;
    /** BT-115. */
    payable: string;
  };
};

export type En16931Address = {
  line1?: string;
  line2?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  country: string;
};

export type En16931Party = {
  /** BT-27 / BT-44. */
  name: string;
  /** BT-28 / BT-45. */
  tradingName?: string;
  /** BT-30 / BT-47. */
  legalRegistrationId?: string;
  /** BT-31 / BT-48. */
  vatId?: string;
  /** BT-32 (seller only). */
  taxRegistrationId?: string;
  /** BT-90 (seller only): the SEPA creditor identifier, with a direct debit. */
  creditorId?: string;
  address: En16931Address;
  email?: string;
  phone?: string;
};

/** A VAT category with its rate (no rate for `O`) and exemption. */
export type En16931VatCategory = {
  code: VatCategoryCode;
  /** Absent for `O` (BR-O-05). */
  percent?: string;
  exemptionReason?: string;
  exemptionReasonCode?: string;
};

export type En16931Charge = {
  /** BT-99. */
  amount: string;
  /** BT-104. */
  reason: string;
  category: En16931VatCategory;
};

export type En16931Line = {
  /** BT-126. */
  id: string;
  /** BT-129. */
  quantity: string;
  /** BT-130. */
  unitCode: string;
  /** BT-131. */
  netAmount: string;
  /** BT-136, the line's discount, when there is one. */
  allowance?: string;
  /** BT-146. */
  netPrice: string;
  /** BT-149, when the price is for more than one unit. */
  baseQuantity?: string;
  /** BT-153. */
  name: string;
  /** BT-151, BT-152. */
  category: En16931VatCategory;
};

export type En16931VatBreakdown = {
  /** BT-116. */
  taxableAmount: string;
  /** BT-117. */
  taxAmount: string;
  category: En16931VatCategory;
};

/** BG-16: one means (BT-81), with its accounts or mandate. */
export type En16931PaymentMeans =
  | {
      kind: "credit_transfer";
      code: "58" | "30";
      account: { iban: string; name?: string; bic?: string };
    }
  | { kind: "card"; code: "48" }
  | { kind: "direct_debit"; code: "59"; mandateReference: string; debitedIban: string };
