import type { InvoiceCalculation } from "@remit/core";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { PageFormatters } from "./page-formatters";

/**
 * The item lines as the PDF prints them: each line's amount (quantity × unit price, before
 * discounts and taxes); fees are totals rows, not lines. The invoice and quote pages share it.
 */
export function lineItemsTable(
  totals: InvoiceCalculation,
  currency: string,
  format: PageFormatters,
): HtmlEscapedString | Promise<HtmlEscapedString> {
  const lines = totals.lines
    .filter((line) => line.kind !== "fee")
    .map(
      (
        line,
      ) => html`<tr><td>${line.description || line.kind}</td><td class="num">${format.number(line.quantity)}</td>
<td class="num">${format.unitPrice(line.unitPrice, currency)}</td><td class="num">${format.money(line.gross, currency)}</td></tr>`,
    );
  return html`<table class="lines"><thead><tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>${lines}</tbody></table>`;
}
