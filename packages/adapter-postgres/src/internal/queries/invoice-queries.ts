import type { Invoice, InvoiceFilter, Page, StoreTransaction } from "@remit/core";
import {
  containsPattern,
  dateColumn,
  isoColumn,
  json,
  listNewestFirst,
  type Scope,
  searchText,
} from "../sql-helpers";
import {
  type ColumnValues,
  createVersionedRecordQueries,
  statusAndCustomerConditions,
} from "./versioned-record-queries";

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

/** The columns written from an invoice (all but the key) and their values. */
function invoiceRow(invoice: Invoice): ColumnValues {
  return {
    version: invoice.version,
    status: invoice.status,
    revision: invoice.revision,
    currency: invoice.currency,
    customer: json(invoice.customer),
    terms: json(invoice.terms),
    content: json(invoice.content),
    totals: json(invoice.totals),
    total: invoice.total,
    amount_paid: invoice.amountPaid,
    amount_due: invoice.amountDue,
    credit: invoice.credit,
    refund_pending: invoice.refundPending,
    number: invoice.number,
    series: invoice.series,
    sequence: invoice.sequence,
    issue_date: invoice.issueDate,
    due_date: invoice.dueDate,
    public_token: invoice.publicToken,
    work_order_id: invoice.workOrderId,
    quote_id: invoice.quoteId,
    cancellation_reason: invoice.cancellationReason,
    changes_requested_reason: invoice.changesRequestedReason,
    created_by: json(invoice.createdBy),
    created_at: invoice.createdAt,
    updated_at: invoice.updatedAt,
    issued_at: invoice.issuedAt,
    paid_at: invoice.paidAt,
    cancelled_at: invoice.cancelledAt,
    search_text: searchText([invoice.number, invoice.customer?.name]),
  };
}

/** The WHERE conditions of a filter; `params` are numbered from `$2` (`$1` is the tenant). */
function filterConditions(filter: InvoiceFilter, params: unknown[]): string[] {
  const conditions = statusAndCustomerConditions(filter, params);
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length + 1}`)); // $1 is the tenant
  };
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
  const invoices = createVersionedRecordQueries<Invoice>(scope, {
    table: tables.invoices,
    select: invoiceSelect,
    row: invoiceRow,
    resource: "invoice",
  });

  return {
    get: invoices.get,
    insert: invoices.insert,
    update: invoices.update,

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
