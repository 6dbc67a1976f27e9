import type { Tenant } from "@remit/core";
import { describe, expect } from "vitest";
import { createPostgresStore, migrate, type PostgresClient } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { tenantRecord } from "./support/records";
import { testUpgradeOnBothBackends } from "./support/upgrade-tests";

// Version 6 adds `payment_accounts` (account → tenant, for webhooks that name only the account)
// to a schema that already holds tenants: every account already saved in a tenant's settings gets
// its row, so tenants connected before the upgrade are found too.

const before = migrations.filter((migration) => migration.version < 6);

const account = (accountId: string) => ({
  accountId,
  chargesEnabled: true,
  detailsSubmitted: true,
});

/** Version 5 with tenants in it, then `migrate`: each connected tenant is found by its account. */
async function checkUpgrade(client: PostgresClient, schema: string) {
  expect((await runMigrations(client, schema, before)).version).toBe(5);
  // Settings as version 5 stored them: straight into `tenants`, no account rows anywhere.
  const saved: Tenant[] = [
    tenantRecord("t-acme", { paymentAccounts: { stripe: account("acct_acme") } }),
    tenantRecord("t-two", {
      paymentAccounts: { stripe: account("acct_two"), other: account("other_two") },
    }),
    tenantRecord("t-none"),
    // Settings saved before 0.2 may lack the field altogether.
    tenantRecord("t-old", { paymentAccounts: undefined as unknown as Tenant["paymentAccounts"] }),
  ];
  for (const tenant of saved) {
    const { id, version, createdAt, updatedAt, ...settings } = tenant;
    await client.query(
      `INSERT INTO "${schema}".tenants (tenant_id, version, settings, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, version, JSON.stringify(settings), createdAt, updatedAt],
    );
  }

  const later = migrations.filter((migration) => migration.version > 5);
  expect(await migrate(client, { schema })).toEqual({
    applied: later.map((migration) => migration.version),
    version: Math.max(...later.map((migration) => migration.version)),
  });

  const { rows } = await client.query(
    `SELECT provider, account_id, tenant_id FROM "${schema}".payment_accounts ORDER BY provider, account_id`,
  );
  expect(rows).toEqual([
    { provider: "other", account_id: "other_two", tenant_id: "t-two" },
    { provider: "stripe", account_id: "acct_acme", tenant_id: "t-acme" },
    { provider: "stripe", account_id: "acct_two", tenant_id: "t-two" },
  ]);
  const store = createPostgresStore({ client, schema });
  const find = (provider: string, accountId: string) =>
    store.findTenantByPaymentAccount?.({ provider, accountId });
  expect(await find("stripe", "acct_acme")).toEqual(saved[0]);
  expect(await find("other", "other_two")).toEqual(saved[1]);
  expect(await find("stripe", "acct_none")).toBeUndefined();
}

describe("migrate 6", () => {
  testUpgradeOnBothBackends(
    "a filled version 5 gets a payment_accounts row for every connected tenant",
    checkUpgrade,
  );
});
