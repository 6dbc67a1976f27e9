import type { InvoiceDetails } from "@remit/core";
import { html } from "hono/html";
import type { FieldErrors } from "../forms/people-errors";
import { selectField, textField } from "./form-fields";
import type { Formatters } from "./formatters";
import type { Html } from "./html";

/** What the refund form holds, kept when it is refused. */
export type RefundFormValues = {
  paymentId: string;
  amount: string;
  reason: string;
  idempotencyKey: string;
};

/** "Refund": one of the invoice's payments, an amount (the credit, by default) and a reason. */
export function refundFormView(options: {
  details: InvoiceDetails;
  format: Formatters;
  values: RefundFormValues;
  fields?: FieldErrors;
}): Html {
  const { details, format, values } = options;
  const { invoice } = details;
  const money = (amount: string) => format.money(amount, invoice.currency);
  const choices = details.payments
    .filter((payment) => payment.status === "succeeded")
    .map(
      (payment) =>
        [
          payment.id,
          `${money(payment.amount)} · ${payment.method}${payment.reference ? ` ${payment.reference}` : ""} · ${format.dateTime(payment.receivedAt)}`,
        ] as const,
    );
  return html`<h1>Refund on invoice ${invoice.number}</h1>
<p>Paid ${money(invoice.amountPaid)}${Number(invoice.credit) > 0 ? html` · credit <strong id="credit">${money(invoice.credit)}</strong>` : ""}</p>
<p class="muted">A payment taken by hand (cash, check, card reader) is refunded by hand: record here what you gave back. A payment taken online is refunded through its provider.</p>
<form method="post" action="/invoices/${encodeURIComponent(invoice.id)}/refunds" novalidate><input type="hidden" name="idempotencyKey" value="${values.idempotencyKey}">
${selectField({ name: "paymentId", label: "Payment", value: values.paymentId, choices, errors: options.fields })}
${textField({ name: "amount", label: "Amount to refund", value: values.amount, errors: options.fields, inputmode: "decimal", required: true })}
${textField({ name: "reason", label: "Reason", value: values.reason, errors: options.fields })}
<p class="actions"><button id="record-refund">Refund</button> <a href="/invoices/${encodeURIComponent(invoice.id)}">Back to the invoice</a></p></form>`;
}
