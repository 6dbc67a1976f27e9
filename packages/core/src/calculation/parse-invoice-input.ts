import { ValidationError } from "../errors/validation-error";
import { formatIssuePath } from "../validation/format-issue-path";
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
  // Where a cross-field rule explains a field better (`kind: "fee"` is reserved, not just
  // unknown), report that field once, with the rule's message.
  const explained = new Set(referenceIssues.map((issue) => issue.path));
  const fieldIssues = (result.error?.issues ?? []).filter(
    (issue) => !explained.has(formatIssuePath(issue.path)),
  );
  const issues = [
    ...fieldIssues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
    ...referenceIssues,
  ].sort(compareInDocumentOrder);
  throw new ValidationError({ issues, cause: result.error });
}
