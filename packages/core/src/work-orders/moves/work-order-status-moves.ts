import { z } from "zod";
import { reasonSchema, recordMoveInputSchema } from "../../invoices/internal/move-input-fields";
import { runMove } from "../../service/internal/run-move";
import type { RemitDependencies } from "../../service/remit-dependencies";
import { parseWithSchema } from "../../validation/to-validation-error";
import { loadWorkOrderForMove, saveWorkOrder } from "../internal/load-work-order";

const moveInputSchema = recordMoveInputSchema;

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "08:00"');

export const scheduleWorkOrderInputSchema = moveInputSchema.extend({
  date: z.iso.date(),
  windowStart: timeSchema,
  windowEnd: timeSchema,
  technician: z.string().trim().min(1).max(100),
});

export type WorkOrderMoveInput = z.input<typeof moveInputSchema>;

/** The work order status moves: schedule, start, complete, cancel. */
export function createWorkOrderStatusMoves(deps: RemitDependencies) {
  return {
    /** Sets the date, time window and technician: `open` or `scheduled` → `scheduled`. */
    async schedule(context: unknown, rawInput: z.input<typeof scheduleWorkOrderInputSchema>) {
      const input = parseWithSchema(scheduleWorkOrderInputSchema, rawInput);
      return runMove(
        deps,
        context,
        { move: "schedule", actors: ["user"], idempotencyKey: input.idempotencyKey, args: input },
        async (scope) => {
          const previous = await loadWorkOrderForMove(scope, input, "schedule", [
            "open",
            "scheduled",
          ]);
          const { date, windowStart, windowEnd, technician } = input;
          const schedule = { date, windowStart, windowEnd, technician };
          return {
            workOrder: await saveWorkOrder(
              scope,
              previous,
              { ...previous, status: "scheduled", schedule },
              "scheduled",
              { schedule },
            ),
          };
        },
      );
    },
    /** Work started: `open` or `scheduled` → `in_progress`. */
    async start(context: unknown, rawInput: WorkOrderMoveInput) {
      const input = parseWithSchema(moveInputSchema, rawInput);
      return runMove(
        deps,
        context,
        { move: "start", actors: ["user"], idempotencyKey: input.idempotencyKey, args: input },
        async (scope) => {
          const previous = await loadWorkOrderForMove(scope, input, "start", ["open", "scheduled"]);
          return {
            workOrder: await saveWorkOrder(
              scope,
              previous,
              { ...previous, status: "in_progress", startedAt: scope.now },
              "started",
            ),
          };
        },
      );
    },
    /** Work done: → `complete_invoice_needed`, ready for review & submit. */
    async complete(context: unknown, rawInput: WorkOrderMoveInput) {
      const input = parseWithSchema(moveInputSchema, rawInput);
      return runMove(
        deps,
        context,
        { move: "complete", actors: ["user"], idempotencyKey: input.idempotencyKey, args: input },
        async (scope) => {
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
    },
    /** Withdraws the job for a reason; refused once it is invoiced (cancel the invoice first). */
    async cancel(context: unknown, rawInput: WorkOrderMoveInput & { reason: string }) {
      const input = parseWithSchema(moveInputSchema.extend({ reason: reasonSchema }), rawInput);
      return runMove(
        deps,
        context,
        { move: "cancel", actors: ["user"], idempotencyKey: input.idempotencyKey, args: input },
        async (scope) => {
          const previous = await loadWorkOrderForMove(scope, input, "cancel", [
            "open",
            "scheduled",
            "in_progress",
            "complete_invoice_needed",
          ]);
          const next = {
            ...previous,
            status: "cancelled" as const,
            cancellationReason: input.reason,
          };
          return {
            workOrder: await saveWorkOrder(scope, previous, next, "cancelled", {
              reason: input.reason,
            }),
          };
        },
      );
    },
  };
}
