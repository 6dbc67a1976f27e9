import type { Customer, Invoice } from "@remit/core";
import type { PostgresClient } from "../../src/index";
import { customerRow } from "../../src/internal/queries/customer-queries";
import { invoiceRow } from "../../src/internal/queries/invoice-queries";

/**
 * Inserts a row into a schema migrated to an older version, the way that version's store wrote
 * it: the columns today's store writes, less those a later migration added. Migration tests seed
 * old schemas with it, since today's store writes every column of the latest one.
 */
async function insertRowAsOf(
  client: PostgresClient,
  schema: string,
  table: string,
  values: Record<string, unknown>,
): Promise<void> {
  const { rows } = await client.query(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER'`,
    [schema, table],
  );
  const existing = new Set((rows as { name: string }[]).map((row) => row.name));
  const columns = Object.entries(values).filter(([name]) => existing.has(name));
  await client.query(
    `INSERT INTO "${schema}".${table} (${columns.map(([name]) => name).join(", ")})
     VALUES (${columns.map((_, index) => `$${index + 1}`).join(", ")})`,
    columns.map(([, value]) => value),
  );
}

/** An invoice as an older version's store wrote it (see `insertRowAsOf`). */
export function insertInvoiceAsOf(client: PostgresClient, schema: string, invoice: Invoice) {
  return insertRowAsOf(client, schema, "invoices", {
    tenant_id: invoice.tenantId,
    id: invoice.id,
    ...invoiceRow(invoice),
  });
}

/** A customer as an older version's store wrote it (see `insertRowAsOf`). */
export function insertCustomerAsOf(client: PostgresClient, schema: string, customer: Customer) {
  return insertRowAsOf(client, schema, "customers", {
    tenant_id: customer.tenantId,
    id: customer.id,
    ...customerRow(customer),
  });
}
