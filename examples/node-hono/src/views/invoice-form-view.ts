import type { Customer } from "@remit/core";
import { html } from "hono/html";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import { selectField } from "./form-fields";
import type { Html } from "./html";
import { linesEditorView } from "./lines-editor-view";

/**
 * The form to create an invoice (with its customer) or edit one's lines and memo. It posts to its
 * own URL, so a refused save is shown where it was typed, every value kept.
 */
export function invoiceFormView(options: {
  heading: string;
  action: string;
  version?: number;
  customers?: readonly Customer[];
  customerId?: string | undefined;
  rows: readonly EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  fields?: FieldErrors;
  memo: string | undefined;
  submitLabel: string;
  cancelHref: string;
}): Html {
  const customerField = options.customers
    ? options.customers.length > 0
      ? selectField({
          name: "customerId",
          label: "Customer",
          value: options.customerId,
          choices: [
            ["", "Choose a customer"],
            ...options.customers.map((customer) => [customer.id, customer.name] as const),
          ],
          errors: options.fields,
        })
      : html`<p class="warning">Add a customer first: <a href="/customers/new">new customer</a>.</p>`
    : "";
  return html`<h1>${options.heading}</h1>
<form method="post" action="${options.action}" novalidate>
${options.version === undefined ? "" : html`<input type="hidden" name="version" value="${options.version}">`}
${customerField}
<fieldset><legend>Lines</legend>${linesEditorView({ rows: options.rows, errors: options.rowErrors ?? {}, memo: options.memo })}</fieldset>
<p class="actions"><button id="save-lines">${options.submitLabel}</button> <a href="${options.cancelHref}">Cancel</a></p></form>`;
}
