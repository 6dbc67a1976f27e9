import { z } from "zod";

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this refuses
const illFormed = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether `value` is text every backend can store: no NUL (`\u0000`, which PostgreSQL's `text`
 * refuses) and no unpaired UTF-16 surrogate (which has no UTF-8 form).
 * @group Validation
 */
export function isWellFormedText(value: string): boolean {
  return !illFormed.test(value);
}

/**
 * The one schema of every text field Remit reads from outside (names, memos, reasons, ids,
 * idempotency keys, searches, tokens): a string without NUL or unpaired surrogates. Chain the
 * field's own rules after it (`textSchema.trim().min(1).max(200)`); their paths and messages stay
 * as they were, and a bad character adds one issue at the field's path.
 *
 * @example
 * ```ts
 * import { textSchema } from "@remit/core";
 *
 * const formSchema = z.object({ note: textSchema.max(500) });
 * formSchema.safeParse({ note: "a\u0000b" }); // issue at "note"
 * ```
 * @group Validation
 */
export const textSchema = z
  .string()
  .refine(isWellFormedText, "must not contain NUL (\\u0000) or unpaired surrogate characters");
