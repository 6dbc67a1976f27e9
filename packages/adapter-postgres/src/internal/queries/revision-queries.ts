import type { InvoiceRevision, StoreTransaction } from "@remit/core";
import { assertSameTenant, insertInto, isoColumn, json, type Scope } from "../sql-helpers";

const revisionSelect = `
  tenant_id AS "tenantId", invoice_id AS "invoiceId", revision, currency, customer, terms, content,
  totals, actor, ${isoColumn("created_at")} AS "createdAt"`;

export function createRevisionQueries(scope: Scope): StoreTransaction["revisions"] {
  const { runner, tenantId, tables } = scope;

  return {
    async append({ record: revision }) {
      assertSameTenant(scope, revision, "revision");
      await runner.query(
        insertInto(tables.revisions, [
          "tenant_id",
          "invoice_id",
          "revision",
          "currency",
          "customer",
          "terms",
          "content",
          "totals",
          "actor",
          "created_at",
        ]),
        [
          tenantId,
          revision.invoiceId,
          revision.revision,
          revision.currency,
          json(revision.customer),
          json(revision.terms),
          json(revision.content),
          json(revision.totals),
          json(revision.actor),
          revision.createdAt,
        ],
      );
    },

    async list({ invoiceId }) {
      const { rows } = await runner.query<InvoiceRevision>(
        `SELECT ${revisionSelect} FROM ${tables.revisions}
         WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY revision`,
        [tenantId, invoiceId],
      );
      return rows;
    },
  };
}
