import type { InvoiceStore, StoreTransaction, Tenant } from "@remit/core";
import type { SqlRunner } from "../sql-client";
import { assertSameTenant, isoColumn, json, type Scope, type Tables } from "../sql-helpers";

type TenantRow = {
  id: string;
  version: number;
  settings: Omit<Tenant, "id" | "version" | "createdAt" | "updatedAt">;
  createdAt: string;
  updatedAt: string;
};

/** A tenant's settings row, or `undefined` before its first save. */
async function readTenant(
  runner: SqlRunner,
  tables: Tables,
  tenantId: string,
): Promise<Tenant | undefined> {
  const { rows } = await runner.query<TenantRow>(
    `SELECT tenant_id AS id, version, settings, ${isoColumn("created_at")} AS "createdAt",
            ${isoColumn("updated_at")} AS "updatedAt"
     FROM ${tables.tenants} WHERE tenant_id = $1`,
    [tenantId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...row.settings,
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  } as Tenant;
}

export function createTenantQueries(scope: Scope): StoreTransaction["tenants"] {
  const { runner, tenantId, tables } = scope;

  return {
    async get(input) {
      if (input?.forUpdate) {
        // A transaction-scoped advisory lock, not FOR UPDATE: it holds a tenant that has no
        // settings row yet as well, so two first saves cannot both start from the defaults.
        await runner.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
          `remit.tenant-settings:${tenantId}`,
        ]);
      }
      return readTenant(runner, tables, tenantId);
    },

    async put({ record: tenant }) {
      assertSameTenant(scope, { tenantId: tenant.id }, "tenant");
      const { id: _id, version, createdAt, updatedAt, ...settings } = tenant;
      await runner.query(
        `INSERT INTO ${tables.tenants} (tenant_id, version, settings, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version,
           settings = EXCLUDED.settings, created_at = EXCLUDED.created_at,
           updated_at = EXCLUDED.updated_at`,
        [tenantId, version, json(settings), createdAt, updatedAt],
      );
      await registerPaymentAccounts(scope, tenant);
    },
  };
}

/**
 * The account → tenant rows that let a provider's webhook find the tenant (`payment_accounts`,
 * a reference table on Citus), written with the settings that hold the accounts. A row that
 * names another tenant (an account connected again by another tenant) is moved to this one; a
 * row that is already right is left alone, so saving settings again writes nothing there.
 */
async function registerPaymentAccounts(scope: Scope, tenant: Tenant): Promise<void> {
  const accounts = Object.entries(tenant.paymentAccounts ?? {});
  if (accounts.length === 0) return;
  await scope.runner.query(
    `INSERT INTO ${scope.tables.paymentAccounts} (provider, account_id, tenant_id)
     SELECT provider, account_id, $3 FROM unnest($1::text[], $2::text[]) AS a(provider, account_id)
     ON CONFLICT (provider, account_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id
     WHERE payment_accounts.tenant_id <> EXCLUDED.tenant_id`,
    [
      accounts.map(([provider]) => provider),
      accounts.map(([, account]) => account.accountId),
      scope.tenantId,
    ],
  );
}

/**
 * A provider's webhook names the account, not the tenant: the account's tenant from
 * `payment_accounts` (on Citus a reference table, read on one node), then that tenant's settings
 * (on Citus its shard alone), which must still hold the account.
 */
export async function findTenantByPaymentAccount(
  runner: SqlRunner,
  tables: Tables,
  { provider, accountId }: { provider: string; accountId: string },
): Promise<Tenant | undefined> {
  const { rows: owners } = await runner.query<{ tenantId: string }>(
    `SELECT tenant_id AS "tenantId" FROM ${tables.paymentAccounts}
     WHERE provider = $1 AND account_id = $2`,
    [provider, accountId],
  );
  const owner = owners[0];
  if (!owner) return undefined;
  const tenant = await readTenant(runner, tables, owner.tenantId);
  return tenant?.paymentAccounts[provider]?.accountId === accountId ? tenant : undefined;
}

/**
 * Every tenant id with settings, customers, invoices, work orders or quotes (where a tenant's
 * data starts: a tenant may have records before it saves settings), in id order after `after`,
 * across tenants. Each table gives its first `limit` ids after `after`, from an index that
 * `tenant_id` leads; the five are merged.
 *
 * On one server each table is read with a loose index scan: a recursive CTE that skips from one
 * tenant to the next, one index probe per tenant, however many rows a tenant has. Citus runs no
 * recursive CTE across shards, so when the tables are distributed (`distributed`) each table is
 * read with `DISTINCT tenant_id` instead, which every shard runs on its own rows and the
 * coordinator merges; it reads the index entries of the tenants it returns.
 */
export async function listTenantIds(
  runner: SqlRunner,
  tables: Tables,
  { after, limit }: Parameters<InvoiceStore["listTenantIds"]>[0],
  { distributed }: { distributed: boolean },
): Promise<string[]> {
  const loose = (table: string) => `(
    WITH RECURSIVE ids(tenant_id) AS (
      SELECT min(tenant_id) FROM ${table} WHERE tenant_id > $1::text
      UNION ALL
      SELECT (SELECT min(tenant_id) FROM ${table} WHERE tenant_id > ids.tenant_id)
      FROM ids WHERE ids.tenant_id IS NOT NULL
    )
    SELECT tenant_id FROM ids WHERE tenant_id IS NOT NULL LIMIT $2
  )`;
  const sharded = (table: string) =>
    `(SELECT DISTINCT tenant_id FROM ${table} WHERE tenant_id > $1::text ORDER BY tenant_id LIMIT $2)`;
  const ids = distributed ? sharded : loose;
  const { rows } = await runner.query<{ id: string }>(
    `SELECT tenant_id AS id FROM (
       ${ids(tables.tenants)} UNION ${ids(tables.customers)}
       UNION ${ids(tables.invoices)} UNION ${ids(tables.workOrders)}
       UNION ${ids(tables.quotes)}
     ) AS every_tenant ORDER BY tenant_id LIMIT $2`,
    [after ?? "", limit],
  );
  return rows.map((row) => row.id);
}
