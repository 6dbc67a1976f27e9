import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import { defineRead } from "../../service/internal/define-read";
import { textSchema } from "../../validation/text-schema";
import { planCollectionsOf } from "../internal/load-plan";
import type { PlanOccurrence, ServicePlan } from "../service-plan";

const statuses = ["active", "paused", "ended"] as const;

export const listPlansInputSchema = z.object({
  status: z.union([z.enum(statuses), z.array(z.enum(statuses)).min(1)]).optional(),
  customerId: recordIdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: textSchema.min(1).max(200).optional(),
});
export type ListPlansInput = z.input<typeof listPlansInputSchema>;

/**
 * A plan with the dates it has taken (generated with their invoice, or skipped).
 * @group Plans
 */
export type PlanDetails = { plan: ServicePlan; occurrences: PlanOccurrence[] };

/** `remit.plans.get`: one plan and its occurrences, or `NotFoundError`. */
export const getPlan = defineRead(
  { input: z.object({ id: recordIdSchema }) },
  async ({ transaction }, { id }): Promise<PlanDetails> => {
    const { plans, occurrences } = planCollectionsOf(transaction);
    const plan = await plans.get({ id });
    if (!plan) throw new NotFoundError({ resource: "plan", id });
    return { plan, occurrences: await occurrences.list({ planId: id }) };
  },
);

/** `remit.plans.list`: newest first, by status and customer, one page at a time. */
export const listPlans = defineRead(
  { input: listPlansInputSchema.prefault({}) },
  async ({ transaction }, { status, customerId, limit, cursor }) => {
    const filter = {
      ...(status ? { status: Array.isArray(status) ? status : [status] } : {}),
      ...(customerId ? { customerId } : {}),
    };
    return planCollectionsOf(transaction).plans.list({
      filter,
      limit,
      ...(cursor ? { cursor } : {}),
    });
  },
);
