import { localDateAt, type Remit } from "@remit/core";
import { renderCreditNotePdf, renderStatementPdf } from "@remit/pdf";
import { Hono } from "hono";
import { remitContext, signedInOf } from "../request-context";
import { agingView } from "../views/aging-view";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";

const pdfHeaders = { "content-type": "application/pdf", "cache-control": "private, no-store" };

/** The aging page, a customer's statement as a PDF, and a credit note's PDF. */
export function backOfficeReports(remit: Remit) {
  const routes = new Hono();

  routes.get("/reports/aging", async (context) => {
    const ctx = remitContext(context);
    const [report, tenant] = await Promise.all([
      remit.reports.aging(ctx, {}),
      remit.tenants.get(ctx),
    ]);
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: "Aging",
        body: agingView(report, createFormatters(tenant)),
      }),
    );
  });

  // The statement from the start of the year to today unless `from`/`to` say otherwise; a bad
  // date is refused by core like any other input.
  routes.get("/customers/:id/statement.pdf", async (context) => {
    const ctx = remitContext(context);
    const tenant = await remit.tenants.get(ctx);
    const today = localDateAt(remit.clock.now(), tenant.timeZone);
    const statement = await remit.reports.customerStatement(ctx, {
      customerId: context.req.param("id"),
      from: context.req.query("from") || `${today.slice(0, 4)}-01-01`,
      to: context.req.query("to") || today,
    });
    return new Response(await renderStatementPdf({ statement, tenant }), { headers: pdfHeaders });
  });

  routes.get("/credit-notes/:id/pdf", async (context) => {
    const ctx = remitContext(context);
    const [creditNote, tenant] = await Promise.all([
      remit.invoices.getCreditNote(ctx, { id: context.req.param("id") }),
      remit.tenants.get(ctx),
    ]);
    return new Response(await renderCreditNotePdf({ creditNote, tenant }), {
      headers: pdfHeaders,
    });
  });
  return routes;
}
