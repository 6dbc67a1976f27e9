/**
 * Every table distributable by `tenant_id` on Citus, co-located, with nothing that only one server
 * can enforce. Citus refused three things in the earlier schema (issue 13):
 *
 * - **Triggers.** `invoice_revisions` and `events` had a trigger that refused UPDATE and DELETE,
 *   and Citus does not distribute a table that has triggers. They are dropped, with their
 *   function. The store never updates or deletes those rows; a test runs the whole conformance
 *   suite with every statement recorded and fails on any UPDATE or DELETE of them. A revoked
 *   privilege cannot replace the trigger in general: the app usually owns the tables it migrated
 *   (an owner can grant itself the privilege back) or connects as a superuser, which privileges
 *   do not bind.
 * - **A foreign-key cycle.** invoices → work orders → invoices, work orders → quotes → work orders
 *   and invoices → quotes → work orders → invoices: no table of a cycle can be distributed first,
 *   because each references one that is not distributed yet. The two back-pointers are no longer
 *   foreign keys: `quotes.work_order_id` (the work order made from the approved quote) and
 *   `work_orders.invoice_id` (the invoice that billed it). Each is written in the same move that
 *   creates the record it points to, and that record's own key points back and stays checked
 *   (`work_orders.quote_id`, `invoices.work_order_id`). What remains runs one way:
 *   quotes ← work orders ← invoices ← revisions, payments ← refunds, deliveries.
 * - **The global public token.** A unique index on `public_token` alone cannot be enforced by
 *   Citus, which needs the distribution column in every unique index. The invoice's index becomes
 *   `(tenant_id, public_token)`, and `public_tokens` maps each token to its tenant: it is what the
 *   hosted page, which knows only the token, reads first (a reference table on Citus, a copy on
 *   every node). Its key keeps tokens unique across tenants; the store adds a token's row in the
 *   move that gives the invoice the token. No foreign key ties the two: on Citus, a local table
 *   that references a reference table is pulled into Citus's metadata with every table its keys
 *   reach, and none of them could then be distributed.
 *
 * Existing rows are carried: every token already sent to a customer gets its row, so old links
 * keep working.
 */
export function distributableByTenant(s: string): string {
  return `
DROP TRIGGER invoice_revisions_append_only ON ${s}.invoice_revisions;
DROP TRIGGER events_append_only ON ${s}.events;
DROP FUNCTION ${s}.refuse_change();

ALTER TABLE ${s}.quotes DROP CONSTRAINT quotes_tenant_id_work_order_id_fkey;
ALTER TABLE ${s}.work_orders DROP CONSTRAINT work_orders_tenant_id_invoice_id_fkey;

-- Token → tenant, for the hosted page: keyed by the token alone, so unique across tenants.
CREATE TABLE ${s}.public_tokens (
  token text COLLATE "C" NOT NULL PRIMARY KEY,
  tenant_id text COLLATE "C" NOT NULL,
  invoice_id text COLLATE "C" NOT NULL
);
INSERT INTO ${s}.public_tokens (token, tenant_id, invoice_id)
SELECT public_token, tenant_id, id FROM ${s}.invoices WHERE public_token IS NOT NULL;

DROP INDEX ${s}.invoices_public_token_key;
CREATE UNIQUE INDEX invoices_public_token_key ON ${s}.invoices (tenant_id, public_token);
`;
}
