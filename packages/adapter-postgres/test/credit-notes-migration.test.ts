import { describe, expect } from "vitest";
import { createPostgresStore, migrate, type PostgresClient } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { testUpgradeOnBothBackends } from "./support/upgrade-tests";

// Version 7 (issue 19) adds `uncollectible` to the status check, the credit-note total and the
// written-off amount to every invoice, and the credit_notes and credit_applications tables, to a
// schema that already holds invoices: old rows read back with zeros in their currency's digits.

const before = migrations.filter((migration) => migration.version < 7);

async function checkUpgrade(client: PostgresClient, schema: string) {
  expect((await runMigrations(client, schema, before)).version).toBe(6);
  // Two invoices as version 6 stored them: dollars and yen.
  for (const [id, currency, total] of [
    ["inv_usd", "USD", "170.00"],
    ["inv_jpy", "JPY", "1700"],
  ] as const) {
    await client.query(
      `INSERT INTO "${schema}".invoices (tenant_id, id, version, status, revision, currency, terms,
         content, totals, total, amount_paid, amount_due, credit, refund_pending, created_by,
         created_at, updated_at, search_text)
       VALUES ('t1', $1, 1, 'pending_action', 1, $2, '"net_30"', '{"lines":[]}', '{}', $3,
         $3::numeric - $3::numeric, $3, $3::numeric - $3::numeric, $3::numeric - $3::numeric,
         '{"type":"system"}', now(), now(), '')`,
      [id, currency, total],
    );
  }
  await expect(
    client.query(`UPDATE "${schema}".invoices SET status = 'uncollectible' WHERE id = 'inv_usd'`),
  ).rejects.toBeDefined();

  // 7, and whatever later migrations there are.
  expect((await migrate(client, { schema })).applied[0]).toBe(7);

  const store = createPostgresStore({ client, schema });
  const read = (id: string) =>
    store.transaction({ tenantId: "t1", work: (transaction) => transaction.invoices.get({ id }) });
  expect(await read("inv_usd")).toMatchObject({
    creditNoteTotal: "0.00",
    writtenOff: "0.00",
    writeOffReason: null,
    lateFee: null,
    writtenOffAt: null,
  });
  expect(await read("inv_jpy")).toMatchObject({ creditNoteTotal: "0", writtenOff: "0" });
  await client.query(
    `UPDATE "${schema}".invoices SET status = 'uncollectible' WHERE id = 'inv_usd'`,
  );
  expect(await read("inv_usd")).toMatchObject({ status: "uncollectible" });
  await expect(
    client.query(`UPDATE "${schema}".invoices SET written_off = -1 WHERE id = 'inv_usd'`),
  ).rejects.toBeDefined();
}

describe("migrate 7", () => {
  testUpgradeOnBothBackends(
    "invoices of version 6 read back with zero credit notes and nothing written off",
    checkUpgrade,
  );
});
