/**
 * Late fees (issue 19, part 4).
 *
 * - **`invoices.late_fee`.** The tenant's late-fee rule as it stood at issue, with the fee periods
 *   already charged (`{ rule, periodsCharged }`), as one JSON object; `NULL` for invoices without
 *   late fees, which is every existing row. Adding a nullable column rewrites no row. The fees
 *   themselves are `late_fee` lines in the invoice's content and totals (JSON already).
 * - **`invoices_late_fee_idx`.** A partial index of the `past_due` invoices that carry a rule, by
 *   id: the late-fee sweep's batches read only those.
 *
 * Each fee is added exactly once through the idempotency key of its invoice and period, whose
 * uniqueness per tenant the `idempotency_keys` primary key already enforces; no new constraint.
 */
export function lateFees(s: string): string {
  return `
ALTER TABLE ${s}.invoices ADD COLUMN IF NOT EXISTS late_fee jsonb;
CREATE INDEX IF NOT EXISTS invoices_late_fee_idx ON ${s}.invoices (tenant_id, id)
  WHERE status = 'past_due' AND late_fee IS NOT NULL;
`;
}
