import type { InvoiceLineInput } from "@remit/core";
import { html } from "hono/html";
import type { Html } from "./layout";

/**
 * The fields to edit an invoice's lines and memo: one row per line (description, quantity, unit
 * price; its kind, taxes and discount are kept) and a blank row to add one. Clearing a row's
 * quantity removes the line. Read back by `linesFromForm`.
 */
export function linesEditorView(
  lines: readonly InvoiceLineInput[],
  memo: string | undefined,
): Html {
  const row = (line: InvoiceLineInput | undefined, index: number | "") => html`<tr>
<td><input type="hidden" name="lineIndex" value="${index}"><input type="text" name="description" value="${line?.description ?? ""}" aria-label="Description"></td>
<td><input type="text" name="quantity" inputmode="decimal" value="${line ? String(line.quantity) : ""}" aria-label="Quantity"></td>
<td><input type="text" name="unitPrice" inputmode="decimal" value="${line ? String(line.unitPrice) : ""}" aria-label="Unit price"></td></tr>`;
  return html`<table class="lines"><thead><tr><th class="w60">Description</th><th>Qty</th><th>Unit price</th></tr></thead>
<tbody>${lines.map((line, index) => row(line, index))}${row(undefined, "")}</tbody></table>
<label>Memo (printed on the invoice)<br><textarea name="memo" rows="2" cols="60">${memo ?? ""}</textarea></label>`;
}
