import { z } from "zod";
import { ConcurrencyError } from "../../errors/concurrency-error";
import { DeliveryError } from "../../errors/delivery-error";
import { RemitError } from "../../errors/remit-error";
import { instantSchema } from "../../invoices/internal/move-input-fields";
import type { Invoice } from "../../invoices/invoice";
import { createInvoiceInScope } from "../../invoices/moves/create-invoice";
import { issueInvoiceInScope } from "../../invoices/moves/issue-invoice";
import { sendInvoiceInScope } from "../../invoices/moves/send-invoice";
import { submitInvoiceInScope } from "../../invoices/moves/simple-moves";
import type { Context } from "../../service/actor";
import type { ServiceCall } from "../../service/internal/define-move";
import { type MoveScope, parseContext, runMove } from "../../service/internal/run-move";
import { defaultTenant } from "../../tenants/default-tenant";
import { localDateAt } from "../../tenants/tenant-dates";
import { parseWithSchema } from "../../validation/to-validation-error";
import {
  calculatePlanOccurrences,
  dayAfter,
  nextPlanOccurrence,
} from "../calculate-plan-occurrences";
import { planCollectionsOf, savePlan } from "../internal/load-plan";
import type { ServicePlan } from "../service-plan";

export const generateDueOccurrencesInputSchema = z.object({
  /** The instant to generate at; defaults to the Clock's now. Due: on or before the local date. */
  at: instantSchema.optional(),
  /** Occurrences one plan generates per run at most (a plan far behind catches up over runs). */
  limitPerPlan: z.number().int().min(1).max(100).default(12),
});

export type GenerateDueOccurrencesInput = z.input<typeof generateDueOccurrencesInputSchema>;

/**
 * One occurrence a sweep generated.
 * @group Plans
 */
export type GeneratedOccurrence = {
  planId: string;
  date: string;
  invoiceId: string;
  /** Set when `issue_and_send` could not send (no contact, opted out): the invoice is issued, unsent. */
  sendRefused?: { code: string; channel: string };
};

/**
 * What a sweep did: the occurrences it generated, and the plans it could not generate.
 * @group Plans
 */
export type GenerateDueOccurrencesResult = {
  generated: GeneratedOccurrence[];
  failed: { planId: string; error: RemitError }[];
};

const plansPerPage = 100;

/** Makes the invoice of one occurrence, as the plan's mode says, inside the plan's transaction. */
async function billOccurrence(
  scope: MoveScope,
  plan: ServicePlan,
  date: string,
): Promise<GeneratedOccurrence> {
  const created = await createInvoiceInScope(scope, {
    ...plan.content,
    customerId: plan.customer.id,
    currency: plan.currency,
    terms: plan.terms,
  });
  const occurrence: GeneratedOccurrence = { planId: plan.id, date, invoiceId: created.id };
  if (plan.mode === "review") {
    await submitInvoiceInScope(scope, { id: created.id });
    return occurrence;
  }
  // The plan is the approval: where the tenant requires review, the occurrence is submitted and
  // approved in the same transaction.
  let invoice: Invoice;
  if (scope.tenant.requireReview) {
    await submitInvoiceInScope(scope, { id: created.id });
    invoice = await issueInvoiceInScope(scope, { id: created.id });
  } else {
    invoice = await issueInvoiceInScope(
      scope,
      { id: created.id },
      { invoice: created, stored: true },
    );
  }
  if (invoice.status === "paid") return occurrence;
  try {
    // Send checks every channel before it writes anything, so a refusal leaves the issue intact.
    await sendInvoiceInScope(scope, { id: invoice.id, channels: plan.channels });
  } catch (error) {
    if (!DeliveryError.isInstance(error)) throw error;
    occurrence.sendRefused = { code: error.code, channel: error.channel };
  }
  return occurrence;
}

