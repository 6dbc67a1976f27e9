import type { Address, Invoice, TenantSettings } from "@remit/core";
import { z } from "zod";

const dateSchema = z.iso.date();

/** The parts of a Remit `Invoice` an e-invoice is made from (a stored invoice passes as it is). */
export type EInvoiceInvoice = Pick<
  Invoice,
  | "currency"
  | "number"
  | "issueDate"
  | "dueDate"
  | "terms"
  | "customer"
  | "content"
  | "totals"
  | "amountPaid"
>;

/** The parts of a Remit `Tenant` an e-invoice is made from: the seller (a stored tenant passes). */
export type EInvoiceTenant = Pick<TenantSettings, "name"> &
  Partial<
    Pick<
      TenantSettings,
      | "email"
      | "phone"
      | "legalName"
      | "address"
      | "vatId"
      | "taxRegistrationId"
      | "legalRegistrationId"
      | "paymentMeans"
      | "untaxedVatCategory"
    >
  >;

/** The input of `renderUbl`, `renderCii` and `findEInvoiceIssues`. */
export type RenderEInvoiceInput = {
  invoice: EInvoiceInvoice;
  tenant: EInvoiceTenant;
  /**
   * `"invoice"` (type code 380, the default) or `"credit_note"` (381): the same figures, written
   * as a credit note (UBL `CreditNote`; CII with type code 381).
   */
  documentType?: "invoice" | "credit_note";
  /** The invoice a credit note corrects (BT-25, BT-26). */
  precedingInvoice?: { number: string; issueDate?: string };
  /** Where the work was done (a work order's site): the deliver-to address (BG-15). */
  site?: Address | null;
  /** When the work was done (BT-72). */
  deliveryDate?: string;
};

/** The shape `renderUbl` and `renderCii` check at their edge; the content is read by `@remit/core`. */
export const renderEInvoiceInputSchema = z.object({
  invoice: z.looseObject({
    currency: z.string(),
    number: z.string().min(1).max(200).nullable(),
    issueDate: dateSchema.nullable(),
    dueDate: dateSchema.nullable(),
    terms: z.unknown(),
    customer: z.looseObject({ name: z.string() }).nullable(),
    content: z.looseObject({}),
    totals: z.looseObject({ total: z.string() }),
    amountPaid: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "12.50"'),
  }),
  tenant: z.looseObject({ name: z.string() }),
  documentType: z.enum(["invoice", "credit_note"]).optional(),
  precedingInvoice: z
    .object({ number: z.string().min(1).max(200), issueDate: dateSchema.optional() })
    .optional(),
  site: z.looseObject({}).nullable().optional(),
  deliveryDate: dateSchema.optional(),
});
