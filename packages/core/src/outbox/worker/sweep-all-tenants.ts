import { z } from "zod";
import { NotSupportedError } from "../../errors/not-supported-error";
import { instantSchema } from "../../invoices/internal/move-input-fields";
import type { Remit } from "../../remit";
import { dependenciesOf } from "../../service/remit-internals";
import { parseWithSchema } from "../../validation/to-validation-error";

/** @group Outbox worker */
export const sweepAllTenantsInputSchema = z.object({
  /** The instant to sweep at; defaults to the Clock's now. */
  at: instantSchema.optional(),
  /** Tenants swept at once. Default 4. */
  concurrency: z.number().int().min(1).max(64).default(4),
});

/**
 * What a sweep over every tenant moved.
 * @group Outbox worker
 */
export type SweepReport = {
  tenants: number;
  pastDue: number;
  expiredQuotes: number;
  /**
   * Occurrences of recurring plans generated (0 on a store without plans).
   * @since 0.2.0
   */
  planOccurrences: number;
  /**
   * Late fees charged by the past-due sweep.
   * @since 0.3.0
   */
  lateFees: number;
};

/** A tenant's due plan occurrences; none on a store written before plans. */
async function generatePlanOccurrences(
  remit: Remit,
  context: { tenantId: string; actor: { type: "system" } },
  at: string,
): Promise<number> {
  try {
    return (await remit.plans.generateDue(context, { at })).generated.length;
  } catch (error) {
    if (NotSupportedError.isInstance(error)) return 0;
    throw error;
  }
}

/**
 * Runs the time-based moves for every tenant: recurring plans' due occurrences, the past-due sweep
 * and the quote-expiry sweep, each at the tenant's own local date. Idempotent, so it is safe from
 * a cron job, from several servers, or from the outbox worker's `sweepEvery`.
 *
 * @example
 * ```ts
 * const report = await sweepAllTenants(remit); // { tenants, pastDue, expiredQuotes, planOccurrences, lateFees }
 * ```
 * @group Outbox worker
 */
export async function sweepAllTenants(
  remit: Remit,
  rawInput: z.input<typeof sweepAllTenantsInputSchema> = {},
): Promise<SweepReport> {
  const input = parseWithSchema(sweepAllTenantsInputSchema, rawInput);
  const { store, clock } = dependenciesOf(remit);
  const at = input.at ?? clock.now();
  const report: SweepReport = {
    tenants: 0,
    pastDue: 0,
    expiredQuotes: 0,
    planOccurrences: 0,
    lateFees: 0,
  };
  let after: string | undefined;
  for (;;) {
    const tenantIds = await store.listTenantIds({
      limit: 500,
      ...(after === undefined ? {} : { after }),
    });
    for (let start = 0; start < tenantIds.length; start += input.concurrency) {
      await Promise.all(
        tenantIds.slice(start, start + input.concurrency).map(async (tenantId) => {
          const context = { tenantId, actor: { type: "system" as const } };
          // Await first, then add: `report.x += await …` would read the total before the await
          // and lose the other tenants' counts.
          // Plans first: an occurrence due today is billed before today's past-due pass.
          const plans = await generatePlanOccurrences(remit, context, at);
          const pastDue = await remit.invoices.sweepPastDue(context, { at });
          const expired = await remit.quotes.sweepExpired(context, { at });
          report.pastDue += pastDue.moved;
          report.lateFees += pastDue.lateFeesAdded;
          report.expiredQuotes += expired.moved;
          report.planOccurrences += plans;
          report.tenants++;
        }),
      );
    }
    const last = tenantIds.at(-1);
    if (tenantIds.length < 500 || last === undefined) return report;
    after = last;
  }
}
