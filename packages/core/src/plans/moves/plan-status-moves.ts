import type { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { ValidationError } from "../../errors/validation-error";
import { recordMoveInputSchema } from "../../invoices/internal/move-input-fields";
import { defineMove } from "../../service/internal/define-move";
import { localDateAt } from "../../tenants/tenant-dates";
import {
  calculatePlanOccurrences,
  dayAfter,
  nextPlanOccurrence,
} from "../calculate-plan-occurrences";
import { loadPlanForMove, planCollectionsOf, savePlan } from "../internal/load-plan";
import { calendarDateSchema } from "../internal/plan-fields";

export const planMoveInputSchema = recordMoveInputSchema;
export type PlanMoveInput = z.input<typeof planMoveInputSchema>;

export const skipPlanOccurrenceInputSchema = recordMoveInputSchema.extend({
  /** The occurrence not to bill: a date of the schedule, not generated yet. */
  date: calendarDateSchema,
});
export type SkipPlanOccurrenceInput = z.input<typeof skipPlanOccurrenceInputSchema>;

/** `remit.plans.pause`: `active` → `paused`; no occurrence is generated while paused. */
export const pausePlan = defineMove(
  { move: "pause plan", actors: ["user"], input: planMoveInputSchema },
  async (scope, input) => {
    const previous = await loadPlanForMove(scope, input, "pause", ["active"]);
    return { plan: await savePlan(scope, previous, { ...previous, status: "paused" }, "paused") };
  },
);

/**
 * `remit.plans.resume`: `paused` → `active`. The dates that passed while paused are not billed
 * (a paused plan is one the customer did not want serviced): the next occurrence is the first on
 * or after the tenant's local date today.
 */
export const resumePlan = defineMove(
  { move: "resume plan", actors: ["user"], input: planMoveInputSchema },
  async (scope, input) => {
    const previous = await loadPlanForMove(scope, input, "resume", ["paused"]);
    const today = localDateAt(scope.now, scope.tenant.timeZone);
    const from =
      previous.nextOccurrenceOn !== null && previous.nextOccurrenceOn > today
        ? previous.nextOccurrenceOn
        : today;
    const plan = await savePlan(
      scope,
      previous,
      {
        ...previous,
        status: "active",
        nextOccurrenceOn: nextPlanOccurrence(previous.schedule, from),
      },
      "resumed",
    );
    return { plan };
  },
);

/** `remit.plans.end`: `active` or `paused` → `ended`; nothing more is generated, ever. */
export const endPlan = defineMove(
  { move: "end plan", actors: ["user"], input: planMoveInputSchema },
  async (scope, input) => {
    const previous = await loadPlanForMove(scope, input, "end", ["active", "paused"]);
    const plan = await savePlan(
      scope,
      previous,
      { ...previous, status: "ended", nextOccurrenceOn: null },
      "ended",
    );
    return { plan };
  },
);

/**
 * `remit.plans.skip`: one occurrence is not billed (the customer is away that month). The date
 * must be one of the schedule's, not generated yet; it is taken as `skipped`, so no sweep bills
 * it later. Emits `plan.occurrence_skipped`.
 */
export const skipPlanOccurrence = defineMove(
  { move: "skip plan occurrence", actors: ["user"], input: skipPlanOccurrenceInputSchema },
  async (scope, input) => {
    const previous = await loadPlanForMove(scope, input, "skip", ["active", "paused"]);
    const { occurrences } = planCollectionsOf(scope.transaction);
    const [date] = calculatePlanOccurrences(previous.schedule, {
      from: input.date,
      to: input.date,
    });
    if (date === undefined) {
      throw new ValidationError({
        issues: [{ path: "date", message: "is not a date of the plan's schedule" }],
      });
    }
    if (previous.nextOccurrenceOn === null || date < previous.nextOccurrenceOn) {
      throw new InvalidTransitionError({
        status: "generated",
        move: "skip",
        reason: `the occurrence of ${date} is past; cancel its invoice instead`,
      });
    }
    const claimed = await occurrences.claim({
      record: {
        tenantId: scope.context.tenantId,
        planId: previous.id,
        date,
        status: "skipped",
        invoiceId: null,
        createdAt: scope.now,
      },
    });
    if (!claimed)
      throw new InvalidTransitionError({
        status: "skipped",
        move: "skip",
        reason: `${date} is already skipped`,
      });
    // Skipping the next occurrence moves the plan's next date on, so lists show the right one.
    const nextOccurrenceOn =
      date === previous.nextOccurrenceOn
        ? nextPlanOccurrence(previous.schedule, dayAfter(date))
        : previous.nextOccurrenceOn;
    const plan = await savePlan(
      scope,
      previous,
      { ...previous, nextOccurrenceOn },
      "occurrence_skipped",
      { date },
    );
    return { plan };
  },
);
