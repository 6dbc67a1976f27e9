import type { EInvoiceIssue } from "./e-invoice-error";
import { mapToEn16931 } from "./internal/map-to-en16931";
import type { RenderEInvoiceInput } from "./render-e-invoice-input";

/**
 * What keeps an invoice from being an e-invoice, without throwing: every missing field or setting,
 * each with its path and the EN 16931 rule, or `[]` when `renderUbl` and `renderCii` would succeed.
 * A back office can show the list beside the invoice before it is issued.
 *
 * @example
 * ```ts
 * import { findEInvoiceIssues } from "@remit/e-invoice";
 *
 * for (const issue of findEInvoiceIssues({ invoice, tenant })) console.log(issue.path, issue.message);
 * ```
 */
export function findEInvoiceIssues(input: RenderEInvoiceInput): EInvoiceIssue[] {
  const result = mapToEn16931(input);
  return result.ok ? [] : result.issues;
}
