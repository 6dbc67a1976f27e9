import type { StoreTransaction, Tenant } from "@remit/core";
import { assertSameTenant, isoColumn, json, type Scope } from "../sql-helpers";

type TenantRow = {
  id: string;
  version: number;
  settings: Omit<Tenant, "id" | "version" | "createdAt" | "updatedAt">;
  createdAt: string;
  updatedAt: string;
};

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
    },
  };
}
