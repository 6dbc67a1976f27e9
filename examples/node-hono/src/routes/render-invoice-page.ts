import type { Remit } from "@remit/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { actorNamesOf, callerMay, remitContext, signedInOf } from "../request-context";
import { userIdsIn } from "../views/actor-words";
import { createFormatters } from "../views/formatters";
import type { RefusedMove } from "../views/invoice-actions-view";
import { invoiceDetailView } from "../views/invoice-detail-view";
import { page } from "../views/layout";

/** Renders one invoice's back-office page, with a notice or a refused form (its error) on top. */
export async function renderInvoicePage(
  context: Context,
  remit: Remit,
  id: string,
  message: {
    notice?: string | undefined;
    error?: string | undefined;
    status?: ContentfulStatusCode;
    refused?: RefusedMove;
  } = {},
): Promise<Response> {
  const ctx = remitContext(context);
  const [details, tenant] = await Promise.all([
    remit.invoices.get(ctx, { id }),
    remit.tenants.get(ctx),
  ]);
  const { workOrderId, quoteId } = details.invoice;
  // Linked records by name; one that is gone is left out rather than failing the page.
  const [workOrder, quote] = await Promise.all([
    workOrderId ? remit.workOrders.get(ctx, { id: workOrderId }).catch(() => undefined) : undefined,
    quoteId
      ? remit.quotes
          .get(ctx, { id: quoteId })
          .then((found) => found.quote)
          .catch(() => undefined)
      : undefined,
  ]);
  const actorNames = await actorNamesOf(context, userIdsIn(details));
  return context.html(
    page({
      signedIn: signedInOf(context),
      title: `Invoice ${details.invoice.number ?? "(draft)"}`,
      body: invoiceDetailView({
        details,
        tenant,
        format: createFormatters(tenant),
        workOrder,
        quote,
        actorNames,
        refused: message.refused,
        may: (permission) => callerMay(context, permission),
      }),
      notice: message.notice,
      error: message.error,
    }),
    message.status ?? 200,
  );
}
