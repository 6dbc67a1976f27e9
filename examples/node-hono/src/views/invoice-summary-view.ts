import type { InvoiceCalculation } from "@remit/core";
import { type InvoiceSummarySource, invoiceSummaryRows } from "@remit/pdf";
import { html } from "hono/html";
import type { Formatters } from "./formatters";
import type { Html } from "./html";

/**
 * The lines and the totals as the PDF prints them: each item line's amount (quantity × unit
 * price, before discounts and taxes), then subtotal, discounts, each fee, each tax rate with its
 * amount, total, paid, amount due (none once cancelled) and credit left over.
 */
export function invoiceSummaryView(
  record: Omit<InvoiceSummarySource, "totals"> & { currency: string; totals: InvoiceCalculation },
  format: Formatters,
  options: { payments?: boolean } = {},
): Html {
  const { currency } = record;
  const lines = record.totals.lines
    .filter((line) => line.kind !== "fee")
    .map(
      (
        line,
      ) => html`<tr><td>${line.description || line.kind}</td><td class="num">${format.number(line.quantity)}</td>
<td class="num">${format.unitPrice(line.unitPrice, currency)}</td><td class="num">${format.money(line.gross, currency)}</td></tr>`,
    );
  const rows = invoiceSummaryRows(record, {
    percent: (percent) => `${format.number(percent)}%`,
  })
    // A quote or a draft's review has no payments: its summary ends at the total.
    .filter(
      (row) =>
        options.payments !== false || !["amountPaid", "amountDue", "credit"].includes(row.kind),
    )
    .map(
      (row) =>
        html`<tr${row.emphasis ? html` class="sum"` : ""} data-row="${row.kind}"${row.kind === "amountDue" ? html` id="amount-due"` : ""}><th scope="row">${row.label}</th><td class="num">${format.money(row.amount, currency)}</td></tr>`,
    );
  return html`<div class="scroll"><table id="lines"><thead><tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>${lines}</tbody></table></div>
<table class="totals" id="totals"><tbody>${rows}</tbody></table>`;
}
