/**
 * Recurring service plans (issue 20), with the conventions of the earlier migrations: `tenant_id`
 * first in every key, index and foreign key, so both tables distribute by tenant on Citus.
 *
 * - `plans`: one row per plan; what it bills (`content`), its schedule (an RRULE with start and end
 *   dates) and its mode as `jsonb`; `next_occurrence_on` is the date the sweep looks at, indexed for
 *   the active plans only (`plans_due_idx`), so the sweep reads the due plans and nothing else.
 * - `plan_occurrences`: one row per plan and date taken, generated (with its invoice) or skipped.
 *   Its primary key `(tenant_id, plan_id, occurrence_date)` is what makes an occurrence billed once
 *   however many sweeps run at once: a second claim of the same date waits for the first and then
 *   inserts nothing (`ON CONFLICT DO NOTHING`).
 *
 * Number 8: migration 7 belongs to another change (credit notes). `migrate` applies what is
 * missing in version order, so the two land in either order.
 */
export function recurringPlans(s: string): string {
  return `
CREATE TABLE ${s}.plans (
  tenant_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
  name text NOT NULL,
  customer jsonb NOT NULL,
  customer_id text COLLATE "C" GENERATED ALWAYS AS (customer ->> 'id') STORED,
  currency text NOT NULL,
  terms jsonb NOT NULL,
  content jsonb NOT NULL,
  schedule jsonb NOT NULL,
  mode text NOT NULL CHECK (mode IN ('review', 'issue_and_send')),
  channels jsonb NOT NULL,
  next_occurrence_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  created_by jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX plans_status_idx ON ${s}.plans (tenant_id, status, id);
CREATE INDEX plans_customer_idx ON ${s}.plans (tenant_id, customer_id, id);
CREATE INDEX plans_due_idx ON ${s}.plans (tenant_id, next_occurrence_on, id)
  WHERE status = 'active';

CREATE TABLE ${s}.plan_occurrences (
  tenant_id text COLLATE "C" NOT NULL,
  plan_id text COLLATE "C" NOT NULL,
  occurrence_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('generated', 'skipped')),
  invoice_id text COLLATE "C",
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, plan_id, occurrence_date),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES ${s}.plans (tenant_id, id)
);
`;
}
