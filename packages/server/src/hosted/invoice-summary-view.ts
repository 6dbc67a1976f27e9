import type { Invoice } from "@remit/core";
import { invoiceSummaryRows } from "@remit/pdf";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { lineItemsTable } from "./line-items-table";
import type { PageFormatters } from "./page-formatters";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

// The rows a reader (or a script) looks for by id.
const rowIds: Partial<Record<string, string>> = {
  amountDue: "amount-due",
  creditNotes: "credit-notes",
  credit: "credit",
};

/**
 * The lines and the totals as the PDF prints them: each item line's amount (quantity × unit price,
 * before discounts and taxes), then subtotal, discounts, each fee, each tax rate with its amount,
 * total, paid, amount due (none once cancelled) and credit left over.
 */
export function invoiceSummaryView(invoice: Invoice, format: PageFormatters): Html {
  const { currency } = invoice;
  const rows = invoiceSummaryRows(invoice, {
    percent: (percent) => `${format.number(percent)}%`,
  }).map(
    (row) =>
      html`<tr class="${row.emphasis ? "sum" : ""}" data-row="${row.kind}"${rowIds[row.kind] ? html` id="${rowIds[row.kind]}"` : ""}><th scope="row">${row.label}</th><td class="num">${format.money(row.amount, currency)}</td></tr>`,
  );
  return html`${lineItemsTable(invoice.totals, currency, format)}
<table class="totals" id="totals"><tbody>${rows}</tbody></table>`;
}
