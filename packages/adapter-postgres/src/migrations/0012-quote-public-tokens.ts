/**
 * Quotes approved online (issue 20, part 4): the hosted quote page's token and the deposit asked.
 *
 * - **`quotes.public_token`.** The key of the customer's page (`/q/<token>`), made when the quote
 *   is first sent; `NULL` for drafts and for every existing row. Unique per tenant by
 *   `quotes_public_token_key (tenant_id, public_token)`, the invoices' index since 0004 (Citus
 *   needs the distribution column in every unique index), `COLLATE "C"` so tokens match exactly.
 * - **`public_tokens` holds quote tokens too.** The page knows only the token, so it reads the
 *   token's tenant from `public_tokens` first, as the invoice page does. One table keeps one
 *   space: its key refuses a token that any invoice or quote of any tenant holds. A row names
 *   either the invoice or the quote (`quote_id`, new; `invoice_id` becomes nullable), never both.
 *   Existing rows are invoices' and stay as they are.
 * - **`quotes.deposit_required`.** The deposit asked before the work, `numeric` like every amount;
 *   `NULL` when none is (every existing row).
 *
 * Nullable columns added without a default rewrite no row.
 */
export function quotePublicTokens(s: string): string {
  return `
ALTER TABLE ${s}.quotes ADD COLUMN IF NOT EXISTS public_token text COLLATE "C";
ALTER TABLE ${s}.quotes ADD COLUMN IF NOT EXISTS deposit_required numeric;
CREATE UNIQUE INDEX IF NOT EXISTS quotes_public_token_key ON ${s}.quotes (tenant_id, public_token);

ALTER TABLE ${s}.public_tokens ALTER COLUMN invoice_id DROP NOT NULL;
ALTER TABLE ${s}.public_tokens ADD COLUMN IF NOT EXISTS quote_id text COLLATE "C";
ALTER TABLE ${s}.public_tokens ADD CONSTRAINT public_tokens_one_record
  CHECK ((invoice_id IS NULL) <> (quote_id IS NULL));
`;
}
