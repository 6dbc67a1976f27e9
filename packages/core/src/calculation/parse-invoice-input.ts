import { parseInvoiceInputWithZod } from "./internal/parse-invoice-input-with-zod";
import { readCommonInvoiceInput } from "./internal/read-common-invoice-input";
import type { ParsedInvoiceInput } from "./invoice-input-schema";

/**
 * Reads an invoice input exactly as `calculateInvoice` does, or throws a `ValidationError` whose
 * `issues` name every problem (field rules and cross-field rules) in document order.
 * @group Invoice math
 */
export function parseInvoiceInput(input: unknown): ParsedInvoiceInput {
  // The common valid input is read by hand, to the very same result, at a fraction of the cost;
  // anything that reader does not accept goes through zod, which stays the contract and words
  // every problem.
  return readCommonInvoiceInput(input) ?? parseInvoiceInputWithZod(input);
}
