import { html } from "hono/html";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import { blankRow } from "../forms/lines-from-form";
import { fieldError } from "./form-fields";
import type { Html } from "./html";

/** The kinds a row can be, with their names: an invoice's (a work order calls "other" a fee). */
export type LineKindNames = readonly (readonly [value: string, name: string])[];

const invoiceKinds: LineKindNames = [
  ["labor", "Labor"],
  ["material", "Material"],
  ["service", "Service"],
  ["other", "Other"],
];

function rowView(
  row: EditorRow,
  errors: RowErrors | undefined,
  number: number | "",
  kinds: LineKindNames,
): Html {
  const id = (field: string) => `${row.key}-${field}`;
  const field = (name: "description" | "quantity" | "unitPrice") =>
    fieldError(id(name), errors?.[name]);
  const description = field("description");
  const quantity = field("quantity");
  const unitPrice = field("unitPrice");
  const label = number === "" ? "new line" : `line ${number}`;
  return html`<tr${errors ? html` class="row-error"` : ""} data-row="${row.key}">
<td><input type="hidden" name="rowKey" value="${row.key}"><input type="hidden" name="lineIndex" value="${row.lineIndex}">
<select name="kind" aria-label="Kind of ${label}">${kinds.map(([value, words]) => html`<option value="${value}"${value === row.kind ? html` selected` : ""}>${words}</option>`)}</select></td>
<td><input type="text" name="description" id="${id("description")}" value="${row.description}" aria-label="Description of ${label}"${description.attributes}>${description.message}</td>
<td><input type="text" name="quantity" id="${id("quantity")}" inputmode="decimal" value="${row.quantity}" aria-label="Quantity of ${label}" class="w8"${quantity.attributes}>${quantity.message}</td>
<td><input type="text" name="unitPrice" id="${id("unitPrice")}" inputmode="decimal" value="${row.unitPrice}" aria-label="Unit price of ${label}" class="w8"${unitPrice.attributes}>${unitPrice.message}</td>
<td><label class="check"><input type="checkbox" name="remove" value="${row.key}"> Remove</label></td></tr>`;
}

/**
 * The fields to edit a record's lines and memo: one row per line (kind, description, quantity,
 * unit price; its taxes and discount are kept) with a Remove box, and a blank row to add one.
 * A row goes only when its Remove box is ticked. The "Add a line" button (back-office.js) copies
 * the blank row's template; without scripts, the blank row adds one line per save. Read back by
 * `linesFromForm`; a refused save shows the rows as typed, each with its error.
 */
export function linesEditorView(options: {
  rows: readonly EditorRow[];
  errors?: Record<string, RowErrors>;
  memo: string | undefined;
  memoLabel?: string;
  kinds?: LineKindNames;
}): Html {
  const kinds = options.kinds ?? invoiceKinds;
  const rows = options.rows.some((row) => !row.lineIndex && !row.description && !row.quantity)
    ? options.rows
    : [...options.rows, blankRow(`new-${options.rows.length}`)];
  let number = 0;
  return html`<div class="scroll"><table class="lines" id="lines-editor"><thead><tr><th>Kind</th><th class="w50">Description</th><th>Qty</th><th>Unit price</th><th><span class="muted">Remove</span></th></tr></thead>
<tbody>${rows.map((row) => rowView(row, options.errors?.[row.key], row.lineIndex || row.description ? ++number : "", kinds))}</tbody></table></div>
<template id="line-template">${rowView(blankRow("new-template"), undefined, "", kinds)}</template>
<p><button type="button" class="secondary" id="add-line" hidden>Add a line</button></p>
<label for="field-memo">${options.memoLabel ?? "Memo (printed on the invoice)"}</label><textarea id="field-memo" name="memo" rows="2">${options.memo ?? ""}</textarea>`;
}
