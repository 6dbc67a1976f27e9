import { randomUUID } from "node:crypto";
import {
  compareMoney,
  isMoneyAmount,
  minorUnitsOf,
  type Remit,
  roundMoney,
  subtractMoney,
} from "@remit/core";
import { type Context, Hono } from "hono";
import { paymentFormSchema } from "../forms/back-office-forms";
import { parseForm } from "../forms/parse-form";
import { type FieldErrors, formStateOf } from "../forms/people-errors";
import { remitContext, signedInOf } from "../request-context";
import { createFormatters } from "../views/formatters";
import { page } from "../views/layout";
import { type PaymentFormValues, paymentFormView } from "../views/payment-form-view";

const methodWords: Record<string, string> = {
  cash: "cash",
  check: "check",
  card: "card",
  other: "payment",
};

/**
 * "Record a payment" (`/invoices/:id/payments`): cash, check, card (the `card` method with the
 * reader's reference) or other. An amount above what is due is recorded only once confirmed, with
 * the credit it leaves shown first. The form posts to its own URL.
 */
export function backOfficePayments(remit: Remit) {
  const routes = new Hono();
  const ctx = (context: Context) => remitContext(context);

  const render = async (
    context: Context,
    id: string,
    state: {
      values?: Partial<PaymentFormValues>;
      fields?: FieldErrors;
      error?: string;
      overpayment?: { credit: string };
      status?: 200 | 409 | 422;
    } = {},
  ) => {
    const c = ctx(context);
    const [{ invoice }, tenant] = await Promise.all([
      remit.invoices.get(c, { id }),
      remit.tenants.get(c),
    ]);
    const query = context.req.query();
    const values: PaymentFormValues = {
      amount: state.values?.amount ?? query.amount ?? invoice.amountDue,
      method: state.values?.method ?? query.method ?? "check",
      reference: state.values?.reference ?? query.reference ?? "",
      // A fresh key per rendered form: a double submit of the same form records one payment.
      idempotencyKey: state.values?.idempotencyKey ?? `payment-${invoice.id}-${randomUUID()}`,
    };
    return context.html(
      page({
        signedIn: signedInOf(context),
        title: `Record a payment: ${invoice.number ?? "invoice"}`,
        body: paymentFormView({
          invoice,
          format: createFormatters(tenant),
          values,
          ...(state.fields ? { fields: state.fields } : {}),
          overpayment: state.overpayment,
        }),
        error: state.error,
      }),
      state.status ?? 200,
    );
  };

  routes.get("/invoices/:id/payments", (context) => render(context, context.req.param("id")));

  routes.post("/invoices/:id/payments", async (context) => {
    const id = context.req.param("id");
    const form = await parseForm(context, paymentFormSchema);
    const values = {
      amount: form.amount.replace(/^\$/, "").replaceAll(",", ""),
      method: form.method,
      reference: form.reference,
      idempotencyKey: form.idempotencyKey,
    };
    const fields: FieldErrors = {};
    if (!isMoneyAmount(values.amount) || compareMoney(values.amount, "0") <= 0) {
      fields.amount = "Enter the amount received, such as 120 or 120.50.";
    }
    if ((form.method === "check" || form.method === "card") && !form.reference) {
      fields.reference =
        form.method === "check" ? "Enter the check number." : "Enter the card reader's reference.";
    }
    if (Object.keys(fields).length > 0) {
      return render(context, id, {
        values,
        fields,
        error: "Check the highlighted fields: nothing was recorded.",
        status: 422,
      });
    }
    const c = ctx(context);
    const { invoice, payments } = await remit.invoices.get(c, { id });
    const digits = minorUnitsOf(invoice.currency);
    // The same form sent twice is one payment: a repeat is never asked about again.
    const repeat = payments.some((payment) => payment.idempotencyKey === form.idempotencyKey);
    if (!repeat && !form.confirmOverpayment && compareMoney(values.amount, invoice.amountDue) > 0) {
      const credit = subtractMoney(digits, roundMoney(values.amount, digits), invoice.amountDue);
      return render(context, id, { values, overpayment: { credit } });
    }
    try {
      const result = await remit.invoices.recordPayment(c, {
        id,
        amount: values.amount,
        method: form.method,
        ...(form.reference ? { reference: form.reference } : {}),
        idempotencyKey: form.idempotencyKey,
      });
      const after = result.invoice;
      const format = createFormatters(await remit.tenants.get(c));
      const recorded = `Recorded ${format.money(result.payment.amount, invoice.currency)} by ${methodWords[form.method]}${form.reference ? ` (${form.reference})` : ""}`;
      const left =
        after?.status === "paid"
          ? Number(after.credit) > 0
            ? `paid in full, with ${format.money(after.credit, invoice.currency)} of credit left`
            : "paid in full"
          : `${format.money(after?.amountDue ?? "0", invoice.currency)} still due`;
      return context.redirect(
        `/invoices/${encodeURIComponent(id)}?notice=${encodeURIComponent(`${recorded}; ${left}`)}`,
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
