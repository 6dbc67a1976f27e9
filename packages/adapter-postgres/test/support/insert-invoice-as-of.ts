import type { Invoice } from "@remit/core";
import type { PostgresClient } from "../../src/index";
import { invoiceRow } from "../../src/internal/queries/invoice-queries";

/**
 * Inserts an invoice into a schema migrated to an older version, the way that version's store
 * wrote it: the columns today's store writes, less those a later migration added. Migration
 * tests seed old schemas with it, since today's store writes every column of the latest one.
 */
export async function insertInvoiceAsOf(
  client: PostgresClient,
  schema: string,
  invoice: Invoice,
): Promise<void> {
  const { rows } = await client.query(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = 'invoices' AND is_generated = 'NEVER'`,
    [schema],
  );
  const existing = new Set((rows as { name: string }[]).map((row) => row.name));
  const columns = Object.entries({
    tenant_id: invoice.tenantId,
    id: invoice.id,
    ...invoiceRow(invoice),
  }).filter(([name]) => existing.has(name));
  await client.query(
    `INSERT INTO "${schema}".invoices (${columns.map(([name]) => name).join(", ")})
     VALUES (${columns.map((_, index) => `$${index + 1}`).join(", ")})`,
    columns.map(([, value]) => value),
  );
}
