import type { Quote, StoreTransaction } from "@remit/core";
import { dateColumn, isoColumn, json, type Scope } from "../sql-helpers";
import { type ColumnValues, createVersionedRecordQueries } from "./versioned-record-queries";

const quoteSelect = `
  tenant_id AS "tenantId", id, version, status, revision, title, customer, currency, terms,
  content, totals, ${dateColumn("expires_on")} AS "expiresOn",
  deposit_held::text AS "depositHeld", approved_by AS "approvedBy",
  ${isoColumn("approved_at")} AS "approvedAt", ${isoColumn("declined_at")} AS "declinedAt",
  decline_reason AS "declineReason", ${isoColumn("sent_at")} AS "sentAt",
  work_order_id AS "workOrderId", ${isoColumn("created_at")} AS "createdAt",
  ${isoColumn("updated_at")} AS "updatedAt", created_by AS "createdBy"`;

/** The columns written from a quote (all but the key) and their values. */
function quoteRow(quote: Quote): ColumnValues {
  return {
    version: quote.version,
    status: quote.status,
    revision: quote.revision,
    title: quote.title,
    customer: json(quote.customer),
    currency: quote.currency,
    terms: json(quote.terms),
    content: json(quote.content),
    totals: json(quote.totals),
    expires_on: quote.expiresOn,
    deposit_held: quote.depositHeld,
    approved_by: quote.approvedBy,
    approved_at: quote.approvedAt,
    declined_at: quote.declinedAt,
    decline_reason: quote.declineReason,
    sent_at: quote.sentAt,
    work_order_id: quote.workOrderId,
    created_at: quote.createdAt,
    updated_at: quote.updatedAt,
    created_by: json(quote.createdBy),
  };
}

export function createQuoteQueries(scope: Scope): StoreTransaction["quotes"] {
  const { runner, tenantId, tables } = scope;
  const quotes = createVersionedRecordQueries<Quote>(scope, {
    table: tables.quotes,
    select: quoteSelect,
    row: quoteRow,
    resource: "quote",
  });

  return {
    get: quotes.get,
    insert: quotes.insert,
    update: quotes.update,
    list: quotes.listByStatusAndCustomer,

    async listExpiring({ before, after, limit }) {
      const { rows } = await runner.query<Quote>(
        `SELECT ${quoteSelect} FROM ${tables.quotes}
         WHERE tenant_id = $1 AND status = 'sent' AND expires_on < $2::date
           AND ($3::text IS NULL OR id > $3::text)
         ORDER BY id LIMIT $4`,
        [tenantId, before, after ?? null, limit],
      );
      return rows;
    },
  };
}
