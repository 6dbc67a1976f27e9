import { type Tenant, tenantSettingsSchema } from "./tenant-settings";

/** The settings a tenant has before it saves any: USD, UTC, net 30, no review. */
export function defaultTenant(id: string, now: string): Tenant {
  return { ...tenantSettingsSchema.parse({}), id, version: 0, createdAt: now, updatedAt: now };
}
