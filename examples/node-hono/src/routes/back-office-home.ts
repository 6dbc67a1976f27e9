import { addMoney, type Invoice, type InvoiceStatus, minorUnitsOf, type Remit } from "@remit/core";
import { Hono } from "hono";
import { remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { type AttentionFigures, homeView } from "../views/home-view";
import { page } from "../views/layout";

/** The month (`2026-11`) an instant falls in, in a time zone. */
function monthIn(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
  }).formatToParts(new Date(instant));
  return `${parts.find((part) => part.type === "year")?.value}-${parts.find((part) => part.type === "month")?.value}`;
}

/** The back office's home page: what needs attention today. */
export function backOfficeHome(remit: Remit) {
  const routes = new Hono();
  routes.get("/", async (context) => {
    const ctx = remitContext(context);
    const tenant = await remit.tenants.get(ctx);
    const digits = minorUnitsOf(tenant.currency);
    const all = async (status: InvoiceStatus) => {
      const invoices: Invoice[] = [];
      let cursor: string | undefined;
      do {
        const page = await remit.invoices.list(ctx, {
          status,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        invoices.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && invoices.length < 2_000);
      // Amounts add up in the tenant's currency; another currency's invoices are counted only.
      return invoices;
    };
    const [review, pastDue, awaiting, paid] = await Promise.all([
      all("pending_review"),
      all("past_due"),
      all("pending_payment"),
      all("paid"),
    ]);
    const sum = (invoices: Invoice[], amount: (invoice: Invoice) => string) =>
      addMoney(
        digits,
        "0",
        ...invoices.filter((invoice) => invoice.currency === tenant.currency).map(amount),
      );
    const thisMonth = monthIn(remit.clock.now(), tenant.timeZone);
    const paidThisMonth = paid.filter(
      (invoice) => invoice.paidAt && monthIn(invoice.paidAt, tenant.timeZone) === thisMonth,
    );
    const figures: AttentionFigures = {
      toReview: review.length,
      pastDue: { count: pastDue.length, amount: sum(pastDue, (invoice) => invoice.amountDue) },
      awaiting: { count: awaiting.length, amount: sum(awaiting, (invoice) => invoice.amountDue) },
      paidThisMonth: {
        count: paidThisMonth.length,
        amount: sum(paidThisMonth, (invoice) => invoice.total),
      },
      currency: tenant.currency,
      oldestPastDue: pastDue.slice(-5).reverse(),
    };
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: `${tenant.name}: back office`,
        body: homeView(tenant.name, figures, createFormatters(tenant)),
        notice: context.req.query("notice"),
      }),
    );
  });
  return routes;
}
