import type { InvoiceStore } from "@remit/core";
import type { DistributionCheck } from "../distribution";
import type { SqlRunner } from "../sql-client";
import type { Tables } from "../sql-helpers";
import { claimJobsPerTenant } from "./claim-jobs-per-tenant";
import { findInvoiceByPublicToken } from "./invoice-queries";
import { claimJobs } from "./job-queries";
import { findQuoteByPublicToken } from "./quote-queries";
import { findTenantByPaymentAccount, listTenantIds } from "./tenant-queries";

/**
 * The store's five reads across tenants, the same on one server and on Citus:
 *
 * - `findInvoiceByPublicToken` and `findQuoteByPublicToken`: one statement on one server; on Citus
 *   the token's tenant from `public_tokens` (a reference table), then the record within that
 *   tenant;
 * - `findTenantByPaymentAccount`: the account's tenant from `payment_accounts` (a reference table
 *   on Citus), then that tenant's settings;
 * - `claimJobs`: one statement on one server; two steps when the tables are distributed (see
 *   `claimJobsPerTenant`);
 * - `listTenantIds`: a loose index scan on one server, `DISTINCT` per shard on Citus.
 *
 * Whether the tables are distributed is asked once per store. A claim that Citus refuses
 * (a store started before `distributeForCitus` ran) asks again and takes the Citus path.
 */
export function createCrossTenantQueries(
  runner: SqlRunner,
  tables: Tables,
  distribution: DistributionCheck,
): Pick<
  InvoiceStore,
  | "findInvoiceByPublicToken"
  | "findQuoteByPublicToken"
  | "findTenantByPaymentAccount"
  | "claimJobs"
  | "listTenantIds"
> {
  return {
    findInvoiceByPublicToken: async ({ token }) =>
      findInvoiceByPublicToken(runner, tables, token, {
        distributed: await distribution.isDistributed(),
      }),

    findQuoteByPublicToken: async ({ token }) =>
      findQuoteByPublicToken(runner, tables, token, {
        distributed: await distribution.isDistributed(),
      }),

    findTenantByPaymentAccount: (input) => findTenantByPaymentAccount(runner, tables, input),

    async claimJobs(input) {
      if (await distribution.isDistributed()) return claimJobsPerTenant(runner, tables, input);
      try {
        return await claimJobs(runner, tables, input);
      } catch (error) {
        if (!isRefusedByCitus(error)) throw error;
        distribution.recheck();
        if (!(await distribution.isDistributed())) throw error;
        return claimJobsPerTenant(runner, tables, input);
      }
    },

    listTenantIds: async (input) =>
      listTenantIds(runner, tables, input, { distributed: await distribution.isDistributed() }),
  };
}

/** Citus's "could not run distributed query with FOR UPDATE/SHARE commands" (feature_not_supported). */
function isRefusedByCitus(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
  return (cause as { code?: unknown } | undefined)?.code === "0A000";
}
