import type { Customer } from "../customers/customer";

/** The fields of a customer that e-invoices use, all optional; the snapshot carries those set. */
export const customerEInvoicingFields = [
  "buyerReference",
  "vatId",
  "legalRegistrationId",
  "directDebitMandate",
] as const satisfies readonly (keyof Customer)[];
