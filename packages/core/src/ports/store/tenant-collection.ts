import type { Tenant } from "../../tenants/tenant-settings";

/**
 * The transaction's own tenant: its settings, numbering formats and payment accounts.
 * @group Store port
 */
export type TenantCollection = {
  /**
   * The tenant's settings, or `undefined` before the first `put`. With `forUpdate`, holds the
   * tenant's settings (even before they exist) until the transaction ends, so two saves of
   * different fields run one after the other and neither is lost.
   */
  get(input?: { forUpdate?: boolean }): Promise<Tenant | undefined>;
  /** Inserts or replaces the tenant's settings (the whole record). */
  put(input: { record: Tenant }): Promise<void>;
};
