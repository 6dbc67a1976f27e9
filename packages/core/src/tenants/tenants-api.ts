import { z } from "zod";
import { parseContext } from "../service/internal/run-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { parseWithSchema } from "../validation/to-validation-error";
import { defaultTenant } from "./default-tenant";
import { type Tenant, type TenantSettingsInput, tenantSettingsSchema } from "./tenant-settings";

/** `remit.tenants`: one contractor business's settings. They apply to later moves only. */
export function createTenantsApi(deps: RemitDependencies) {
  return {
    /** Saves settings; fields left out keep their current (or default) value. */
    async upsert(rawContext: unknown, settings: TenantSettingsInput): Promise<Tenant> {
      const context = parseContext(rawContext);
      const changes = parseWithSchema(z.record(z.string(), z.unknown()), settings);
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: async (transaction) => {
          const now = deps.clock.now();
          const current = (await transaction.tenants.get()) ?? defaultTenant(context.tenantId, now);
          const defined = Object.fromEntries(
            Object.entries(changes).filter(([, value]) => value !== undefined),
          );
          // Validate the whole result: a partial schema would fill defaults over saved values.
          const merged = parseWithSchema(tenantSettingsSchema, { ...current, ...defined });
          const tenant: Tenant = {
            ...merged,
            id: context.tenantId,
            version: current.version + 1,
            createdAt: current.createdAt,
            updatedAt: now,
          };
          await transaction.tenants.put({ record: tenant });
          return tenant;
        },
      });
    },

    /** The tenant's settings (the defaults before any were saved). */
    async get(rawContext: unknown): Promise<Tenant> {
      const context = parseContext(rawContext);
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: async (transaction) =>
          (await transaction.tenants.get()) ?? defaultTenant(context.tenantId, deps.clock.now()),
      });
    },
  };
}
