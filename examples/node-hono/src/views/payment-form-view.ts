import type { Invoice } from "@remit/core";
import { html } from "hono/html";
import type { FieldErrors } from "../forms/people-errors";
import { selectField, textField } from "./form-fields";
import type { Formatters } from "./formatters";
import type { Html } from "./html";

/** What the payment form holds: typed values are shown again when it is refused or confirmed. */
export type PaymentFormValues = {
  amount: string;
  method: string;
  reference: string;
  idempotencyKey: string;
};

const methods = [
  ["check", "Check"],
  ["cash", "Cash"],
  ["card", "Card (reference from the card reader)"],
  ["other", "Other"],
] as const;

/**
 * "Record a payment": amount, method (cash, check, card with its reference, other) and reference.
 * With `overpayment`, it first asks to confirm an amount above what is due, showing the credit it
 * leaves.
 */
export function paymentFormView(options: {
  invoice: Invoice;
  format: Formatters;
  values: PaymentFormValues;
  fields?: FieldErrors;
  overpayment?: { credit: string } | undefined;
}): Html {
  const { invoice, format, values } = options;
  const money = (amount: string) => format.money(amount, invoice.currency);
  const action = `/invoices/${encodeURIComponent(invoice.id)}/payments`;
  const hidden = (name: keyof PaymentFormValues) =>
    html`<input type="hidden" name="${name}" value="${values[name]}">`;
  if (options.overpayment) {
    return html`<h1>Confirm the payment</h1>
<div class="warning" role="alert" id="overpayment"><p><strong>${money(values.amount)} is more than the ${money(invoice.amountDue)} due on invoice ${invoice.number}.</strong></p>
<p>Recording it pays the invoice and leaves the customer <strong id="resulting-credit">${money(options.overpayment.credit)} of credit</strong>, which you can refund from the invoice.</p></div>
<form method="post" action="${action}">${hidden("amount")}${hidden("method")}${hidden("reference")}${hidden("idempotencyKey")}
<input type="hidden" name="confirmOverpayment" value="yes">
<p class="actions"><button id="confirm-overpayment">Record ${money(values.amount)} and keep ${money(options.overpayment.credit)} as credit</button></p></form>
<form method="get" action="${action}"><input type="hidden" name="amount" value="${values.amount}"><input type="hidden" name="method" value="${values.method}"><input type="hidden" name="reference" value="${values.reference}">
<p><button class="secondary" id="change-amount">Change the amount</button></p></form>`;
  }
  return html`<h1>Record a payment on invoice ${invoice.number}</h1>
<p>Amount due: <strong id="amount-due">${money(invoice.amountDue)}</strong></p>
<form method="post" action="${action}" novalidate>${hidden("idempotencyKey")}
${textField({ name: "amount", label: "Amount received", value: values.amount, errors: options.fields, inputmode: "decimal", required: true })}
${selectField({ name: "method", label: "Method", value: values.method, choices: methods, errors: options.fields })}
${textField({ name: "reference", label: "Check number or card reference", value: values.reference, errors: options.fields, hint: "needed for a check or card" })}
<p class="actions"><button id="record-payment">Record payment</button> <a href="/invoices/${encodeURIComponent(invoice.id)}">Back to the invoice</a></p></form>`;
}
