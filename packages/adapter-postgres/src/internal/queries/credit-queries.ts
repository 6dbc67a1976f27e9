import type { CreditApplication, CreditNote, StoreTransaction } from "@remit/core";
import {
  assertSameTenant,
  dateColumn,
  insertInto,
  isoColumn,
  json,
  type Scope,
} from "../sql-helpers";

const creditNoteSelect = `
  tenant_id AS "tenantId", id, invoice_id AS "invoiceId", invoice_number AS "invoiceNumber",
  invoice_revision AS "invoiceRevision", number, series, sequence, currency, customer,
  ${dateColumn("issue_date")} AS "issueDate", reason, lines, taxes,
  excluding_tax::text AS "excludingTax", tax_total::text AS "taxTotal", total::text AS total,
  idempotency_key AS "idempotencyKey", actor, ${isoColumn("created_at")} AS "createdAt"`;

function creditNoteRow(note: CreditNote): Record<string, unknown> {
  return {
    invoice_id: note.invoiceId,
    invoice_number: note.invoiceNumber,
    invoice_revision: note.invoiceRevision,
    number: note.number,
    series: note.series,
    sequence: note.sequence,
    currency: note.currency,
    customer: json(note.customer),
    issue_date: note.issueDate,
    reason: note.reason,
    lines: json(note.lines),
    taxes: json(note.taxes),
    excluding_tax: note.excludingTax,
    tax_total: note.taxTotal,
    total: note.total,
    idempotency_key: note.idempotencyKey,
    actor: json(note.actor),
    created_at: note.createdAt,
  };
}

const applicationSelect = `
  tenant_id AS "tenantId", id, customer_id AS "customerId", currency,
  from_invoice_id AS "fromInvoiceId", to_invoice_id AS "toInvoiceId", amount::text AS amount,
  idempotency_key AS "idempotencyKey", actor, ${isoColumn("created_at")} AS "createdAt"`;

function applicationRow(application: CreditApplication): Record<string, unknown> {
  return {
    customer_id: application.customerId,
    currency: application.currency,
    from_invoice_id: application.fromInvoiceId,
    to_invoice_id: application.toInvoiceId,
    amount: application.amount,
    idempotency_key: application.idempotencyKey,
    actor: json(application.actor),
    created_at: application.createdAt,
  };
}

/** Credit notes: inserted once, read by id and by invoice. */
export function createCreditNoteQueries(
  scope: Scope,
): NonNullable<StoreTransaction["creditNotes"]> {
  const { runner, tenantId, tables } = scope;
  const select = (where: string, params: unknown[]) =>
    runner.query<CreditNote>(
      `SELECT ${creditNoteSelect} FROM ${tables.creditNotes} WHERE tenant_id = $1 AND ${where} ORDER BY id`,
      [tenantId, ...params],
    );
  return {
    async get({ id }) {
      return (await select("id = $2", [id])).rows[0];
    },
    async insert({ record }) {
      assertSameTenant(scope, record, "credit note");
      const columns = creditNoteRow(record);
      await runner.query(
        insertInto(tables.creditNotes, ["tenant_id", "id", ...Object.keys(columns)]),
        [tenantId, record.id, ...Object.values(columns)],
      );
    },
    async listByInvoice({ invoiceId }) {
      return (await select("invoice_id = $2", [invoiceId])).rows;
    },
  };
}

/** Customer credit moved between invoices: inserted once, read by either invoice or customer. */
export function createCreditApplicationQueries(
  scope: Scope,
): NonNullable<StoreTransaction["creditApplications"]> {
  const { runner, tenantId, tables } = scope;
  const select = (where: string, params: unknown[]) =>
    runner.query<CreditApplication>(
      `SELECT ${applicationSelect} FROM ${tables.creditApplications} WHERE tenant_id = $1 AND ${where} ORDER BY id`,
      [tenantId, ...params],
    );
  return {
    async insert({ record }) {
      assertSameTenant(scope, record, "credit application");
      const columns = applicationRow(record);
      await runner.query(
        insertInto(tables.creditApplications, ["tenant_id", "id", ...Object.keys(columns)]),
        [tenantId, record.id, ...Object.values(columns)],
      );
    },
    async listByInvoice({ invoiceId }) {
      // Either end: two index ranges (from, to) in one statement.
      return (await select("(from_invoice_id = $2 OR to_invoice_id = $2)", [invoiceId])).rows;
    },
    async listByCustomer({ customerId }) {
      return (await select("customer_id = $2", [customerId])).rows;
    },
  };
}
