import type { Remit, WorkOrderStatus } from "@remit/core";
import { type Context, Hono } from "hono";
import { lineRowsFormSchema, linesFormSchema, versionFormSchema } from "../forms/back-office-forms";
import {
  type EditorRow,
  editorRowsOf,
  linesFromForm,
  type RowErrors,
} from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import {
  type FieldErrors,
  fieldsProblem,
  formProblemOf,
  formStateOf,
  rowsProblem,
} from "../forms/people-errors";
import {
  unassignedTechnician,
  workOrderEntriesFromForm,
} from "../forms/work-order-entries-from-form";
import { callerMay, remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";
import { workOrderFormView } from "../views/work-order-form-view";
import { workOrderListView, workOrderStatuses } from "../views/work-order-list-view";
import { workOrderInvoicedView, workOrderReviewView } from "../views/work-order-review-view";
import { type NewRecordFormState, renderNewRecordPage } from "./new-record-page";

/**
 * The back office's work orders: the list with a "Complete" action, one work order, a new one,
 * and "review & submit invoice", which shows the drafted invoice for changes and then creates and
 * submits it (an invoiced work order's review page links to its invoice instead).
 */
export function backOfficeWorkOrderPages(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);

  const listPage = async (
    context: Context,
    message: { notice?: string | undefined; error?: string; status?: 200 | 400 | 409 | 422 } = {},
  ) => {
    const raw = context.req.query("status")?.trim() || undefined;
    const known = workOrderStatuses.includes(raw as WorkOrderStatus);
    const status = known ? (raw as WorkOrderStatus) : undefined;
    const [{ items }, tenant] = await Promise.all([
      remit.workOrders.list(ctx(context), { limit: 100, ...(status ? { status } : {}) }),
      remit.tenants.get(ctx(context)),
    ]);
    const filterError =
      raw && !known
        ? `There is no work order status “${raw}”. Pick one of: ${workOrderStatuses.join(", ")}.`
        : undefined;
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Work orders",
        body: workOrderListView(
          items,
          status,
          createFormatters(tenant),
          callerMay(context, "workOrders.submitInvoices"),
        ),
        notice: message.notice,
        error: message.error ?? filterError,
      }),
      message.status ?? (filterError ? 400 : 200),
    );
  };

  const reviewPage = async (
    context: Context,
    id: string,
    state: {
      rows?: EditorRow[];
      rowErrors?: Record<string, RowErrors>;
      memo?: string;
      error?: string;
      status?: 200 | 409 | 422;
    } = {},
  ) => {
    const c = ctx(context);
    const workOrder = await remit.workOrders.get(c, { id });
    if (workOrder.invoiceId || workOrder.status === "invoiced") {
      const invoice = workOrder.invoiceId
        ? (await remit.invoices.get(c, { id: workOrder.invoiceId }).catch(() => undefined))?.invoice
        : undefined;
      return context.html(
        page({
          signedIn: signedInOf(context),
          title: `Invoiced: ${workOrder.title}`,
          body: workOrderInvoicedView(workOrder, invoice),
          error: state.error,
        }),
        state.status ?? 200,
      );
    }
    const [draft, tenant] = await Promise.all([
      remit.workOrders.draftInvoice(c, { id }),
      remit.tenants.get(c),
    ]);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: `Review invoice: ${workOrder.title}`,
        body: workOrderReviewView({
          workOrder,
          draft,
          tenant,
          format: createFormatters(tenant),
          rows: state.rows ?? editorRowsOf(draft.lines),
          ...(state.rowErrors ? { rowErrors: state.rowErrors } : {}),
          memo: state.memo ?? draft.memo,
        }),
        error: state.error,
      }),
      state.status ?? 200,
    );
  };

  routes.get("/work-orders", (context) =>
    listPage(context, { notice: context.req.query("notice") }),
  );

  const newPage = (
    context: Context,
    state: NewRecordFormState<{ customerId?: string; title?: string; notes?: string }> = {},
  ) => {
    const customerId = context.req.query("customerId");
    return renderNewRecordPage(context, remit, {
      title: "New work order",
      form: workOrderFormView,
      initialValues: customerId ? { customerId } : {},
      state,
    });
  };

  routes.get("/work-orders/new", (context) => newPage(context));

  routes.post("/work-orders/new", async (context) => {
    const form = await parseForm(context, lineRowsFormSchema);
    const body = await context.req.parseBody();
    const values = {
      customerId: String(body.customerId ?? ""),
      title: String(body.title ?? "").trim(),
      notes: form.memo,
    };
    const { entries, rows, errors } = workOrderEntriesFromForm(form, {
      defaultTaxRateIds: [],
      technician: unassignedTechnician,
    });
    const fields: FieldErrors = {};
    if (!values.customerId) fields.customerId = "Choose who the job is for.";
    if (!values.title) fields.title = "Say what the job is, such as “Replace water heater”.";
    if (Object.keys(errors).length > 0 || Object.keys(fields).length > 0) {
      return newPage(context, {
        values,
        rows,
        rowErrors: errors,
        fields,
        error: Object.keys(errors).length > 0 ? rowsProblem : fieldsProblem,
        status: 422,
      });
    }
    try {
      const { workOrder } = await remit.workOrders.create(ctx(context), {
        customerId: values.customerId,
        title: values.title,
        notes: values.notes,
        ...entries,
      });
      return context.redirect(
        `/work-orders/${encodeURIComponent(workOrder.id)}?notice=${encodeURIComponent("Work order created")}`,
        303,
      );
    } catch (error) {
      return newPage(context, {
        values,
        rows,
        ...formStateOf(error),
      });
    }
  });

  routes.post("/work-orders/:id/complete", async (context) => {
    const id = context.req.param("id");
    try {
      const { version } = await parseForm(context, versionFormSchema);
      const { workOrder } = await remit.workOrders.complete(ctx(context), {
        id,
        expectedVersion: version,
      });
      const notice = `Completed “${workOrder.title}”: ready for review & submit`;
      return context.redirect(`/work-orders?notice=${encodeURIComponent(notice)}`, 303);
    } catch (error) {
      const problem = formProblemOf(error);
      return listPage(context, { error: problem.message, status: problem.status });
    }
  });

  routes.get("/work-orders/:id/review", (context) => reviewPage(context, context.req.param("id")));

  const submit = async (context: Context) => {
    const id = context.req.param("id") ?? "";
    const form = await parseForm(context, linesFormSchema);
    const draft = await remit.workOrders
      .draftInvoice(ctx(context), { id })
      .catch((error: unknown) => {
        formProblemOf(error); // a 404 goes on as a 404
        return undefined;
      });
    // A form without line rows keeps the draft's lines.
    const read =
      draft && form.description.length > 0 ? linesFromForm(form, draft.lines, []) : undefined;
    if (read && Object.keys(read.errors).length > 0) {
      return reviewPage(context, id, {
        rows: read.rows,
        rowErrors: read.errors,
        memo: form.memo,
        error: rowsProblem,
        status: 422,
      });
    }
    try {
      const { invoice } = await remit.workOrders.submitInvoice(ctx(context), {
        id,
        expectedVersion: form.version,
        changes: { ...(read ? { lines: read.lines } : {}), memo: form.memo },
      });
      const notice = invoice.number
        ? `Issued as ${invoice.number}. It has not been sent to the customer yet: send it below.`
        : "Submitted for review";
      return context.redirect(
        `/invoices/${encodeURIComponent(invoice.id)}?notice=${encodeURIComponent(notice)}`,
        303,
      );
    } catch (error) {
      const problem = formProblemOf(error);
      return reviewPage(context, id, {
        ...(read ? { rows: read.rows } : {}),
        memo: form.memo,
        error: problem.message,
        status: problem.status,
      });
    }
  };
  routes.post("/work-orders/:id/review", submit);
  routes.post("/work-orders/:id/submit-invoice", submit);
  return routes;
}
