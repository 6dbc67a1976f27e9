import type { Quote, StoreTransaction } from "@remit/core";
import type { SqlRunner } from "../sql-client";
import {
  assertSameTenant,
  dateColumn,
  isoColumn,
  json,
  type Scope,
  type Tables,
  updateVersioned,
} from "../sql-helpers";
import { findByPublicToken } from "./find-by-public-token";
import { type ColumnValues, createVersionedRecordQueries } from "./versioned-record-queries";

const quoteSelect = `
  tenant_id AS "tenantId", id, version, status, revision, title, customer, currency, terms,
  content, totals, ${dateColumn("expires_on")} AS "expiresOn",
  deposit_required::text AS "depositRequired", deposit_held::text AS "depositHeld", approved_by AS "approvedBy",
  ${isoColumn("approved_at")} AS "approvedAt", ${isoColumn("declined_at")} AS "declinedAt",
  decline_reason AS "declineReason", ${isoColumn("sent_at")} AS "sentAt",
  public_token AS "publicToken", work_order_id AS "workOrderId", ${isoColumn("created_at")} AS "createdAt",
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
    deposit_required: quote.depositRequired ?? null,
    deposit_held: quote.depositHeld,
    approved_by: quote.approvedBy,
    approved_at: quote.approvedAt,
    declined_at: quote.declinedAt,
    decline_reason: quote.declineReason,
    sent_at: quote.sentAt,
    public_token: quote.publicToken ?? null,
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

  /**
   * The token → tenant row that lets the hosted quote page find the quote, in the table the
   * invoices' tokens are in (one space across tenants and kinds): a plain INSERT, so a token any
   * invoice or quote holds fails the move, as for invoices.
   */
  const registerPublicToken = async (quote: Quote, token: string) => {
    await runner.query(
      `INSERT INTO ${tables.publicTokens} (token, tenant_id, quote_id) VALUES ($1, $2, $3)`,
      [token, tenantId, quote.id],
    );
  };

  return {
    get: quotes.get,

    async insert(input) {
      await quotes.insert(input);
      if (input.record.publicToken)
        await registerPublicToken(input.record, input.record.publicToken);
    },

    // The token the row held before, from the UPDATE itself: only the first send registers one,
    // so other updates (approval, deposits) cost no extra statement.
    async update({ record, expectedVersion }) {
      assertSameTenant(scope, record, "quote");
      const columns = quoteRow(record);
      const previousToken = await updateVersioned(
        scope,
        tables.quotes,
        Object.keys(columns),
        Object.values(columns),
        record.id,
        expectedVersion,
        { previous: "public_token" },
      );
      if (record.publicToken && record.publicToken !== previousToken) {
        await registerPublicToken(record, record.publicToken);
      }
    },

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

/** The hosted quote page's lookup, across tenants (see `findByPublicToken`). */
export function findQuoteByPublicToken(
  runner: SqlRunner,
  tables: Tables,
  token: string,
  options: { distributed: boolean },
): Promise<Quote | undefined> {
  return findByPublicToken<Quote>(
    runner,
    tables,
    { table: tables.quotes, select: quoteSelect },
    token,
    options,
  );
}
