import type { Quote, StoreTransaction } from "@remit/core";
import {
  assertSameTenant,
  dateColumn,
  insertInto,
  isoColumn,
  json,
  listNewestFirst,
  type Scope,
  updateVersioned,
} from "../sql-helpers";

const quoteSelect = `
  tenant_id AS "tenantId", id, version, status, revision, title, customer, currency, terms,
  content, totals, ${dateColumn("expires_on")} AS "expiresOn",
  deposit_held::text AS "depositHeld", approved_by AS "approvedBy",
  ${isoColumn("approved_at")} AS "approvedAt", ${isoColumn("declined_at")} AS "declinedAt",
  decline_reason AS "declineReason", ${isoColumn("sent_at")} AS "sentAt",
  work_order_id AS "workOrderId", ${isoColumn("created_at")} AS "createdAt",
  ${isoColumn("updated_at")} AS "updatedAt", created_by AS "createdBy"`;

const writtenColumns = [
  "version",
  "status",
  "revision",
  "title",
  "customer",
  "currency",
  "terms",
  "content",
  "totals",
  "expires_on",
  "deposit_held",
  "approved_by",
  "approved_at",
  "declined_at",
  "decline_reason",
  "sent_at",
  "work_order_id",
  "created_at",
  "updated_at",
  "created_by",
] as const;

function quoteValues(quote: Quote): unknown[] {
  return [
    quote.version,
    quote.status,
    quote.revision,
    quote.title,
    json(quote.customer),
    quote.currency,
    json(quote.terms),
    json(quote.content),
    json(quote.totals),
    quote.expiresOn,
    quote.depositHeld,
    quote.approvedBy,
    quote.approvedAt,
    quote.declinedAt,
    quote.declineReason,
    quote.sentAt,
    quote.workOrderId,
    quote.createdAt,
    quote.updatedAt,
    json(quote.createdBy),
  ];
}

export function createQuoteQueries(scope: Scope): StoreTransaction["quotes"] {
  const { runner, tenantId, tables } = scope;

  return {
    async get(id, options) {
      const lock = options?.forUpdate ? " FOR UPDATE" : "";
      const { rows } = await runner.query<Quote>(
        `SELECT ${quoteSelect} FROM ${tables.quotes} WHERE tenant_id = $1 AND id = $2${lock}`,
        [tenantId, id],
      );
      return rows[0];
    },

    async insert(quote) {
      assertSameTenant(scope, quote, "quote");
      await runner.query(insertInto(tables.quotes, ["tenant_id", "id", ...writtenColumns]), [
        tenantId,
        quote.id,
        ...quoteValues(quote),
      ]);
    },

    async update(quote, expectedVersion) {
      assertSameTenant(scope, quote, "quote");
      await updateVersioned(
        scope,
        tables.quotes,
        writtenColumns,
        quoteValues(quote),
        quote.id,
        expectedVersion,
      );
    },

    async list({ filter, limit, cursor }) {
      const params: unknown[] = [];
      const conditions: string[] = [];
      if (filter.status !== undefined) {
        params.push([...filter.status]);
        conditions.push(`status = ANY($${params.length + 1}::text[])`);
      }
      if (filter.customerId !== undefined) {
        params.push(filter.customerId);
        conditions.push(`customer_id = $${params.length + 1}`);
      }
      return await listNewestFirst<Quote>(scope, quoteSelect, tables.quotes, conditions, params, {
        limit,
        cursor,
      });
    },

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
