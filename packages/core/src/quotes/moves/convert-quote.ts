import { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  instantSchema,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { defineMove } from "../../service/internal/define-move";
import { defineSweep } from "../../service/internal/define-sweep";
import { localDateAt } from "../../tenants/tenant-dates";
import { textSchema } from "../../validation/text-schema";
import { parseWithSchema } from "../../validation/to-validation-error";
import { createWorkOrderInScope } from "../../work-orders/moves/create-work-order";
import { workOrderInputSchema } from "../../work-orders/work-order-input-schema";
import { loadQuoteForMove, saveQuote } from "../internal/load-quote";
import type { Quote } from "../quote";

/** @group Quotes */
export const convertQuoteInputSchema = z.object({
  id: recordIdSchema,
  expectedVersion: expectedVersionSchema.optional(),
  /** Who does the work; labor lines are assigned to them. */
  technician: textSchema.trim().min(1).max(100).default("Unassigned"),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** The work order input an approved quote becomes: labor, materials and services from its lines. */
function workOrderInputFromQuote(quote: Quote, technician: string) {
  const labor = [];
  const materials = [];
  const services = [];
  for (const line of quote.content.lines) {
    const common = { id: line.id, taxRateIds: [...(line.taxRateIds ?? [])] };
    const quantity = String(line.quantity);
    const price = String(line.unitPrice);
    if (line.kind === "labor")
      labor.push({
        ...common,
        technician,
        description: line.description ?? "",
        hours: quantity,
        hourlyRate: price,
      });
    else if (line.kind === "material")
      materials.push({
        ...common,
        description: line.description || "Materials",
        quantity,
        unitCost: price,
        markupPercent: "0",
      });
    else
      services.push({
        ...common,
        description: line.description || "Service",
        quantity,
        unitPrice: price,
      });
  }
  // Percent fees depend on the final invoice; only fixed fees carry over.
  const fees = (quote.content.fees ?? [])
    .filter((fee) => fee.type === "amount")
    .map((fee) => ({
      id: fee.id,
      description: fee.description || "Fee",
      amount: String(fee.value),
      taxRateIds: [...(fee.taxRateIds ?? [])],
    }));
  return {
    customerId: quote.customer.id,
    title: quote.title,
    currency: quote.currency,
    terms: quote.terms,
    taxRates: quote.content.taxRates ?? [],
    labor,
    materials,
    services,
    fees,
    notes: quote.content.memo ?? "",
  };
}

/** An approved quote becomes one work order (`open`), with the quote's lines as its entries. */
export const convertQuoteToWorkOrder = defineMove(
  { move: "convert quote", actors: ["user"], input: convertQuoteInputSchema },
  async (scope, input) => {
    const previous = await loadQuoteForMove(scope, input, "convert to work order", ["approved"]);
    if (previous.workOrderId !== null) {
      throw new InvalidTransitionError({
        status: previous.status,
        move: "convert to work order",
        reason: `it already became ${previous.workOrderId}`,
      });
    }
    const workOrder = await createWorkOrderInScope(
      scope,
      parseWithSchema(workOrderInputSchema, workOrderInputFromQuote(previous, input.technician)),
      previous.id,
    );
    const quote = await saveQuote(
      scope,
      previous,
      { ...previous, workOrderId: workOrder.id },
      "converted",
      { workOrderId: workOrder.id },
    );
    return { quote, workOrder };
  },
);

/** Moves each `sent` quote past its `expiresOn` (tenant's local date at `at`) to `expired`. */
export const sweepExpiredQuotes = defineSweep(
  {
    move: "expire quotes",
    input: z.object({ at: instantSchema.optional() }).prefault({}),
    batchSize: () => 100,
  },
  async (scope, input, after) => {
    const today = localDateAt(input.at ?? scope.now, scope.tenant.timeZone);
    const candidates = await scope.transaction.quotes.listExpiring({
      before: today,
      after,
      limit: 100,
    });
    let moved = 0;
    for (const candidate of candidates) {
      const previous = await scope.transaction.quotes.get({
        id: candidate.id,
        forUpdate: true,
      });
      if (previous?.status !== "sent" || previous.expiresOn === null || previous.expiresOn >= today)
        continue;
      await saveQuote(scope, previous, { ...previous, status: "expired" }, "expired");
      moved++;
    }
    return { ids: candidates.map((candidate) => candidate.id), moved };
  },
);
