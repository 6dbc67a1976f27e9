import type { z } from "zod";
import type { CustomerSnapshot } from "../../customers/customer";
import { ValidationError, type ValidationIssue } from "../../errors/validation-error";
import { calculateNewContent } from "../../invoices/internal/calculate-invoice-content";
import { readCustomerSnapshot } from "../../invoices/internal/read-customer-snapshot";
import { defineMove } from "../../service/internal/define-move";
import type { MoveScope } from "../../service/internal/run-move";
import { localDateAt } from "../../tenants/tenant-dates";
import { nextPlanOccurrence } from "../calculate-plan-occurrences";
import { loadPlanForMove, planCollectionsOf, planSubject, savePlan } from "../internal/load-plan";
import { createPlanInputSchema, updatePlanInputSchema } from "../internal/plan-fields";
import type { ServicePlan } from "../service-plan";

export type CreatePlanInput = z.input<typeof createPlanInputSchema>;
export type UpdatePlanInput = z.input<typeof updatePlanInputSchema>;

type ContentInput = {
  [Field in "lines" | "taxRates" | "discounts" | "fees" | "rounding" | "memo"]?: unknown;
};

/**
 * What each occurrence will bill, checked as an invoice would be (paths as in `invoices.create`)
 * and kept in canonical form; the tenant's default taxes are copied in now, as an invoice's are.
 */
function planContent(
  currency: string,
  input: ContentInput,
  base: Record<string, unknown>,
  scope: MoveScope,
): { content: Record<string, unknown> } | { issues: ValidationIssue[] } {
  const raw = {
    ...base,
    ...Object.fromEntries(
      (["lines", "taxRates", "discounts", "fees", "rounding", "memo"] as const)
        .filter((field) => input[field] !== undefined)
        .map((field) => [field, input[field]]),
    ),
  };
  const calculated = calculateNewContent(currency, raw, {
    defaultTaxRates: scope.tenant.defaultTaxRates,
    memo: raw.memo as string | undefined,
  });
  if (!calculated.ok) return { issues: [...calculated.issues] };
  if (calculated.content.lines.length === 0)
    return { issues: [{ path: "lines", message: "a plan bills at least one line" }] };
  return { content: calculated.content as unknown as Record<string, unknown> };
}

/**
 * `remit.plans.create`: a recurring service plan in `active`. Its first occurrence is the first
 * date of the schedule on or after the later of its start and the tenant's local date today:
 * a plan never bills for dates before it was made. Emits `plan.created`.
 */
export const createPlan = defineMove(
  { move: "create plan", actors: ["user"], input: createPlanInputSchema },
  async (scope, input) => {
    const { plans } = planCollectionsOf(scope.transaction);
    const issues: ValidationIssue[] = [];
    const currency = input.currency ?? scope.tenant.currency;
    const content = planContent(currency, input, {}, scope);
    if ("issues" in content) issues.push(...content.issues);
    let customer: CustomerSnapshot | undefined;
    const found = await readCustomerSnapshot(scope, input.customerId);
    if ("issue" in found) issues.push(found.issue);
    else customer = found.snapshot;
    if (issues.length > 0 || !customer || "issues" in content)
      throw new ValidationError({ issues });
    const today = localDateAt(scope.now, scope.tenant.timeZone);
    const plan: ServicePlan = {
      tenantId: scope.context.tenantId,
      id: scope.deps.ids.newId("plan"),
      version: 1,
      status: "active",
      name: input.name,
      customer,
      currency,
      terms: input.terms ?? scope.tenant.defaultTerms,
      content: content.content,
      schedule: input.schedule,
      mode: input.mode ?? "review",
      channels: input.channels ?? ["email"],
      nextOccurrenceOn: nextPlanOccurrence(input.schedule, today),
      createdAt: scope.now,
      updatedAt: scope.now,
      createdBy: scope.context.actor,
    };
    await plans.insert({ record: plan });
    scope.emit("plan.created", planSubject(plan), {
      status: plan.status,
      schedule: plan.schedule,
      mode: plan.mode,
      nextOccurrenceOn: plan.nextOccurrenceOn,
    });
    return { plan };
  },
);

/**
 * `remit.plans.update`: changes what the plan bills (lines, prices, taxes, terms, memo), its
 * name, mode or channels. Occurrences already generated keep their invoices; the change applies
 * from the next occurrence on. The schedule is not changed here: end the plan and make a new one.
 * Emits `plan.updated` with the fields that changed.
 */
export const updatePlan = defineMove(
  { move: "update plan", actors: ["user"], input: updatePlanInputSchema },
  async (scope, input, given) => {
    const previous = await loadPlanForMove(scope, input, "update", ["active", "paused"]);
    const content = planContent(previous.currency, input, previous.content, scope);
    if ("issues" in content) throw new ValidationError({ issues: content.issues });
    const plan = await savePlan(
      scope,
      previous,
      {
        ...previous,
        name: input.name ?? previous.name,
        terms: input.terms ?? previous.terms,
        mode: input.mode ?? previous.mode,
        channels: input.channels ?? previous.channels,
        content: content.content,
      },
      "updated",
      {
        changed: Object.keys(given).filter(
          (key) => !["id", "expectedVersion", "idempotencyKey"].includes(key),
        ),
      },
    );
    return { plan };
  },
);
