import type { Remit } from "@remit/core";
import type { Context } from "hono";
import { titledLinesFormSchema } from "../forms/back-office-forms";
import { editorRowsOf } from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import type { FieldErrors } from "../forms/people-errors";
import {
  unassignedTechnician,
  workOrderEntriesFromForm,
  workOrderLinesOf,
} from "../forms/work-order-entries-from-form";
import { remitContext } from "../request-context";
import { workOrderFormView } from "../views/work-order-form-view";
import { editRecordRoutes } from "./edit-record-routes";

/**
 * "Edit work order" (`/work-orders/:id/edit`): the job's title, notes, and its labor, materials,
 * services and fees in the lines editor, saved with `remit.workOrders.update` at the version the
 * form was opened at (the page offers it until the job is invoiced or cancelled).
 */
export function backOfficeWorkOrderEdit(remit: Remit) {
  const ctx = (context: Context) => remitContext(context);
  return editRecordRoutes({
    path: "/work-orders/:id/edit",
    load: (context, id) => remit.workOrders.get(ctx(context), { id }),
    saved: (workOrder) => ({
      values: { title: workOrder.title, notes: workOrder.notes },
      rows: editorRowsOf(workOrderLinesOf(workOrder)),
    }),
    view: (workOrder, form) => ({
      title: `Edit work order: ${workOrder.title}`,
      body: workOrderFormView({ ...form, workOrder }),
    }),
    read: async (context, workOrder) => {
      const form = await parseForm(context, titledLinesFormSchema);
      const { entries, rows, errors } = workOrderEntriesFromForm(form, {
        workOrder,
        defaultTaxRateIds: workOrder.taxRates.map((rate) => rate.id),
        technician: workOrder.schedule?.technician ?? unassignedTechnician,
      });
      const fields: FieldErrors = {};
      if (!form.title) fields.title = "Say what the job is, such as “Replace water heater”.";
      return {
        values: { title: form.title, notes: form.memo },
        rows,
        rowErrors: errors,
        fields,
        save: async () => {
          await remit.workOrders.update(ctx(context), {
            id: workOrder.id,
            expectedVersion: form.version,
            title: form.title,
            notes: form.memo,
            ...entries,
          });
          return "Work order saved";
        },
      };
    },
    recordPath: (id) => `/work-orders/${encodeURIComponent(id)}`,
  });
}
