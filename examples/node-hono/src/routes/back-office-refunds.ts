import { randomUUID } from "node:crypto";
import type { Remit } from "@remit/core";
import { type Context, Hono } from "hono";
import { refundFormSchema } from "../forms/back-office-forms";
import { parseForm } from "../forms/parse-form";
import { type FieldErrors, formStateOf } from "../forms/people-errors";
import { remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";
import { type RefundFormValues, refundFormView } from "../views/refund-form-view";

/** "Refund" (`/invoices/:id/refunds`): gives back part or all of a payment. Posts to its own URL. */
export function backOfficeRefunds(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);

  const render = async (
    context: Context,
    id: string,
    state: {
      values?: RefundFormValues;
      fields?: FieldErrors;
      error?: string;
      status?: 200 | 409 | 422;
    } = {},
  ) => {
    const c = ctx(context);
    const [details, tenant] = await Promise.all([
      remit.invoices.get(c, { id }),
      remit.tenants.get(c),
    ]);
    const last = details.payments.filter((payment) => payment.status === "succeeded").at(-1);
    const { invoice } = details;
    const values: RefundFormValues = state.values ?? {
      paymentId: last?.id ?? "",
      amount: Number(invoice.credit) > 0 ? invoice.credit : (last?.amount ?? ""),
      reason: Number(invoice.credit) > 0 ? "Overpayment returned" : "",
      idempotencyKey: `refund-${invoice.id}-${randomUUID()}`,
    };
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: `Refund: ${invoice.number ?? "invoice"}`,
        body: refundFormView({
          details,
          format: createFormatters(tenant),
          values,
          ...(state.fields ? { fields: state.fields } : {}),
        }),
        error: state.error,
      }),
      state.status ?? 200,
    );
  };

  routes.get("/invoices/:id/refunds", (context) => render(context, context.req.param("id")));

  routes.post("/invoices/:id/refunds", async (context) => {
    const id = context.req.param("id");
    const form = await parseForm(context, refundFormSchema);
    const values: RefundFormValues = {
      ...form,
      amount: form.amount.replace(/^\$/, "").replaceAll(",", ""),
    };
    try {
      const result = await remit.invoices.refund(ctx(context), {
        id,
        paymentId: form.paymentId,
        amount: values.amount,
        ...(form.reason ? { reason: form.reason } : {}),
        idempotencyKey: form.idempotencyKey,
      });
      const format = createFormatters(await remit.tenants.get(ctx(context)));
      const notice = `Refunded ${format.money(result.refund.amount, result.invoice.currency)}${result.kept ? `; ${format.money(result.kept.amount, result.invoice.currency)} could not be refunded: ${result.kept.reason}` : ""}`;
      return context.redirect(
        `/invoices/${encodeURIComponent(id)}?notice=${encodeURIComponent(notice)}`,
        303,
      );
    } catch (error) {
      return render(context, id, {
        values,
        ...formStateOf(error),
      });
    }
  });
  return routes;
}
