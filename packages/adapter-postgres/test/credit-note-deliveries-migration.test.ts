import { describe, expect } from "vitest";
import { createPostgresStore, migrate, type PostgresClient } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { testUpgradeOnBothBackends } from "./support/upgrade-tests";

// Version 11 (issue 19) gives deliveries a credit note as a subject: existing deliveries read back
// with none, and the schema keeps the purpose and the credit note together.

const before = migrations.filter((migration) => migration.version < 11);

async function checkUpgrade(client: PostgresClient, schema: string) {
  expect((await runMigrations(client, schema, before)).version).toBe(10);
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

  // 11, and whatever later migrations there are.
  expect((await migrate(client, { schema })).applied[0]).toBe(11);

  const store = createPostgresStore({ client, schema });
  const old = await store.transaction({
    tenantId: "t1",
    work: (transaction) => transaction.deliveries.get({ id: "dlv_old" }),
  });
  expect(old).toMatchObject({ purpose: "invoice", creditNoteId: null, status: "sent" });

  const insert = (id: string, purpose: string, creditNoteId: string | null) =>
    client.query(
      `INSERT INTO "${schema}".deliveries (tenant_id, id, invoice_id, purpose, credit_note_id,
         channel, recipient, status, source_id, scheduled_for, attempts, created_at, updated_at)
       VALUES ('t1', $1, 'inv_1', $2, $3, 'email', 'dana@example.com', 'queued', $1, now(), 0,
         now(), now())`,
      [id, purpose, creditNoteId],
    );
  // A credit-note delivery without its credit note, or an invoice's delivery naming one: refused.
  await expect(insert("dlv_a", "credit_note", null)).rejects.toThrow(
    /deliveries_credit_note_check/,
  );
  await expect(insert("dlv_b", "invoice", "cn_1")).rejects.toThrow(/deliveries_credit_note_check/);
}

describe("migrate 11", () => {
  testUpgradeOnBothBackends(
    "deliveries of version 10 read back with no credit note; purpose and credit note stay together",
    checkUpgrade,
  );
});
