import type { z } from "zod";
import { ValidationError } from "../../errors/validation-error";
import { expectedVersionSchema, recordIdSchema } from "../../invoices/internal/move-input-fields";
import { readCustomerSnapshot } from "../../invoices/internal/read-customer-snapshot";
import { defineMove } from "../../service/internal/define-move";
import type { MoveScope } from "../../service/internal/run-move";
import { textSchema } from "../../validation/text-schema";
import { loadWorkOrderForMove, saveWorkOrder } from "../internal/load-work-order";
import { workOrderParts } from "../internal/work-order-parts";
import type { WorkOrder } from "../work-order";
import { workOrderInputSchema } from "../work-order-input-schema";

/** Creates a work order in `open` inside a move (also used when an approved quote converts). */
export async function createWorkOrderInScope(
  scope: MoveScope,
  input: z.output<typeof workOrderInputSchema>,
  quoteId: string | null = null,
) {
  const found = await readCustomerSnapshot(scope, input.customerId);
  if ("issue" in found) throw new ValidationError({ issues: [found.issue] });
  const taxRates = input.taxRates ?? scope.tenant.defaultTaxRates;
  const workOrder: WorkOrder = {
    tenantId: scope.context.tenantId,
    id: scope.deps.ids.newId("wo"),
    version: 1,
    status: "open",
    title: input.title,
    customer: found.snapshot,
    site: input.site ?? null,
    currency: input.currency ?? scope.tenant.currency,
    terms: input.terms ?? scope.tenant.defaultTerms,
    taxRates,
    ...workOrderParts(input, taxRates),
    notes: input.notes,
    photos: input.photos,
    schedule: null,
    quoteId,
    invoiceId: null,
    cancellationReason: null,
    startedAt: null,
    completedAt: null,
    createdAt: scope.now,
    updatedAt: scope.now,
    createdBy: scope.context.actor,
  };
  await scope.transaction.workOrders.insert({ record: workOrder });
  scope.emit(
    "work_order.created",
    { type: "work_order", id: workOrder.id, version: 1 },
    { status: "open", previousStatus: null, quoteId },
  );
  return workOrder;
}

/** `remit.workOrders.create`: a job in `open`, with its labor, materials, services and fees. */
export const createWorkOrder = defineMove(
  { move: "create work order", actors: ["user"], input: workOrderInputSchema },
  async (scope, input) => ({ workOrder: await createWorkOrderInScope(scope, input) }),
);

/**
 * The input of `remit.workOrders.update`: the fields to change, the id and `expectedVersion`.
 * @group Work orders
 */
export const updateWorkOrderInputSchema = workOrderInputSchema
  .omit({ customerId: true, idempotencyKey: true })
  .partial()
  .extend({
    id: recordIdSchema,
    expectedVersion: expectedVersionSchema,
    idempotencyKey: textSchema.min(1).max(255).optional(),
  });

/** @group Work orders @interface */
export type UpdateWorkOrderInput = z.input<typeof updateWorkOrderInputSchema>;

/**
 * `remit.workOrders.update`: changes the job's details before it is invoiced (labor logged,
 * materials used, notes, photos). Requires `expectedVersion`.
 */
export const updateWorkOrder = defineMove(
  { move: "update work order", actors: ["user"], input: updateWorkOrderInputSchema },
  async (scope, input, rawInput) => {
    const given = rawInput as Record<string, unknown>;
    const previous = await loadWorkOrderForMove(scope, input, "update", [
      "open",
      "scheduled",
      "in_progress",
      "complete_invoice_needed",
    ]);
    // Only fields the caller sent change: the partial schema fills defaults we must not apply.
    const pick = <K extends keyof typeof input>(key: K, fallback: unknown) =>
      key in given ? input[key] : fallback;
    const taxRates = (pick("taxRates", previous.taxRates) ??
      previous.taxRates) as WorkOrder["taxRates"];
    const parts = workOrderParts(
      {
        labor: (pick("labor", previous.labor) ?? []) as never,
        materials: (pick("materials", previous.materials) ?? []) as never,
        services: (pick("services", previous.services) ?? []) as never,
        fees: (pick("fees", previous.fees) ?? []) as never,
      },
      taxRates,
    );
    const next: WorkOrder = {
      ...previous,
      ...parts,
      taxRates,
      title: (pick("title", previous.title) as string | undefined) ?? previous.title,
      site: (pick("site", previous.site) as WorkOrder["site"] | undefined) ?? null,
      currency: (pick("currency", previous.currency) as string | undefined) ?? previous.currency,
      terms: (pick("terms", previous.terms) as WorkOrder["terms"] | undefined) ?? previous.terms,
      notes: (pick("notes", previous.notes) as string | undefined) ?? previous.notes,
      photos: (pick("photos", previous.photos) as string[] | undefined) ?? previous.photos,
    };
    return { workOrder: await saveWorkOrder(scope, previous, next, "updated") };
  },
);
