/**
 * The first schema. Conventions (see the package README):
 * - every key, index and foreign key starts with `tenant_id`, so one tenant's rows sit together and
 *   the tables can be distributed by `tenant_id` (Citus); the only indexes without it are the
 *   global ones the port asks for: the public token and the outbox claim;
 * - ids and other keys use `COLLATE "C"`: byte order, the same order as JavaScript's `<` on the
 *   ASCII ids Remit generates, so "newest first by id" means the same in every backend;
 * - money is `numeric` without a fixed scale, so `"170.00"` comes back as `"170.00"`;
 * - nested parts (content, totals, customer snapshot, payloads) are `jsonb`; fields that are
 *   filtered or searched are real columns, some generated from the jsonb so they cannot drift;
 *   the one `json` column is the stored idempotent response, replayed as it was first sent;
 * - revisions and events are append-only: a trigger refuses UPDATE and DELETE;
 * - foreign keys are checked at commit (`DEFERRABLE INITIALLY DEFERRED`), so the order of writes
 *   inside one move does not matter.
 */
export function initialSchema(s: string): string {
  return `
CREATE FUNCTION ${s}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Remit: % rows are append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TABLE ${s}.tenants (
  tenant_id text COLLATE "C" NOT NULL PRIMARY KEY,
  version integer NOT NULL,
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE ${s}.customers (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  name text NOT NULL,
  email text,
  phone text,
  billing_address jsonb,
  opted_out jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Name, email and phone, lower-cased by the adapter (see invoices.search_text).
  search_text text COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX customers_search_idx ON ${s}.customers (tenant_id, search_text);

CREATE TABLE ${s}.invoices (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN (
    'pending_action', 'pending_review', 'pending_payment', 'past_due', 'paid', 'cancelled'
  )),
  revision integer NOT NULL,
  currency text NOT NULL,
  customer jsonb,
  customer_id text COLLATE "C" GENERATED ALWAYS AS (customer ->> 'id') STORED,
  terms jsonb NOT NULL,
  content jsonb NOT NULL,
  totals jsonb NOT NULL,
  total numeric NOT NULL,
  amount_paid numeric NOT NULL,
  amount_due numeric NOT NULL CHECK (amount_due >= 0),
  credit numeric NOT NULL CHECK (credit >= 0),
  refund_pending numeric NOT NULL,
  number text COLLATE "C",
  series text COLLATE "C",
  sequence integer,
  issue_date date,
  due_date date,
  public_token text COLLATE "C",
  work_order_id text COLLATE "C",
  quote_id text COLLATE "C",
  cancellation_reason text,
  changes_requested_reason text,
  created_by jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  issued_at timestamptz,
  paid_at timestamptz,
  cancelled_at timestamptz,
  -- Text search: the number and the customer's name, joined by a unit separator so a match
  -- cannot span the two, lower-cased by the adapter with JavaScript's toLowerCase (the same on
  -- every server locale and in PGlite, where lower() of a C-locale database leaves "Ü" alone).
  -- Matched with LIKE '%…%'; see the README for the index choice and pg_trgm.
  search_text text COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX invoices_number_key ON ${s}.invoices (tenant_id, number);
CREATE UNIQUE INDEX invoices_public_token_key ON ${s}.invoices (public_token);
CREATE INDEX invoices_status_idx ON ${s}.invoices (tenant_id, status, id);
CREATE INDEX invoices_customer_idx ON ${s}.invoices (tenant_id, customer_id, id);
CREATE INDEX invoices_due_date_idx ON ${s}.invoices (tenant_id, due_date, id);
CREATE INDEX invoices_sweep_idx ON ${s}.invoices (tenant_id, status, due_date);
CREATE INDEX invoices_work_order_idx ON ${s}.invoices (tenant_id, work_order_id);
CREATE INDEX invoices_search_idx ON ${s}.invoices (tenant_id, search_text);

CREATE TABLE ${s}.invoice_revisions (
  tenant_id text COLLATE "C" NOT NULL,
  invoice_id text COLLATE "C" NOT NULL,
  revision integer NOT NULL,
  currency text NOT NULL,
  customer jsonb,
  terms jsonb NOT NULL,
  content jsonb NOT NULL,
  totals jsonb NOT NULL,
  actor jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, invoice_id, revision),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES ${s}.invoices (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE TRIGGER invoice_revisions_append_only BEFORE UPDATE OR DELETE ON ${s}.invoice_revisions
  FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change();

-- One counter per tenant and series, bumped inside the issuing transaction: the row lock makes a
-- second issuer wait, and a rollback gives the number back.
CREATE TABLE ${s}.sequences (
  tenant_id text COLLATE "C" NOT NULL,
  series text COLLATE "C" NOT NULL,
  value integer NOT NULL,
  PRIMARY KEY (tenant_id, series)
);

CREATE TABLE ${s}.payments (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  invoice_id text COLLATE "C",
  amount numeric NOT NULL,
  currency text NOT NULL,
  method text NOT NULL,
  reference text,
  provider text,
  quote_id text COLLATE "C",
  status text NOT NULL,
  received_at timestamptz NOT NULL,
  idempotency_key text COLLATE "C" NOT NULL,
  actor jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES ${s}.invoices (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX payments_idempotency_key ON ${s}.payments (tenant_id, idempotency_key);
CREATE INDEX payments_invoice_idx ON ${s}.payments (tenant_id, invoice_id, id);
CREATE INDEX payments_quote_idx ON ${s}.payments (tenant_id, quote_id, id);

CREATE TABLE ${s}.refunds (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  invoice_id text COLLATE "C",
  payment_id text COLLATE "C" NOT NULL,
  amount numeric NOT NULL,
  currency text NOT NULL,
  status text NOT NULL,
  reason text,
  provider text,
  provider_refund_id text,
  idempotency_key text COLLATE "C" NOT NULL,
  actor jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES ${s}.payments (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX refunds_idempotency_key ON ${s}.refunds (tenant_id, idempotency_key);
CREATE INDEX refunds_payment_idx ON ${s}.refunds (tenant_id, payment_id, id);
CREATE INDEX refunds_invoice_idx ON ${s}.refunds (tenant_id, invoice_id, id);

CREATE TABLE ${s}.deliveries (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  invoice_id text COLLATE "C" NOT NULL,
  purpose text NOT NULL,
  channel text NOT NULL,
  recipient text NOT NULL,
  status text NOT NULL,
  provider_status text,
  provider_message_id text,
  reason text,
  source_id text COLLATE "C" NOT NULL,
  scheduled_for timestamptz NOT NULL,
  attempts integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES ${s}.invoices (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX deliveries_once_key ON ${s}.deliveries (tenant_id, source_id, channel, recipient);
CREATE INDEX deliveries_invoice_idx ON ${s}.deliveries (tenant_id, invoice_id, id);
CREATE INDEX deliveries_provider_message_idx ON ${s}.deliveries (tenant_id, provider_message_id);

-- position: the append order (ids of two processes need not sort by time).
CREATE TABLE ${s}.events (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  position bigint GENERATED ALWAYS AS IDENTITY,
  type text NOT NULL,
  spec_version integer NOT NULL,
  subject_type text NOT NULL,
  subject_id text COLLATE "C" NOT NULL,
  subject_version integer NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor jsonb NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX events_position_idx ON ${s}.events (tenant_id, position);
CREATE INDEX events_subject_idx ON ${s}.events (tenant_id, subject_id, position);
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${s}.events
  FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change();

CREATE TABLE ${s}.outbox_jobs (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  kind text NOT NULL,
  run_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'dead', 'cancelled')),
  attempts integer NOT NULL,
  payload jsonb NOT NULL,
  state jsonb NOT NULL,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  invoice_id text COLLATE "C" GENERATED ALWAYS AS (payload ->> 'invoiceId') STORED,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_jobs_invoice_idx ON ${s}.outbox_jobs (tenant_id, invoice_id, status);
-- The claim runs across tenants (any worker takes any tenant's due job), so these two partial
-- indexes lead with time; they hold only live jobs and stay small.
CREATE INDEX outbox_jobs_due_idx ON ${s}.outbox_jobs (run_at) WHERE status = 'pending';
CREATE INDEX outbox_jobs_lease_idx ON ${s}.outbox_jobs (locked_until) WHERE status = 'running';

CREATE TABLE ${s}.idempotency_keys (
  tenant_id text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  fingerprint text NOT NULL,
  -- json, not jsonb: a replay answers with the first response exactly, keys in the same order.
  result json,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, key)
);
`;
}
