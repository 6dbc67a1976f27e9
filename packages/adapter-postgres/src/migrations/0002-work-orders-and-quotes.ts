/**
 * Work orders and quotes, with the same conventions as the first migration: `tenant_id` first in
 * every key, index and foreign key; labor, materials, fees and the like as `jsonb`; money as
 * `numeric`. Foreign keys link invoices, work orders, quotes and deposits both ways, checked at
 * commit; a partial unique index keeps a work order to one live invoice even if two requests race.
 */
export function workOrdersAndQuotes(s: string): string {
  return `
CREATE TABLE ${s}.quotes (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'sent', 'approved', 'declined', 'expired')),
  revision integer NOT NULL,
  title text NOT NULL,
  customer jsonb NOT NULL,
  customer_id text COLLATE "C" GENERATED ALWAYS AS (customer ->> 'id') STORED,
  currency text NOT NULL,
  terms jsonb NOT NULL,
  content jsonb NOT NULL,
  totals jsonb NOT NULL,
  expires_on date,
  deposit_held numeric NOT NULL,
  approved_by text,
  approved_at timestamptz,
  declined_at timestamptz,
  decline_reason text,
  sent_at timestamptz,
  work_order_id text COLLATE "C",
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  created_by jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX quotes_status_idx ON ${s}.quotes (tenant_id, status, id);
CREATE INDEX quotes_customer_idx ON ${s}.quotes (tenant_id, customer_id, id);
CREATE INDEX quotes_expiry_idx ON ${s}.quotes (tenant_id, status, expires_on);

CREATE TABLE ${s}.work_orders (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN (
    'open', 'scheduled', 'in_progress', 'complete_invoice_needed', 'invoiced', 'cancelled'
  )),
  title text NOT NULL,
  customer jsonb NOT NULL,
  customer_id text COLLATE "C" GENERATED ALWAYS AS (customer ->> 'id') STORED,
  site jsonb,
  currency text NOT NULL,
  terms jsonb NOT NULL,
  tax_rates jsonb NOT NULL,
  labor jsonb NOT NULL,
  materials jsonb NOT NULL,
  services jsonb NOT NULL,
  fees jsonb NOT NULL,
  notes text NOT NULL,
  photos jsonb NOT NULL,
  schedule jsonb,
  quote_id text COLLATE "C",
  invoice_id text COLLATE "C",
  cancellation_reason text,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  created_by jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, quote_id) REFERENCES ${s}.quotes (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES ${s}.invoices (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX work_orders_status_idx ON ${s}.work_orders (tenant_id, status, id);
CREATE INDEX work_orders_customer_idx ON ${s}.work_orders (tenant_id, customer_id, id);
CREATE INDEX work_orders_quote_idx ON ${s}.work_orders (tenant_id, quote_id);

ALTER TABLE ${s}.quotes ADD FOREIGN KEY (tenant_id, work_order_id)
  REFERENCES ${s}.work_orders (tenant_id, id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ${s}.invoices ADD FOREIGN KEY (tenant_id, work_order_id)
  REFERENCES ${s}.work_orders (tenant_id, id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ${s}.invoices ADD FOREIGN KEY (tenant_id, quote_id)
  REFERENCES ${s}.quotes (tenant_id, id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ${s}.payments ADD FOREIGN KEY (tenant_id, quote_id)
  REFERENCES ${s}.quotes (tenant_id, id) DEFERRABLE INITIALLY DEFERRED;

-- At most one live (not cancelled) invoice per work order: a double "review & submit" bills once.
CREATE UNIQUE INDEX invoices_live_work_order_key ON ${s}.invoices (tenant_id, work_order_id)
  WHERE work_order_id IS NOT NULL AND status <> 'cancelled';
DROP INDEX ${s}.invoices_work_order_idx;
`;
}
