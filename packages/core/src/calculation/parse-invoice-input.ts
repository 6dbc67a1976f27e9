import { toValidationError } from "../validation/to-validation-error";
import { checkInvoiceReferences } from "./internal/check-invoice-references";
import { compareInDocumentOrder } from "./internal/compare-in-document-order";
import { invoiceInputSchema, type ParsedInvoiceInput } from "./invoice-input-schema";

/**
 * Reads an invoice input exactly as `calculateInvoice` does, or throws a `ValidationError` whose
 * `issues` name every problem (field rules and cross-field rules) in document order.
 */
export function parseInvoiceInput(input: unknown): ParsedInvoiceInput {
  const result = invoiceInputSchema.safeParse(input);
  const referenceIssues = checkInvoiceReferences(input);
  if (result.success && referenceIssues.length === 0) return result.data;
  throw toValidationError(result.error, referenceIssues, compareInDocumentOrder);
}
