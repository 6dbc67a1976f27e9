import type { Customer } from "@remit/core";
import { html } from "hono/html";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import { selectField, textField } from "./form-fields";
import type { Html } from "./html";
import { type LineKindNames, linesEditorView } from "./lines-editor-view";
import { customerLink } from "./record-links";

/**
 * The form of a record with a customer, a title and lines (a work order, a quote): new, with the
 * customer to choose, or an edit of a saved one, whose customer is shown and whose version is
 * sent back (a stale form is refused). It posts to its own URL, so a refused save is shown where
 * it was typed, every value kept and each field's error beside it.
 */
export function titledLinesFormView(options: {
  heading: string;
  action: string;
  /** The version the form was opened at; only an edit has one. */
  version?: number;
  customer:
    | { choices: readonly Customer[]; chosen: string | undefined }
    | { saved: { id: string; name: string } };
  title: { label: string; value: string | undefined };
  /** More fields after the title (a plan's schedule). */
  extra?: Html;
  legend: string;
  rows: readonly EditorRow[];
  rowErrors?: Record<string, RowErrors> | undefined;
  fields?: FieldErrors | undefined;
  memo: { label: string; value: string | undefined };
  kinds?: LineKindNames;
  /** A sentence under the lines' legend on what their columns mean here. */
  hint?: string;
  submit: { label: string; id: string };
  cancelHref: string;
}): Html {
  const { customer } = options;
  const customerField =
    "saved" in customer
      ? html`<p>Customer: ${customerLink(customer.saved)}</p>`
      : selectField({
          name: "customerId",
          label: "Customer",
          value: customer.chosen,
          choices: [
            ["", "Choose a customer"],
            ...customer.choices.map((choice) => [choice.id, choice.name] as const),
          ],
          errors: options.fields,
        });
  return html`<h1>${options.heading}</h1>
<form method="post" action="${options.action}" novalidate>
${options.version === undefined ? "" : html`<input type="hidden" name="version" value="${options.version}">`}
${customerField}
${textField({ name: "title", label: options.title.label, value: options.title.value, errors: options.fields, required: true })}
${options.extra ?? ""}
<fieldset><legend>${options.legend}</legend>${options.hint ? html`<p class="muted">${options.hint}</p>` : ""}${linesEditorView({ rows: options.rows, errors: options.rowErrors ?? {}, memo: options.memo.value, memoLabel: options.memo.label, ...(options.kinds ? { kinds: options.kinds } : {}) })}</fieldset>
<p class="actions"><button id="${options.submit.id}">${options.submit.label}</button> <a href="${options.cancelHref}">Cancel</a></p></form>`;
}
