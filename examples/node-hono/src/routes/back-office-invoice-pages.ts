import { randomUUID } from "node:crypto";
import { type InvoiceStatus, invoiceStatuses, type Remit } from "@remit/core";
import { renderInvoicePdfBytes } from "@remit/server";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { callerMay, remitContext, signedInOf } from "../request-context";
import { invoiceDetailView } from "../views/invoice-detail-view";
import { invoiceListView } from "../views/invoice-list-view";
import { page } from "../views/layout";

/** Renders one invoice's back-office page, with a notice or an error (a refused form) on top. */
export async function renderInvoicePage(
  context: Context,
  remit: Remit,
  id: string,
  message: { notice?: string; error?: string; status?: ContentfulStatusCode } = {},
): Promise<Response> {
  const ctx = remitContext(context);
  const [details, tenant] = await Promise.all([
    remit.invoices.get(ctx, { id }),
    remit.tenants.get(ctx),
  ]);
  // A fresh key per rendered form: a double submit of the same form records one payment.
  const paymentKey = `check-${details.invoice.id}-${randomUUID()}`;
  return context.html(
    page({
      signedIn: signedInOf(context),
      title: `Invoice ${details.invoice.number ?? "(draft)"}`,
      body: invoiceDetailView(details, tenant, paymentKey, (permission) =>
        callerMay(context, permission),
      ),
      notice: message.notice,
      error: message.error,
    }),
    message.status ?? 200,
  );
}

/** The back office's invoice pages: the list (`/`), one invoice (`/invoices/:id`) and its PDF. */
export function backOfficeInvoicePages(remit: Remit) {
  const routes = new Hono();

  routes.get("/", async (context) => {
    const query = context.req.query();
    const status = invoiceStatuses.includes(query.status as InvoiceStatus)
      ? (query.status as InvoiceStatus)
      : undefined;
    const search = query.search?.trim() || undefined;
    const { items, nextCursor } = await remit.invoices.list(remitContext(context), {
      limit: 50,
      ...(status ? { status } : {}),
      ...(search ? { search } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Invoices",
        body: invoiceListView({ invoices: items, status, search, nextCursor }),
      }),
    );
  });

  routes.get("/invoices/:id", (context) =>
    renderInvoicePage(context, remit, context.req.param("id"), {
      notice: context.req.query("notice"),
    }),
  );

  routes.get("/invoices/:id/pdf", async (context) => {
    const { invoice } = await remit.invoices.get(remitContext(context), {
      id: context.req.param("id"),
    });
    // Shown in the browser (inline); the customer's page offers the same bytes as a download.
    return new Response(await renderInvoicePdfBytes(remit, invoice), {
      headers: { "content-type": "application/pdf", "cache-control": "private, no-store" },
    });
  });
  return routes;
}
