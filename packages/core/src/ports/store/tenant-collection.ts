import type { Tenant } from "../../tenants/tenant-settings";

/** The transaction's own tenant: its settings, numbering formats and payment accounts. */
export type TenantCollection = {
  /** The tenant's settings, or `undefined` before the first `put`. */
  get(): Promise<Tenant | undefined>;
  /** Inserts or replaces the tenant's settings (the whole record). */
  put(input: { record: Tenant }): Promise<void>;
};
