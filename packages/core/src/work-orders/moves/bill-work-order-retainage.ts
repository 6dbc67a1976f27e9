import { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { ValidationError } from "../../errors/validation-error";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney, isZeroMoney } from "../../money/money-arithmetic";
import { calculateRetainageRelease } from "../../progress/calculate-retainage-release";
import { defineMove } from "../../service/internal/define-move";
import { textSchema } from "../../validation/text-schema";
import { createProgressInvoice } from "../internal/create-progress-invoice";
import { loadWorkOrderForMove, saveWorkOrder } from "../internal/load-work-order";
import { listWorkOrderInvoices, liveProgressInvoices } from "../internal/progress-invoices";

/** @group Work orders */
export const billWorkOrderRetainageInputSchema = z.object({
  /** The work order, billed in stages up to the final one. */
  id: recordIdSchema,
  /** The retainage invoice's line. */
  description: textSchema.min(1).max(1_000).default("Retainage released"),
  expectedVersion: expectedVersionSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Work orders @interface */
export type BillWorkOrderRetainageInput = z.input<typeof billWorkOrderRetainageInputSchema>;

/**
 * `remit.workOrders.billRetainage`: after the final stage, bills what the live stages withheld
 * as one untaxed invoice (`progress.kind` `"retainage"`, numbered after the final stage),
 * submitted for review or issued like the stages.
 */
export const billWorkOrderRetainage = defineMove(
  { move: "bill work order retainage", actors: ["user"], input: billWorkOrderRetainageInputSchema },
  async (scope, input) => {
    const previous = await loadWorkOrderForMove(scope, input, "bill retainage", ["invoiced"]);
    const live = liveProgressInvoices(await listWorkOrderInvoices(scope, previous.id));
    const final = live.find((invoice) => invoice.progress.final);
    if (!final)
      throw new InvalidTransitionError({
        status: previous.status,
        move: "bill retainage",
        reason: "retainage is billed after the final stage",
      });
    if (live.some((invoice) => invoice.progress.kind === "retainage"))
      throw new InvalidTransitionError({
        status: previous.status,
        move: "bill retainage",
        reason: "its retainage is billed already",
      });
    const retained = live.map((invoice) => invoice.progress.retained);
    if (retained.every(isZeroMoney))
      throw new ValidationError({
        issues: [{ path: "id", message: "no stage withheld retainage: there is nothing to bill" }],
      });
    const release = calculateRetainageRelease({
      currency: previous.currency,
      retained,
      description: input.description,
    });
    const number = Math.max(...live.map((invoice) => invoice.progress.stage)) + 1;
    const digits = minorUnitsOf(previous.currency);
    const invoice = await createProgressInvoice(scope, previous, {
      lines: [
        {
          id: "retainage",
          kind: "other",
          description: input.description,
          amount: release.total,
          taxRateIds: [],
        },
      ],
      taxRates: [],
      progress: {
        workOrderId: previous.id,
        stage: number,
        kind: "retainage",
        final: false,
        retained: addMoney(digits, "0"),
        retainagePercent: "0",
        billed: {},
        depositApplied: addMoney(digits, "0"),
      },
      memo: "Retainage withheld from the stages of progress billing, now due.",
    });
    const workOrder = await saveWorkOrder(scope, previous, previous, "retainage_billed", {
      invoiceId: invoice.id,
      stage: number,
    });
    return { workOrder, invoice };
  },
);
