/**
 * `customers.e_invoicing`: the optional data e-invoices need of a customer (buyer reference, VAT
 * number, company registration number, SEPA direct debit mandate), as one JSON object, `NULL` for
 * customers without any. Tenant settings, invoice content and the customer snapshot on invoices
 * are JSON already and need no change. Adding a nullable column rewrites no row.
 */
export function customerEInvoicing(s: string): string {
  return `
ALTER TABLE ${s}.customers ADD COLUMN IF NOT EXISTS e_invoicing jsonb;
`;
}
