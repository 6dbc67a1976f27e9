import { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { reasonSchema, recordMoveInputSchema } from "../../invoices/internal/move-input-fields";
import { defineMove } from "../../service/internal/define-move";
import { textSchema } from "../../validation/text-schema";
import { loadWorkOrderForMove, saveWorkOrder } from "../internal/load-work-order";
import { listWorkOrderInvoices, liveProgressInvoices } from "../internal/progress-invoices";

const timeSchema = textSchema.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "08:00"');

/** @group Work orders */
export const scheduleWorkOrderInputSchema = recordMoveInputSchema.extend({
  date: z.iso.date(),
  windowStart: timeSchema,
  windowEnd: timeSchema,
  technician: textSchema.trim().min(1).max(100),
});

/** @group Work orders @interface */
export type WorkOrderMoveInput = z.input<typeof recordMoveInputSchema>;

/** Sets the date, time window and technician: `open` or `scheduled` → `scheduled`. */
export const scheduleWorkOrder = defineMove(
  { move: "schedule", actors: ["user"], input: scheduleWorkOrderInputSchema },
  async (scope, input) => {
    const previous = await loadWorkOrderForMove(scope, input, "schedule", ["open", "scheduled"]);
    const { date, windowStart, windowEnd, technician } = input;
    const schedule = { date, windowStart, windowEnd, technician };
    const next = { ...previous, status: "scheduled" as const, schedule };
    return { workOrder: await saveWorkOrder(scope, previous, next, "scheduled", { schedule }) };
  },
);

/** Work started: `open` or `scheduled` → `in_progress`. */
export const startWorkOrder = defineMove(
  { move: "start", actors: ["user"], input: recordMoveInputSchema },
  async (scope, input) => {
    const previous = await loadWorkOrderForMove(scope, input, "start", ["open", "scheduled"]);
    const next = { ...previous, status: "in_progress" as const, startedAt: scope.now };
    return { workOrder: await saveWorkOrder(scope, previous, next, "started") };
  },
);

/** Work done: → `complete_invoice_needed`, ready for review & submit. */
export const completeWorkOrder = defineMove(
  { move: "complete", actors: ["user"], input: recordMoveInputSchema },
  async (scope, input) => {
    const previous = await loadWorkOrderForMove(scope, input, "complete", [
      "open",
      "scheduled",
      "in_progress",
    ]);
    const next = {
      ...previous,
      status: "complete_invoice_needed" as const,
      completedAt: scope.now,
    };
    return { workOrder: await saveWorkOrder(scope, previous, next, "completed") };
  },
);

/**
 * The input of `remit.workOrders.cancel`: the work order and a reason.
 * @group Work orders
 */
export const cancelWorkOrderInputSchema = recordMoveInputSchema.extend({ reason: reasonSchema });

/** Withdraws the job for a reason; refused once it is invoiced (cancel the invoice first). */
export const cancelWorkOrder = defineMove(
  { move: "cancel", actors: ["user"], input: cancelWorkOrderInputSchema },
  async (scope, input) => {
    const previous = await loadWorkOrderForMove(scope, input, "cancel", [
      "open",
      "scheduled",
      "in_progress",
      "complete_invoice_needed",
    ]);
    // Stages billed so far would be left without their job: cancel them first.
    if (liveProgressInvoices(await listWorkOrderInvoices(scope, previous.id)).length > 0)
      throw new InvalidTransitionError({
        status: previous.status,
        move: "cancel",
        reason: "stages of it are billed; cancel their invoices first",
      });
    const next = { ...previous, status: "cancelled" as const, cancellationReason: input.reason };
    return {
      workOrder: await saveWorkOrder(scope, previous, next, "cancelled", { reason: input.reason }),
    };
  },
);
