import { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney, subtractFloorZero } from "../../money/money-arithmetic";
import { calculateProgressStage } from "../../progress/calculate-progress-stage";
import {
  progressStageInputSchema,
  progressStageSchema,
} from "../../progress/progress-stage-input-schema";
import { defineMove } from "../../service/internal/define-move";
import type { MoveScope } from "../../service/internal/run-move";
import { createProgressInvoice } from "../internal/create-progress-invoice";
import { loadWorkOrderForMove, saveWorkOrder } from "../internal/load-work-order";
import { progressContractOf } from "../internal/progress-contract";
import {
  listWorkOrderInvoices,
  liveProgressInvoices,
  type ProgressInvoice,
} from "../internal/progress-invoices";
import type { WorkOrder } from "../work-order";

/** @group Work orders */
export const billWorkOrderStageInputSchema = z.object({
  /** The work order. */
  id: recordIdSchema,
  /**
   * What this stage bills: `{ percent }` or `{ amount }` of the contract, `{ lineProgress }`
   * (each line's cumulative percent complete, by work order entry or fee id), or
   * `{ final: true }` (exactly what is left of every line).
   */
  stage: progressStageSchema,
  /** Withheld from this stage's amount due, as a percent of its net; billed by `billRetainage`. */
  retainagePercent: progressStageInputSchema.shape.retainagePercent,
  expectedVersion: expectedVersionSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Work orders @interface */
export type BillWorkOrderStageInput = z.input<typeof billWorkOrderStageInputSchema>;

/** The work order statuses a stage may be billed from: the job is not cancelled nor billed in full. */
const billable = ["open", "scheduled", "in_progress", "complete_invoice_needed"] as const;

/** Net billed so far per contract line by the live stages. */
function billedSoFar(workOrder: WorkOrder, stages: ProgressInvoice[]): Record<string, string> {
  const digits = minorUnitsOf(workOrder.currency);
  const billed: Record<string, string> = {};
  for (const stage of stages)
    for (const [lineId, amount] of Object.entries(stage.progress.billed))
      billed[lineId] = addMoney(digits, billed[lineId] ?? "0", amount);
  return billed;
}

/**
 * The deposit this stage is expected to take: what the quote holds, less what the live stages
 * not yet issued will take first (each takes its deposit at issue, in order).
 */
async function depositLeftFor(
  scope: MoveScope,
  workOrder: WorkOrder,
  stages: ProgressInvoice[],
): Promise<string> {
  if (workOrder.quoteId === null) return "0";
  const quote = await scope.transaction.quotes.get({ id: workOrder.quoteId });
  if (!quote || quote.currency !== workOrder.currency) return "0";
  const digits = minorUnitsOf(workOrder.currency);
  let left = quote.depositHeld;
  for (const stage of stages)
    if (stage.issuedAt === null)
      left = subtractFloorZero(
        digits,
        left,
        subtractFloorZero(digits, stage.total, stage.progress.retained),
      );
  return left;
}

/**
 * Refuses a work order that is billed otherwise: by one invoice (review & submit), or whose
 * retainage is billed already (nothing may come after it).
 */
export function assertBilledInStages(
  workOrder: WorkOrder,
  live: readonly { progress: unknown | null; status: string }[],
  move: string,
): void {
  if (live.some((invoice) => invoice.progress === null))
    throw new InvalidTransitionError({
      status: workOrder.status,
      move,
      reason: "it is billed by one invoice; cancel that invoice to bill in stages",
    });
}

/**
 * `remit.workOrders.billStage`: bills the next stage of a work order's contract (its lines' net
 * amounts) as an invoice of its own, submitted for review or issued like review & submit's. The
 * stage that bills everything left is the final one: the work order becomes `invoiced`.
 */
export const billWorkOrderStage = defineMove(
  { move: "bill work order stage", actors: ["user"], input: billWorkOrderStageInputSchema },
  async (scope, input) => {
    // Holding the work order serializes stages: each one sees what the others billed.
    const previous = await loadWorkOrderForMove(scope, input, "bill a stage", billable);
    const invoices = await listWorkOrderInvoices(scope, previous.id);
    assertBilledInStages(
      previous,
      invoices.filter((invoice) => invoice.status !== "cancelled"),
      "bill a stage",
    );
    const live = liveProgressInvoices(invoices);
    if (live.some((invoice) => invoice.progress.kind === "retainage"))
      throw new InvalidTransitionError({
        status: previous.status,
        move: "bill a stage",
        reason: "its retainage is billed already; cancel the retainage invoice first",
      });
    const contract = progressContractOf(previous);
    const calculation = calculateProgressStage({
      currency: previous.currency,
      lines: contract,
      taxRates: previous.taxRates,
      billed: billedSoFar(previous, live),
      stage: input.stage,
      retainagePercent: input.retainagePercent,
      depositLeft: await depositLeftFor(scope, previous, live),
    });
    const number = Math.max(0, ...live.map((invoice) => invoice.progress.stage)) + 1;
    const invoice = await createProgressInvoice(scope, previous, {
      lines: calculation.lines.flatMap((line, index) => {
        const term = contract[index];
        return term === undefined || /^0(\.0+)?$/.test(line.amount)
          ? []
          : [{ ...term, amount: line.amount }];
      }),
      taxRates: previous.taxRates,
      progress: {
        workOrderId: previous.id,
        stage: number,
        kind: "stage",
        final: calculation.final,
        retained: calculation.retained,
        retainagePercent: input.retainagePercent,
        billed: Object.fromEntries(calculation.lines.map((line) => [line.lineId, line.amount])),
        depositApplied: addMoney(minorUnitsOf(previous.currency), "0"),
      },
      memo: `Stage ${number}${calculation.final ? " (final)" : ""} of progress billing. Stage taxes may differ from one invoice's tax by rounding.`,
    });
    const workOrder = calculation.final
      ? await saveWorkOrder(
          scope,
          previous,
          { ...previous, status: "invoiced", invoiceId: invoice.id },
          "invoiced",
          { invoiceId: invoice.id, stage: number },
        )
      : await saveWorkOrder(scope, previous, previous, "stage_billed", {
          invoiceId: invoice.id,
          stage: number,
        });
    return { workOrder, invoice };
  },
);
