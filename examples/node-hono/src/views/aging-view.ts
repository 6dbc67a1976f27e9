import type { AgingReport } from "@remit/core";
import { html } from "hono/html";
import type { Formatters } from "./formatters";
import type { Html } from "./html";

const buckets = [
  ["current", "Current"],
  ["days1to30", "1–30 days"],
  ["days31to60", "31–60 days"],
  ["days61to90", "61–90 days"],
  ["over90", "Over 90 days"],
  ["total", "Total"],
] as const;

/** The aging report: one row per customer and currency, then the totals per currency. */
export function agingView(report: AgingReport, format: Formatters): Html {
  const head = html`<tr><th>Customer</th><th>Currency</th>${buckets.map(([, label]) => html`<th class="num">${label}</th>`)}</tr>`;
  const rows = report.customers.map(
    (row) =>
      html`<tr><td>${row.customerId ? html`<a href="/customers/${encodeURIComponent(row.customerId)}">${row.customerName ?? ""}</a>` : "No customer"}</td><td>${row.currency}</td>${buckets.map(([key]) => html`<td class="num">${format.money(row[key], row.currency)}</td>`)}</tr>`,
  );
  const totals = report.totals.map(
    (total) =>
      html`<tr class="total"><th scope="row">Total</th><td>${total.currency}</td>${buckets.map(([key]) => html`<td class="num"><strong>${format.money(total[key], total.currency)}</strong></td>`)}</tr>`,
  );
  return html`<h1>Aging</h1>
<p class="muted">Open balances (pending payment and past due) by days past the due date, on ${format.date(report.asOfDate)} (${report.timeZone}). Written-off invoices are left out.</p>
${rows.length > 0 ? html`<div class="scroll"><table id="aging"><thead>${head}</thead><tbody>${rows}</tbody><tfoot>${totals}</tfoot></table></div>` : html`<p class="empty">Nothing is owed right now.</p>`}`;
}
