import { type InvoiceStatus, invoiceStatuses, type Remit } from "@remit/core";
import { renderInvoicePdfBytes } from "@remit/server";
import { Hono } from "hono";
import { callerMay, remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { invoiceListView } from "../views/invoice-list-view";
import { page } from "../views/layout";
import { renderInvoicePage } from "./render-invoice-page";

export { renderInvoicePage } from "./render-invoice-page";

/** The back office's invoice pages: the list (`/invoices`), one invoice (`/invoices/:id`) and its PDF. */
export function backOfficeInvoicePages(remit: Remit) {
  const routes = new Hono();

  routes.get("/invoices", async (context) => {
    const ctx = remitContext(context);
    const query = context.req.query();
    const rawStatus = query.status?.trim() || undefined;
    const known = invoiceStatuses.includes(rawStatus as InvoiceStatus);
    const status = known ? (rawStatus as InvoiceStatus) : undefined;
    const search = query.search?.trim() || undefined;
    const [{ items, nextCursor }, tenant] = await Promise.all([
      remit.invoices.list(ctx, {
        limit: 50,
        ...(status ? { status } : {}),
        ...(search ? { search } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
      remit.tenants.get(ctx),
    ]);
    // A status that does not exist is said so, with the ones that do; the list shows them all.
    const error =
      rawStatus && !known
        ? `There is no invoice status “${rawStatus}”. Pick one of: ${invoiceStatuses.join(", ")}.`
        : undefined;
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Invoices",
        body: invoiceListView({
          invoices: items,
          status,
          search,
          nextCursor,
          format: createFormatters(tenant),
          batch: callerMay(context, "invoices.sendMany"),
        }),
        error,
      }),
      error ? 400 : 200,
    );
  });

  routes.get("/invoices/:id{[^/]+}", (context) =>
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
