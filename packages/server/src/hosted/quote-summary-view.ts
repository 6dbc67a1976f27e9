import type { Quote } from "@remit/core";
import { invoiceSummaryRows } from "@remit/pdf";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { lineItemsTable } from "./line-items-table";
import type { PageFormatters } from "./page-formatters";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

// A quote's totals block is an invoice's down to the total: nothing is paid or due on a quote.
const priceRows = new Set(["subtotal", "discounts", "fee", "tax", "total"]);

/**
 * The quote's lines and totals in the invoice page's words and layout (subtotal, discounts, each
 * fee, each tax rate, total), then the deposit asked and the deposit paid.
 */
export function quoteSummaryView(quote: Quote, format: PageFormatters): Html {
  const { currency } = quote;
  const rows = invoiceSummaryRows(
    { status: quote.status, totals: quote.totals, amountPaid: "0", amountDue: "0", credit: "0" },
    { percent: (percent) => `${format.number(percent)}%` },
  )
    .filter((row) => priceRows.has(row.kind))
    .map(
      (row) =>
        html`<tr class="${row.emphasis ? "sum" : ""}" data-row="${row.kind}"><th scope="row">${row.label}</th><td class="num">${format.money(row.amount, currency)}</td></tr>`,
    );
  const deposit =
    quote.depositRequired === null
      ? ""
      : html`<tr id="deposit-required"><th scope="row">Deposit required</th><td class="num">${format.money(quote.depositRequired, currency)}</td></tr>
<tr id="deposit-held"><th scope="row">Deposit paid</th><td class="num">${format.money(quote.depositHeld, currency)}</td></tr>`;
  return html`${lineItemsTable(quote.totals, currency, format)}
<table class="totals" id="totals"><tbody>${rows}${deposit}</tbody></table>`;
}
