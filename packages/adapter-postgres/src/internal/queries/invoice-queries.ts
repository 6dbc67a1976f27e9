import type { Invoice, InvoiceFilter, Page, StoreTransaction } from "@remit/core";
import type { SqlRunner } from "../sql-client";
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
  type Tables,
  updateVersioned,
} from "../sql-helpers";
import { findByPublicToken } from "./find-by-public-token";
import {
  type ColumnValues,
  createVersionedRecordQueries,
  customerConditions,
} from "./versioned-record-queries";

/** The invoice row as the record: money as decimal text, instants as ISO strings. */
export const invoiceSelect = `
  tenant_id AS "tenantId", id, version, status, revision, currency, customer, terms, content, totals,
  total::text AS total, amount_paid::text AS "amountPaid", amount_due::text AS "amountDue",
  credit::text AS credit, refund_pending::text AS "refundPending",
  credit_note_total::text AS "creditNoteTotal", written_off::text AS "writtenOff",
  write_off_reason AS "writeOffReason", ${isoColumn("written_off_at")} AS "writtenOffAt",
  late_fee AS "lateFee", progress,
  number, series, sequence, ${dateColumn("issue_date")} AS "issueDate", ${dateColumn("due_date")} AS "dueDate",
  public_token AS "publicToken", work_order_id AS "workOrderId", quote_id AS "quoteId",
  cancellation_reason AS "cancellationReason", changes_requested_reason AS "changesRequestedReason",
  ${isoColumn("created_at")} AS "createdAt", ${isoColumn("updated_at")} AS "updatedAt",
  ${isoColumn("issued_at")} AS "issuedAt", ${isoColumn("paid_at")} AS "paidAt",
  ${isoColumn("cancelled_at")} AS "cancelledAt", created_by AS "createdBy"`;

/** The columns written from an invoice (all but the key) and their values. */
export function invoiceRow(invoice: Invoice): ColumnValues {
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
    credit_note_total: invoice.creditNoteTotal,
    written_off: invoice.writtenOff,
    write_off_reason: invoice.writeOffReason,
    written_off_at: invoice.writtenOffAt,
    late_fee: json(invoice.lateFee ?? null),
    progress: json(invoice.progress ?? null),
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
  const conditions = customerConditions(filter, params);
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

  /**
   * The token → tenant row that lets the hosted page find the invoice: added in the move that
   * gives the invoice its token. A plain INSERT, so a token another invoice holds fails the move
   * (unique across tenants). On Citus `public_tokens` is a reference table, and a plain INSERT is
   * the one write to it that concurrent moves do not queue behind (an upsert would lock it).
   */
  const registerPublicToken = async (invoice: Invoice, token: string) => {
    await runner.query(
      `INSERT INTO ${tables.publicTokens} (token, tenant_id, invoice_id) VALUES ($1, $2, $3)`,
      [token, tenantId, invoice.id],
    );
  };

  return {
    get: invoices.get,

    async insert(input) {
      const token = input.record.publicToken;
      if (token === null || scope.distributed) {
        await invoices.insert(input);
        if (token !== null) await registerPublicToken(input.record, token);
        return;
      }
      // One server: the token's row goes with the invoice's, in one statement.
      assertSameTenant(scope, input.record, "invoice");
      const columns = invoiceRow(input.record);
      await runner.query(
        `WITH inserted AS (
           ${insertInto(tables.invoices, ["tenant_id", "id", ...Object.keys(columns)])}
           RETURNING tenant_id, id, public_token
         )
         INSERT INTO ${tables.publicTokens} (token, tenant_id, invoice_id)
         SELECT public_token, tenant_id, id FROM inserted`,
        [tenantId, input.record.id, ...Object.values(columns)],
      );
    },

    // The token the row held before, from the UPDATE itself: a new token is registered, and the
    // many updates that keep the token (payments, reminders) cost no extra statement.
    async update({ record, expectedVersion }) {
      assertSameTenant(scope, record, "invoice");
      const columns = invoiceRow(record);
      // One server: a new token is registered by the UPDATE's own statement.
      const together = !scope.distributed;
      const previousToken = await updateVersioned(
        scope,
        tables.invoices,
        Object.keys(columns),
        Object.values(columns),
        record.id,
        expectedVersion,
        {
          previous: "public_token",
          ...(together
            ? {
                alongside: `INSERT INTO ${tables.publicTokens} (token, tenant_id, invoice_id)
                  SELECT current, $1, $2 FROM updated
                  WHERE current IS NOT NULL AND current IS DISTINCT FROM previous`,
              }
            : {}),
        },
      );
      if (!together && record.publicToken !== null && record.publicToken !== previousToken) {
        await registerPublicToken(record, record.publicToken);
      }
    },

    async list({ filter, limit, cursor }): Promise<Page<Invoice>> {
      const params: unknown[] = [];
      const conditions = filterConditions(filter, params);
      return await listNewestFirst(
        scope,
        invoiceSelect,
        tables.invoices,
        conditions,
        params,
        { limit, cursor },
        filter.status,
      );
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

    // The partial index of past-due invoices with a late-fee rule (0010) answers this.
    async listLateFeeCandidates({ after, limit }) {
      const { rows } = await runner.query<Invoice>(
        `SELECT ${invoiceSelect} FROM ${tables.invoices}
         WHERE tenant_id = $1 AND status = 'past_due' AND late_fee IS NOT NULL
           AND ($2::text IS NULL OR id > $2::text)
         ORDER BY id LIMIT $3`,
        [tenantId, after ?? null, limit],
      );
      return rows;
    },

    // The partial index of invoices holding credit (0007) answers this.
    async listWithCredit({ customerId }) {
      const { rows } = await runner.query<Invoice>(
        `SELECT ${invoiceSelect} FROM ${tables.invoices}
         WHERE tenant_id = $1 AND customer_id = $2 AND credit > 0
         ORDER BY id`,
        [tenantId, customerId],
      );
      return rows;
    },

    // invoices_status_idx (tenant_id, status, id) answers this: two short ranges, merged by id.
    async listOpen({ after, limit }) {
      const { rows } = await runner.query<Invoice>(
        `SELECT ${invoiceSelect} FROM ${tables.invoices}
         WHERE tenant_id = $1 AND status IN ('pending_payment', 'past_due')
           AND ($2::text IS NULL OR id > $2::text)
         ORDER BY id LIMIT $3`,
        [tenantId, after ?? null, limit],
      );
      return rows;
    },
  };
}

/** The hosted invoice page's lookup, across tenants (see `findByPublicToken`). */
export function findInvoiceByPublicToken(
  runner: SqlRunner,
  tables: Tables,
  token: string,
  options: { distributed: boolean },
): Promise<Invoice | undefined> {
  return findByPublicToken<Invoice>(
    runner,
    tables,
    { table: tables.invoices, select: invoiceSelect },
    token,
    options,
  );
}
