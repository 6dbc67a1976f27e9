import type { InvoiceLineInput, WorkOrder } from "@remit/core";
import type { z } from "zod";
import type { lineRowsFormSchema } from "./back-office-forms";
import { type EditorRow, linesFromForm, type RowErrors } from "./lines-from-form";

type Entries = Pick<WorkOrder, "labor" | "materials" | "services" | "fees">;

/** What the lines editor's rows become on a work order (as `workOrders.create` and `.update` take them). */
export type WorkOrderEntries = Entries;

// On a work order the editor's "other" kind is a fee: one amount (the fee's own kind, "fee", is
// reserved for the fee lines Remit makes on invoices, so the editor keeps "other" as its value).
const feeKind = "other";

/** Who a new labor row is for when the job has no technician booked (as a converted quote's). */
export const unassignedTechnician = "Unassigned";

/**
 * A work order's entries as the lines editor's lines, in the order the work order page lists
 * them: labor (hours at the hourly rate), materials (quantity at unit cost), services, and fees
 * (1 at their amount). Each line keeps its entry's id, which `workOrderEntriesFromForm` follows
 * back to the entry's technician, overtime and markup.
 */
export function workOrderLinesOf(workOrder: Entries): InvoiceLineInput[] {
  const line = (
    entry: { id: string; description: string; taxRateIds: string[] },
    kind: InvoiceLineInput["kind"],
    quantity: string,
    unitPrice: string,
  ): InvoiceLineInput => ({
    id: entry.id,
    kind,
    description: entry.description,
    quantity,
    unitPrice,
    taxRateIds: [...entry.taxRateIds],
  });
  return [
    ...workOrder.labor.map((entry) => line(entry, "labor", entry.hours, entry.hourlyRate)),
    ...workOrder.materials.map((entry) => line(entry, "material", entry.quantity, entry.unitCost)),
    ...workOrder.services.map((entry) => line(entry, "service", entry.quantity, entry.unitPrice)),
    ...workOrder.fees.map((entry) => line(entry, feeKind, "1", entry.amount)),
  ];
}

/** The first `${kind}-${n}` no entry uses yet: a new row's id, unique across the work order. */
function newIdFor(kind: string, used: Set<string>): string {
  let number = 1;
  while (used.has(`${kind}-${number}`)) number += 1;
  const id = `${kind}-${number}`;
  used.add(id);
  return id;
}

/**
 * The lines editor's post read as a work order's labor, materials, services and fees, with the
 * rows as typed and what is wrong with them (`linesFromForm`'s rules: only a ticked Remove box
 * takes a row off; a row with a description and no quantity or price is an error). A fee row's
 * quantity must be 1, since a fee is one amount. A kept row keeps its entry's technician,
 * overtime multiplier and markup; a new labor row is `technician`'s; a row without a description
 * gets its kind's name, as a converted quote's does.
 */
export function workOrderEntriesFromForm(
  form: z.output<typeof lineRowsFormSchema>,
  options: { workOrder?: Entries; defaultTaxRateIds: readonly string[]; technician: string },
): { entries: WorkOrderEntries; rows: EditorRow[]; errors: Record<string, RowErrors> } {
  const saved = options.workOrder;
  const { lines, rows, errors } = linesFromForm(
    form,
    saved ? workOrderLinesOf(saved) : [],
    options.defaultTaxRateIds,
  );
  for (const row of rows) {
    if (row.kind !== feeKind || errors[row.key] || Number(row.quantity) === 1) continue;
    errors[row.key] = {
      quantity: "A fee is one amount: enter 1 as its quantity and the amount as its unit price.",
    };
  }
  // A kept row's entry, by its id and of the same kind (a row whose kind changed starts afresh).
  const byId = <T extends { id: string }>(entries: readonly T[] | undefined) =>
    new Map((entries ?? []).map((entry) => [entry.id, entry]));
  const savedLabor = byId(saved?.labor);
  const savedMaterials = byId(saved?.materials);
  const used = new Set(lines.flatMap((line) => (line.id ? [line.id] : [])));
  const entries: WorkOrderEntries = { labor: [], materials: [], services: [], fees: [] };
  for (const line of lines) {
    const common = { taxRateIds: [...(line.taxRateIds ?? [])] };
    const quantity = String(line.quantity);
    const price = String(line.unitPrice);
    const description = line.description ?? "";
    if (line.kind === "labor") {
      entries.labor.push({
        ...common,
        id: line.id ?? newIdFor("labor", used),
        technician: savedLabor.get(line.id ?? "")?.technician ?? options.technician,
        description,
        hours: quantity,
        hourlyRate: price,
        overtimeMultiplier: savedLabor.get(line.id ?? "")?.overtimeMultiplier ?? "1",
      });
    } else if (line.kind === "material") {
      entries.materials.push({
        ...common,
        id: line.id ?? newIdFor("material", used),
        description: description || "Materials",
        quantity,
        unitCost: price,
        markupPercent: savedMaterials.get(line.id ?? "")?.markupPercent ?? "0",
      });
    } else if (line.kind === feeKind) {
      entries.fees.push({
        ...common,
        id: line.id ?? newIdFor("fee", used),
        description: description || "Fee",
        amount: price,
      });
    } else {
      entries.services.push({
        ...common,
        id: line.id ?? newIdFor("service", used),
        description: description || "Service",
        quantity,
        unitPrice: price,
      });
    }
  }
  return { entries, rows, errors };
}
