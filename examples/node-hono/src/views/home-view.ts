import type { Invoice } from "@remit/core";
import { html } from "hono/html";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { customerLink, invoiceLink } from "./record-links";

/** What the home page counts. */
export type AttentionFigures = {
  toReview: number;
  pastDue: { count: number; amount: string };
  awaiting: { count: number; amount: string };
  paidThisMonth: { count: number; amount: string };
  currency: string;
  oldestPastDue: Invoice[];
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The home page: invoices to review, past due (count and amount), awaiting payment, paid this month. */
export function homeView(name: string, figures: AttentionFigures, format: Formatters): Html {
  const money = (amount: string) => format.money(amount, figures.currency);
  const card = (id: string, href: string, title: string, big: string, small: string) =>
    html`<a class="card" id="${id}" href="${href}"><span>${title}</span><strong>${big}</strong><span class="muted">${small}</span></a>`;
  return html`<h1>${name}</h1>
<p class="actions"><a class="button" href="/invoices/new">New invoice</a> <a class="button secondary" href="/work-orders/new">New work order</a> <a class="button secondary" href="/customers/new">New customer</a></p>
<h2>Needs attention</h2>
<div class="cards">
${card("to-review", "/invoices?status=pending_review", "To review", String(figures.toReview), figures.toReview === 0 ? "Nothing waiting" : plural(figures.toReview, "invoice to approve", "invoices to approve"))}
${card("past-due", "/invoices?status=past_due", "Past due", money(figures.pastDue.amount), plural(figures.pastDue.count, "invoice", "invoices"))}
${card("awaiting-payment", "/invoices?status=pending_payment", "Awaiting payment", money(figures.awaiting.amount), plural(figures.awaiting.count, "invoice", "invoices"))}
${card("paid-this-month", "/invoices?status=paid", "Paid this month", money(figures.paidThisMonth.amount), plural(figures.paidThisMonth.count, "invoice", "invoices"))}
</div>
<h2>Past due</h2>
${
  figures.oldestPastDue.length > 0
    ? html`<table><thead><tr><th>Invoice</th><th>Customer</th><th>Due</th><th class="num">Amount due</th></tr></thead><tbody>${figures.oldestPastDue.map((invoice) => html`<tr><td>${invoiceLink(invoice)}</td><td>${customerLink(invoice.customer)}</td><td>${format.date(invoice.dueDate)}</td><td class="num">${format.money(invoice.amountDue, invoice.currency)}</td></tr>`)}</tbody></table>`
    : html`<p class="empty">Nothing is past due.</p>`
}`;
}
