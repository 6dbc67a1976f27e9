import type { Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { versionFormSchema } from "../forms/back-office-forms";
import { parseForm } from "../forms/parse-form";
import { type FieldErrors, formProblemOf } from "../forms/people-errors";
import { callerMay, remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";
import { workOrderDetailView } from "../views/work-order-detail-view";
import { type StageFormValues, workOrderStagesView } from "../views/work-order-stages-view";

/** The "Bill a stage" form: how the stage bills, its figure, and the retainage percent. */
const stageFormSchema = versionFormSchema.extend({
  how: z.enum(["percent", "amount", "final"]),
  value: z.string().trim().max(40).default(""),
  retainagePercent: z.string().trim().max(20).default(""),
});

/**
 * One work order's page, with its progress billing: the stage invoices, "Bill a stage" and
 * "Bill retainage" (each posts here and comes back with a notice, or with what is wrong).
 */
export function backOfficeWorkOrderDetail(remit: Remit) {
  const routes = new Hono();

  const detailPage = async (
    context: Context,
    id: string,
    state: {
      values?: StageFormValues;
      fields?: FieldErrors;
      error?: string;
      status?: 200 | 400 | 404 | 409 | 422;
    } = {},
  ) => {
    const c = remitContext(context);
    const [workOrder, tenant, invoices] = await Promise.all([
      remit.workOrders.get(c, { id }),
      remit.tenants.get(c),
      remit.invoices.list(c, { workOrderId: id, limit: 100 }),
    ]);
    const quote = workOrder.quoteId
      ? (await remit.quotes.get(c, { id: workOrder.quoteId }).catch(() => undefined))?.quote
      : undefined;
    const format = createFormatters(tenant);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: workOrder.title,
        body: html`${workOrderDetailView(workOrder, format, {
          quote,
          mayEdit: callerMay(context, "workOrders.update"),
        })}
${workOrderStagesView({
  workOrder,
  invoices: invoices.items,
  format,
  mayBillStage: callerMay(context, "workOrders.billStage"),
  mayBillRetainage: callerMay(context, "workOrders.billRetainage"),
  ...(state.values ? { values: state.values } : {}),
  ...(state.fields ? { fields: state.fields } : {}),
})}`,
        notice: context.req.query("notice"),
        error: state.error,
      }),
      state.status ?? 200,
    );
  };

  routes.get("/work-orders/:id{[^/]+}", (context) => detailPage(context, context.req.param("id")));

  routes.post("/work-orders/:id/stages", async (context) => {
    const id = context.req.param("id");
    // Only to show the form again as sent; a body that cannot be read is refused by parseForm.
    const body = await context.req.parseBody().catch((): Record<string, unknown> => ({}));
    const values: StageFormValues = {
      how: String(body.how ?? ""),
      value: String(body.value ?? ""),
      retainagePercent: String(body.retainagePercent ?? ""),
    };
    try {
      const form = await parseForm(context, stageFormSchema);
      const stage =
        form.how === "final"
          ? { final: true as const }
          : form.how === "percent"
            ? { percent: form.value }
            : { amount: form.value };
      const { invoice } = await remit.workOrders.billStage(remitContext(context), {
        id,
        expectedVersion: form.version,
        stage,
        ...(form.retainagePercent ? { retainagePercent: form.retainagePercent } : {}),
      });
      const notice = `Stage ${invoice.progress?.stage} billed: ${invoice.number ?? "invoice submitted for review"}`;
      return context.redirect(
        `/work-orders/${encodeURIComponent(id)}?notice=${encodeURIComponent(notice)}`,
        303,
      );
    } catch (error) {
      // The math names `stage.percent` / `stage.amount`: both are the form's one figure field.
      const problem = formProblemOf(error, (path) =>
        path.startsWith("stage") ? "value" : (path.split(/[.[]/)[0] ?? path),
      );
      return detailPage(context, id, {
        values,
        fields: problem.fields,
        error: problem.message,
        status: problem.status,
      });
    }
  });

  routes.post("/work-orders/:id/retainage", async (context) => {
    const id = context.req.param("id");
    try {
      const { version } = await parseForm(context, versionFormSchema);
      const { invoice } = await remit.workOrders.billRetainage(remitContext(context), {
        id,
        expectedVersion: version,
      });
      const notice = `Retainage billed: ${invoice.number ?? "invoice submitted for review"}`;
      return context.redirect(
        `/work-orders/${encodeURIComponent(id)}?notice=${encodeURIComponent(notice)}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error);
      return detailPage(context, id, { error: problem.message, status: problem.status });
    }
  });

  return routes;
}
