import type { Customer, WorkOrder } from "@remit/core";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import type { Html } from "./html";
import type { LineKindNames } from "./lines-editor-view";
import { titledLinesFormView } from "./titled-lines-form-view";

/** A work order's rows: its labor, materials and services, and its fees as "other". */
export const workOrderKinds: LineKindNames = [
  ["labor", "Labor"],
  ["material", "Material"],
  ["service", "Service"],
  ["other", "Fee"],
];

/**
 * "New work order" (who for, what job, what to bill) or "Edit work order" (a saved one, at the
 * version it was opened at). Labor, materials, services and fees are rows of the lines editor.
 */
export function workOrderFormView(
  options: {
    values: { customerId?: string; title?: string; notes?: string };
    rows: readonly EditorRow[];
    rowErrors?: Record<string, RowErrors>;
    fields?: FieldErrors;
  } & (
    | { customers: readonly Customer[] }
    | { workOrder: WorkOrder; action: string; version: number }
  ),
): Html {
  const saved = "workOrder" in options ? options.workOrder : undefined;
  const id = saved ? encodeURIComponent(saved.id) : "";
  return titledLinesFormView({
    heading: saved ? `Edit work order “${saved.title}”` : "New work order",
    action: "workOrder" in options ? options.action : "/work-orders/new",
    ...("workOrder" in options ? { version: options.version } : {}),
    customer:
      "workOrder" in options
        ? { saved: options.workOrder.customer }
        : { choices: options.customers, chosen: options.values.customerId },
    title: { label: "Job", value: options.values.title },
    legend: "What to bill",
    hint: "Labor is hours at the hourly rate, materials are at cost (their markup is kept), a fee is one amount.",
    kinds: workOrderKinds,
    rows: options.rows,
    rowErrors: options.rowErrors,
    fields: options.fields,
    memo: { label: "Notes for the technician", value: options.values.notes },
    submit: saved
      ? { label: "Save work order", id: "save-work-order" }
      : { label: "Create work order", id: "create-work-order" },
    cancelHref: saved ? `/work-orders/${id}` : "/work-orders",
  });
}
