/**
 * Sending quotes (issue 20, part 4): deliveries gain quotes as a subject.
 *
 * - **`deliveries.quote_id`.** The quote a `quote` delivery sends (`quotes.send`), with a foreign
 *   key to `quotes` within the tenant; `NULL` on every other delivery, which is every existing row.
 * - **`deliveries.invoice_id` may be `NULL`.** A quote's delivery is about no invoice.
 * - **`deliveries_subject_check`.** Every delivery is about exactly one invoice or one quote, and a
 *   `quote` delivery is the one about a quote. Existing rows pass it (each has an invoice).
 * - **`deliveries_quote_idx`.** A quote's deliveries, by id (`listByQuote`).
 */
export function quoteDeliveries(s: string): string {
  return `
ALTER TABLE ${s}.deliveries ADD COLUMN IF NOT EXISTS quote_id text COLLATE "C";
ALTER TABLE ${s}.deliveries ALTER COLUMN invoice_id DROP NOT NULL;
ALTER TABLE ${s}.deliveries ADD CONSTRAINT deliveries_quote_fkey
  FOREIGN KEY (tenant_id, quote_id) REFERENCES ${s}.quotes (tenant_id, id)
  DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ${s}.deliveries ADD CONSTRAINT deliveries_subject_check
  CHECK ((invoice_id IS NULL) <> (quote_id IS NULL) AND (purpose = 'quote') = (quote_id IS NOT NULL));
CREATE INDEX IF NOT EXISTS deliveries_quote_idx ON ${s}.deliveries (tenant_id, quote_id, id)
  WHERE quote_id IS NOT NULL;
`;
}
