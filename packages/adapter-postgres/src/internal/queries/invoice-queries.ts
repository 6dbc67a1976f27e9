import type { Invoice, InvoiceFilter, Page, StoreTransaction } from "@remit/core";
import {
  assertSameTenant,
  containsPattern,
  dateColumn,
  insertInto,
  isoColumn,
  json,
  listNewestFirst,
  type Scope,
  searchText,
  updateVersioned,
} from "../sql-helpers";

/** The invoice row as the record: money as decimal text, instants as ISO strings. */
export const invoiceSelect = `
  tenant_id AS "tenantId", id, version, status, revision, currency, customer, terms, content, totals,
  total::text AS total, amount_paid::text AS "amountPaid", amount_due::text AS "amountDue",
  credit::text AS credit, refund_pending::text AS "refundPending",
  number, series, sequence, ${dateColumn("issue_date")} AS "issueDate", ${dateColumn("due_date")} AS "dueDate",
  public_token AS "publicToken", work_order_id AS "workOrderId", quote_id AS "quoteId",
  cancellation_reason AS "cancellationReason", changes_requested_reason AS "changesRequestedReason",
  ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt",
  ${isoColumn("issued_at")} AS "issuedAt", ${isoColumn("paid_at")} AS "paidAt",
  ${isoColumn("cancelled_at")} AS "cancelledAt", created_by AS "createdBy"`;

/** Every column written from a record except the key, in the order of `invoiceValues`. */
const writtenColumns = [
  "version",
  "status",
  "revision",
  "currency",
  "customer",
  "terms",
  "content",
  "totals",
  "total",
  "amount_paid",
  "amount_due",
  "credit",
  "refund_pending",
  "number",
  "series",
  "sequence",
  "issue_date",
  "due_date",
  "public_token",
  "work_order_id",
  "quote_id",
  "cancellation_reason",
  "changes_requested_reason",
  "created_by",
  "created_at",
  "updated_at",
  "issued_at",
  "paid_at",
  "cancelled_at",
  "search_text",
] as const;

function invoiceValues(invoice: Invoice): unknown[] {
  return [
    invoice.version,
    invoice.status,
    invoice.revision,
    invoice.currency,
    json(invoice.customer),
    json(invoice.terms),
    json(invoice.content),
    json(invoice.totals),
    invoice.total,
    invoice.amountPaid,
    invoice.amountDue,
    invoice.credit,
    invoice.refundPending,
    invoice.number,
    invoice.series,
    invoice.sequence,
    invoice.issueDate,
    invoice.dueDate,
    invoice.publicToken,
    invoice.workOrderId,
    invoice.quoteId,
    invoice.cancellationReason,
    invoice.changesRequestedReason,
    json(invoice.createdBy),
    invoice.createdAt,
    invoice.updatedAt,
    invoice.issuedAt,
    invoice.paidAt,
    invoice.cancelledAt,
    searchText([invoice.number, invoice.customer?.name]),
  ];
}

/** The WHERE conditions of a filter; `params` are numbered from `$2` (`$1` is the tenant). */
function filterConditions(filter: InvoiceFilter, params: unknown[]): string[] {
  const conditions: string[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length + 1}`)); // $1 is the tenant
  };
  if (filter.status !== undefined) add((p) => `status = ANY(${p}::text[])`, [...filter.status]);
  if (filter.customerId !== undefined) add((p) => `customer_id = ${p}`, filter.customerId);
  if (filter.dueFrom !== undefined) add((p) => `due_date >= ${p}::date`, filter.dueFrom);
  if (filter.dueTo !== undefined) add((p) => `due_date <= ${p}::date`, filter.dueTo);
  if (filter.number !== undefined) add((p) => `number = ${p}`, filter.number);
  if (filter.workOrderId !== undefined) add((p) => `work_order_id = ${p}`, filter.workOrderId);
  if (filter.search !== undefined && filter.search !== "") {
    add((p) => `search_text LIKE ${p}`, containsPattern(filter.search));
  }
  return conditions;
}

export function createInvoiceQueries(scope: Scope): StoreTransaction["invoices"] {
  const { runner, tenantId, tables } = scope;

  return {
    async get(id, options) {
      const lock = options?.forUpdate ? " FOR UPDATE" : "";
      const { rows } = await runner.query<Invoice>(
        `SELECT ${invoiceSelect} FROM ${tables.invoices} WHERE tenant_id = $1 AND id = $2${lock}`,
        [tenantId, id],
      );
      return rows[0];
    },

    async insert(invoice) {
      assertSameTenant(scope, invoice, "invoice");
      await runner.query(insertInto(tables.invoices, ["tenant_id", "id", ...writtenColumns]), [
        tenantId,
        invoice.id,
        ...invoiceValues(invoice),
      ]);
    },

    async update(invoice, expectedVersion) {
      assertSameTenant(scope, invoice, "invoice");
      await updateVersioned(
        scope,
        tables.invoices,
        writtenColumns,
        invoiceValues(invoice),
        invoice.id,
        expectedVersion,
      );
    },

    async list({ filter, limit, cursor }): Promise<Page<Invoice>> {
      const params: unknown[] = [];
      const conditions = filterConditions(filter, params);
      return await listNewestFirst(scope, invoiceSelect, tables.invoices, conditions, params, {
        limit,
        cursor,
      });
    },

    async listDueBefore({ before, after, limit }) {
      const { rows } = await runner.query<Invoice>(
        `SELECT ${invoiceSelect} FROM ${tables.invoices}
         WHERE tenant_id = $1 AND status = 'pending_payment' AND due_date < $2::date
           AND ($3::text IS NULL OR id > $3::text)
         ORDER BY id LIMIT $4`,
        [tenantId, before, after ?? null, limit],
      );
      return rows;
    },
  };
}