/** Generates the due occurrences of one plan in its own transaction, holding the plan. */
async function generateForPlan(
  scope: MoveScope,
  planId: string,
  at: string,
  limit: number,
): Promise<GeneratedOccurrence[]> {
  const { plans, occurrences } = planCollectionsOf(scope.transaction);
  // Held until commit: a concurrent sweep waits here, then finds the plan moved on.
  const plan = await plans.get({ id: planId, forUpdate: true });
  const today = localDateAt(at, scope.tenant.timeZone);
  if (plan?.status !== "active" || plan.nextOccurrenceOn === null) return [];
  if (plan.nextOccurrenceOn > today) return [];
  const dates = calculatePlanOccurrences(plan.schedule, {
    from: plan.nextOccurrenceOn,
    to: today,
    limit,
  });
  const generated: GeneratedOccurrence[] = [];
  for (const date of dates) {
    if (await occurrences.get({ planId, date })) continue; // skipped ahead of time
    const occurrence = await billOccurrence(scope, plan, date);
    const claimed = await occurrences.claim({
      record: {
        tenantId: scope.context.tenantId,
        planId,
        date,
        status: "generated",
        invoiceId: occurrence.invoiceId,
        createdAt: scope.now,
      },
    });
    // Only a store that broke the plan's lock gets here; rolling back bills nothing twice.
    if (!claimed) throw new ConcurrencyError({ expectedVersion: plan.version, actualVersion: 0 });
    generated.push(occurrence);
  }
  const doneThrough = dates.length === limit ? (dates.at(-1) as string) : today;
  const nextOccurrenceOn = nextPlanOccurrence(plan.schedule, dayAfter(doneThrough));
  await savePlan(
    scope,
    plan,
    { ...plan, nextOccurrenceOn, status: nextOccurrenceOn === null ? "ended" : plan.status },
    "occurrences_generated",
    { occurrences: generated },
  );
  return generated;
}

/**
 * `remit.plans.generateDue`: the sweep of recurring plans. For each `active` plan whose next
 * occurrence is on or before the tenant's local date at `at`, generates each due occurrence's
 * invoice (a draft for review, or issued and sent), one plan per transaction. Exactly once per
 * occurrence however often it runs and however many workers run it at once: the plan is held while
 * its occurrences are made, and the store keeps one occurrence per plan and date. A plan that
 * fails (its customer gone, say) is reported in `failed` and the others go on.
 */
export const generateDueOccurrences: ServiceCall<
  GenerateDueOccurrencesInput | undefined,
  GenerateDueOccurrencesResult
> = async (deps, rawContext, rawInput) => {
  const context: Context = parseContext(rawContext);
  const input = parseWithSchema(generateDueOccurrencesInputSchema.prefault({}), rawInput);
  const at = input.at ?? deps.clock.now();
  const result: GenerateDueOccurrencesResult = { generated: [], failed: [] };
  let after: string | undefined;
  for (;;) {
    const due = await deps.store.transaction({
      tenantId: context.tenantId,
      readOnly: true,
      work: async (transaction) => {
        const tenant =
          (await transaction.tenants.get()) ?? defaultTenant(context.tenantId, deps.clock.now());
        return planCollectionsOf(transaction).plans.listDue({
          onOrBefore: localDateAt(at, tenant.timeZone),
          ...(after ? { after } : {}),
          limit: plansPerPage,
        });
      },
    });
    for (const plan of due) {
      try {
        const { occurrences } = await runMove(
          deps,
          context,
          {
            move: "generate plan occurrences",
            actors: ["system", "user"],
            args: { planId: plan.id },
          },
          async (scope) => ({
            occurrences: await generateForPlan(scope, plan.id, at, input.limitPerPlan),
          }),
        );
        result.generated.push(...occurrences);
      } catch (error) {
        if (!RemitError.isInstance(error)) throw error;
        result.failed.push({ planId: plan.id, error });
      }
    }
    const last = due.at(-1);
    if (due.length < plansPerPage || last === undefined) return result;
    after = last.id;
  }
};
