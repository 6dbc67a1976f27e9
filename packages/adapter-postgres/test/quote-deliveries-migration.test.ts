import { describe, expect } from "vitest";
import { migrate, type PostgresClient } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { testUpgradeOnBothBackends } from "./support/upgrade-tests";

// Version 14 (issue 20) gives deliveries a quote as a subject: every delivery is about exactly one
// invoice or one quote, and a `quote` delivery is the one about a quote.

const before = migrations.filter((migration) => migration.version < 14);

async function checkUpgrade(client: PostgresClient, schema: string) {
  await runMigrations(client, schema, before);
  await client.query(
    `INSERT INTO "${schema}".invoices (tenant_id, id, version, status, revision, currency, terms,
       content, totals, total, amount_paid, amount_due, credit, refund_pending, created_by,
       created_at, updated_at, search_text)
     VALUES ('t1', 'inv_1', 1, 'pending_payment', 1, 'USD', '"net_30"', '{"lines":[]}', '{}',
       100, 0, 100, 0, 0, '{"type":"system"}', now(), now(), '')`,
  );
  await client.query(
    `INSERT INTO "${schema}".deliveries (tenant_id, id, invoice_id, purpose, channel, recipient,
       status, source_id, scheduled_for, attempts, created_at, updated_at)
     VALUES ('t1', 'dlv_old', 'inv_1', 'invoice', 'email', 'dana@example.com', 'sent', 'evt_1',
       now(), 1, now(), now())`,
  );
  expect((await migrate(client, { schema })).applied).toContain(14);

  const insert = (id: string, purpose: string, invoiceId: string | null, quoteId: string | null) =>
    client.query(
      `INSERT INTO "${schema}".deliveries (tenant_id, id, invoice_id, quote_id, purpose, channel,
         recipient, status, source_id, scheduled_for, attempts, created_at, updated_at)
       VALUES ('t1', $1, $2, $3, $4, 'email', 'dana@example.com', 'queued', $1, now(), 0, now(),
         now())`,
      [id, invoiceId, quoteId, purpose],
    );
  // About neither, about both, or a quote's purpose on an invoice's delivery: refused.
  await expect(insert("dlv_a", "invoice", null, null)).rejects.toThrow(/deliveries_subject_check/);
  await expect(insert("dlv_b", "quote", "inv_1", "quo_1")).rejects.toThrow(
    /deliveries_subject_check/,
  );
  await expect(insert("dlv_c", "quote", "inv_1", null)).rejects.toThrow(/deliveries_subject_check/);
  // PostgresClient is pg's pool or PGlite: their `query` generics differ, so the row is typed here.
  const rows = (await client.query(`SELECT id FROM "${schema}".deliveries ORDER BY id`)).rows as {
    id: string;
  }[];
  expect(rows.map((row) => row.id)).toEqual(["dlv_old"]);
}

describe("migrate 14", () => {
  testUpgradeOnBothBackends(
    "a delivery is about one invoice or one quote, and only a quote's is purpose quote",
    checkUpgrade,
  );
});
