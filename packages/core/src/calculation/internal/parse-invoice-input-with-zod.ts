import { ValidationError } from "../../errors/validation-error";
import { formatIssuePath } from "../../validation/format-issue-path";
import { invoiceInputSchema, type ParsedInvoiceInput } from "../invoice-input-schema";
import { checkInvoiceReferences } from "./check-invoice-references";
import { compareInDocumentOrder } from "./compare-in-document-order";

/**
 * `parseInvoiceInput` through zod and the reference checks alone: the contract, and the path of
 * any input the hand-written reader does not accept. Its own export so that a test can hold the
 * two paths to the same results.
 */
export function parseInvoiceInputWithZod(input: unknown): ParsedInvoiceInput {
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
