/**
 * Sending credit notes (issue 19, part 1): deliveries gain credit notes as a subject.
 *
 * - **`deliveries.credit_note_id`.** The credit note a `credit_note` delivery sends; `NULL` on
 *   every other delivery, which is every existing row (adding a nullable column rewrites none).
 *   A foreign key to `credit_notes`, within the tenant like every other key (so Citus keeps it
 *   local to the tenant's shard).
 * - **`deliveries_credit_note_check`.** A `credit_note` delivery names its credit note and no other
 *   delivery does: the worker needs the id to render the message, and a stray id on an invoice's
 *   delivery would mean a bug. Existing rows pass it (no row has the purpose yet).
 * - **`deliveries_credit_note_idx`.** For the foreign key's checks when credit notes are read
 *   with their deliveries.
 */
export function creditNoteDeliveries(s: string): string {
  return `
ALTER TABLE ${s}.deliveries ADD COLUMN IF NOT EXISTS credit_note_id text COLLATE "C";
ALTER TABLE ${s}.deliveries ADD CONSTRAINT deliveries_credit_note_fkey
  FOREIGN KEY (tenant_id, credit_note_id) REFERENCES ${s}.credit_notes (tenant_id, id)
  DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ${s}.deliveries ADD CONSTRAINT deliveries_credit_note_check
  CHECK ((purpose = 'credit_note') = (credit_note_id IS NOT NULL));
CREATE INDEX IF NOT EXISTS deliveries_credit_note_idx ON ${s}.deliveries (tenant_id, credit_note_id)
  WHERE credit_note_id IS NOT NULL;
`;
}
