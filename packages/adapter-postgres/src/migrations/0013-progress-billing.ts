/**
 * Progress billing (issue 20, item 2): a work order billed in stages, each stage an invoice.
 *
 * - **`invoices.progress`.** Which stage of which work order the invoice bills, with what it
 *   withholds (`{ workOrderId, stage, kind, final, retained, … }`) as one JSON object; `NULL` on
 *   every other invoice, which is every existing row. Adding a nullable column rewrites no row.
 * - **One live invoice per work order and stage.** `invoices_live_work_order_key` (one live
 *   invoice per work order, from migration 2) becomes `invoices_live_work_order_stage_key` on
 *   `(tenant_id, work_order_id, stage)` for the invoices not cancelled, where `stage` is
 *   `progress ->> 'stage'`, and 0 for an invoice without progress: a work order billed in one
 *   go still has at most one live invoice, and two moves billing the same stage at once bill it
 *   once. The retainage invoice takes the number after the final stage. The new index is built
 *   before the old one goes, so no moment is left without the rule.
 *   Listing a work order's stages reads `invoices_work_order_idx` (migration 5).
 *
 * Number 13: migrations 11 and 12 belong to other changes. `migrate` applies what is missing in
 * version order, so they land in any order.
 */
export function progressBilling(s: string): string {
  return `
ALTER TABLE ${s}.invoices ADD COLUMN IF NOT EXISTS progress jsonb;
CREATE UNIQUE INDEX IF NOT EXISTS invoices_live_work_order_stage_key ON ${s}.invoices
  (tenant_id, work_order_id, (COALESCE((progress ->> 'stage')::integer, 0)))
  WHERE work_order_id IS NOT NULL AND status <> 'cancelled';
DROP INDEX IF EXISTS ${s}.invoices_live_work_order_key;
`;
}
