/**
 * Money after the invoice is out (issue 19): credit notes, write-offs and customer credit.
 *
 * - **`uncollectible`.** The invoices' status check gains it: an invoice written off as bad debt.
 * - **Invoice columns.** `credit_note_total` (the sum of the invoice's credit notes) and
 *   `written_off` (the balance written off while uncollectible), with `write_off_reason` and
 *   `written_off_at`. Existing rows get 0 written with their currency's digits (`total - total`
 *   keeps the scale of `total`, so `"170.00"` gives `"0.00"` and a yen total `"0"`): `numeric`
 *   without a fixed scale hands back what was written, and Remit writes every amount with its
 *   currency's digits. The store writes both on every save; the default 0 is for rows written by
 *   hand (seeds, benches), which then read back as `"0"`.
 * - **`credit_notes`.** Written once at issue. The number is unique per tenant (its own series;
 *   the core refuses formats whose numbers could equal invoice numbers). Lines and taxes are jsonb,
 *   like an invoice's totals.
 * - **`credit_applications`.** Customer credit moved from one invoice to another: the entries of a
 *   customer's credit ledger, found by either invoice and by customer.
 * - **`invoices_credit_idx`.** A partial index of the invoices that hold credit, by customer: a
 *   customer's credit balance reads only those.
 *
 * Every key starts with `tenant_id` and the foreign keys are checked at commit, as in 0001; the
 * two new tables are distributed with the others by `distributeForCitus` (run it again after
 * this migration on Citus).
 */
export function creditNotesAndWriteOffs(s: string): string {
  return `
ALTER TABLE ${s}.invoices DROP CONSTRAINT invoices_status_check;
ALTER TABLE ${s}.invoices ADD CONSTRAINT invoices_status_check CHECK (status IN (
  'pending_action', 'pending_review', 'pending_payment', 'past_due', 'paid', 'uncollectible',
  'cancelled'
));

ALTER TABLE ${s}.invoices
  ADD COLUMN credit_note_total numeric,
  ADD COLUMN written_off numeric,
  ADD COLUMN write_off_reason text,
  ADD COLUMN written_off_at timestamptz;
UPDATE ${s}.invoices SET credit_note_total = total - total, written_off = total - total;
ALTER TABLE ${s}.invoices
  ALTER COLUMN credit_note_total SET NOT NULL,
  ALTER COLUMN credit_note_total SET DEFAULT 0,
  ALTER COLUMN written_off SET NOT NULL,
  ALTER COLUMN written_off SET DEFAULT 0,
  ADD CONSTRAINT invoices_credit_note_total_check CHECK (credit_note_total >= 0),
  ADD CONSTRAINT invoices_written_off_check CHECK (written_off >= 0);

CREATE INDEX invoices_credit_idx ON ${s}.invoices (tenant_id, customer_id, id) WHERE credit > 0;

CREATE TABLE ${s}.credit_notes (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  invoice_id text COLLATE "C" NOT NULL,
  invoice_number text COLLATE "C",
  invoice_revision integer NOT NULL,
  number text COLLATE "C" NOT NULL,
  series text COLLATE "C" NOT NULL,
  sequence integer NOT NULL,
  currency text NOT NULL,
  customer jsonb,
  issue_date date NOT NULL,
  reason text NOT NULL,
  lines jsonb NOT NULL,
  taxes jsonb NOT NULL,
  excluding_tax numeric NOT NULL,
  tax_total numeric NOT NULL,
  total numeric NOT NULL CHECK (total > 0),
  idempotency_key text COLLATE "C",
  actor jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES ${s}.invoices (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX credit_notes_number_key ON ${s}.credit_notes (tenant_id, number);
CREATE INDEX credit_notes_invoice_idx ON ${s}.credit_notes (tenant_id, invoice_id, id);

CREATE TABLE ${s}.credit_applications (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  customer_id text COLLATE "C" NOT NULL,
  currency text NOT NULL,
  from_invoice_id text COLLATE "C" NOT NULL,
  to_invoice_id text COLLATE "C" NOT NULL,
  amount numeric NOT NULL CHECK (amount > 0),
  idempotency_key text COLLATE "C",
  actor jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, from_invoice_id) REFERENCES ${s}.invoices (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (tenant_id, to_invoice_id) REFERENCES ${s}.invoices (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX credit_applications_from_idx ON ${s}.credit_applications (tenant_id, from_invoice_id, id);
CREATE INDEX credit_applications_to_idx ON ${s}.credit_applications (tenant_id, to_invoice_id, id);
CREATE INDEX credit_applications_customer_idx ON ${s}.credit_applications (tenant_id, customer_id, id);
`;
}
