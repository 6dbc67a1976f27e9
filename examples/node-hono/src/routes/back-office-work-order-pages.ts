import { type Remit, RemitError, type WorkOrderStatus } from "@remit/core";
import { statusOf } from "@remit/server";
import { type Context, Hono } from "hono";
import { linesFormSchema, versionFormSchema } from "../forms/back-office-forms";
import { linesFromForm } from "../forms/lines-from-form";
import { parseForm } from "../forms/parse-form";
import { remitContext, signedInOf } from "../request-context";
import { page } from "../views/layout";
import { workOrderListView } from "../views/work-order-list-view";
import { workOrderReviewView } from "../views/work-order-review-view";

const statuses = new Set<string>([
  "open",
  "scheduled",
  "in_progress",
  "complete_invoice_needed",
  "invoiced",
  "cancelled",
]);

/**
 * The back office's work orders: the list with a "Complete" action, and "review & submit
 * invoice", which shows the drafted invoice for changes and then creates and submits it.
 */
export function backOfficeWorkOrderPages(remit: Remit) {
  const routes = new Hono();

  const listPage = async (context: Context, message: { notice?: string; error?: string } = {}) => {
    const raw = context.req.query("status");
    const status = raw && statuses.has(raw) ? (raw as WorkOrderStatus) : undefined;
    const { items } = await remit.workOrders.list(remitContext(context), {
      limit: 100,
      ...(status ? { status } : {}),
    });
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Work orders",
        body: workOrderListView(items, status),
        ...message,
      }),
      message.error ? 409 : 200,
    );
  };

  const reviewPage = async (context: Context, id: string, error?: unknown) => {
    const [workOrder, draft, tenant] = await Promise.all([
      remit.workOrders.get(remitContext(context), { id }),
      remit.workOrders.draftInvoice(remitContext(context), { id }),
      remit.tenants.get(remitContext(context)),
    ]);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: `Review invoice: ${workOrder.title}`,
        body: workOrderReviewView(workOrder, draft, tenant),
        error: error instanceof Error ? error.message : undefined,
      }),
      error ? statusOf(error) : 200,
    );
  };

  routes.get("/work-orders", (context) =>
    listPage(context, {
      ...(context.req.query("notice") ? { notice: context.req.query("notice") } : {}),
    }),
  );

  routes.post("/work-orders/:id/complete", async (context) => {
    const id = context.req.param("id");
    try {
      const { version } = await parseForm(context, versionFormSchema);
      const { workOrder } = await remit.workOrders.complete(remitContext(context), {
        id,
        expectedVersion: version,
      });
      const notice = `Completed “${workOrder.title}”: ready for review & submit`;
      return context.redirect(`/work-orders?notice=${encodeURIComponent(notice)}`, 303);
    } catch (error) {
      if (!RemitError.isInstance(error) || error.code === "not_found") throw error;
      return listPage(context, { error: error.message });
    }
  });

  routes.get("/work-orders/:id/review", (context) => reviewPage(context, context.req.param("id")));

  routes.post("/work-orders/:id/submit-invoice", async (context) => {
    const id = context.req.param("id");
    try {
      const form = await parseForm(context, linesFormSchema);
      const draft = await remit.workOrders.draftInvoice(remitContext(context), { id });
      // A form without line rows keeps the draft's lines.
      const lines = form.quantity.length > 0 ? { lines: linesFromForm(form, draft.lines, []) } : {};
      const { invoice } = await remit.workOrders.submitInvoice(remitContext(context), {
        id,
        expectedVersion: form.version,
        changes: { ...lines, memo: form.memo },
      });
      const notice = invoice.number ? `Issued as ${invoice.number}` : "Submitted for review";
      return context.redirect(
        `/invoices/${encodeURIComponent(invoice.id)}?notice=${encodeURIComponent(notice)}`,
        303,
      );
    } catch (error) {
      if (!RemitError.isInstance(error) || error.code === "not_found") throw error;
      return reviewPage(context, id, error);
    }
  });
  return routes;
}
