import { html } from "hono/html";
import type { Html } from "./html";

/** A link to a customer's page by name. */
export function customerLink(
  customer: { id: string; name: string } | null | undefined,
): Html | string {
  return customer
    ? html`<a href="/customers/${encodeURIComponent(customer.id)}">${customer.name}</a>`
    : "No customer";
}

/** A link to an invoice by its number ("Draft" before it has one). */
export function invoiceLink(invoice: { id: string; number: string | null }): Html {
  return html`<a href="/invoices/${encodeURIComponent(invoice.id)}">${invoice.number ?? "Draft invoice"}</a>`;
}

/** A link to a work order by its title. */
export function workOrderLink(workOrder: { id: string; title: string }): Html {
  return html`<a href="/work-orders/${encodeURIComponent(workOrder.id)}">${workOrder.title}</a>`;
}

/** A link to a quote by its title. */
export function quoteLink(quote: { id: string; title: string }): Html {
  return html`<a href="/quotes/${encodeURIComponent(quote.id)}">${quote.title}</a>`;
}

/** An email as a `mailto:` link and a phone as a `tel:` link, separated by " · ". */
export function contactLinks(contact: { email?: string | null; phone?: string | null }): Html[] {
  const links: Html[] = [];
  if (contact.email) links.push(html`<a href="mailto:${contact.email}">${contact.email}</a>`);
  if (contact.phone) links.push(html`<a href="tel:${contact.phone}">${contact.phone}</a>`);
  return links.map((link, index) => (index === 0 ? link : html` · ${link}`));
}
