import type { Customer, Invoice } from "@remit/core";
import { html } from "hono/html";
import type { FieldErrors } from "../forms/people-errors";
import { textField } from "./form-fields";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { contactLinks, customerLink, invoiceLink } from "./record-links";
import { statusBadge } from "./status-badge";

/** The customers: search, one row each with their contacts as links. */
export function customerListView(customers: Customer[], search: string | undefined): Html {
  const rows = customers.map(
    (customer) =>
      html`<tr data-customer-id="${customer.id}"><td>${customerLink(customer)}</td><td>${contactLinks(customer)}</td></tr>`,
  );
  return html`<h1>Customers</h1>
<p class="actions"><a class="button" href="/customers/new" id="new-customer">New customer</a></p>
<form method="get" action="/customers" role="search"><label for="search">Search</label><input type="search" id="search" name="search" value="${search ?? ""}" placeholder="Name, email or phone"> <button class="secondary">Search</button></form>
${
  rows.length > 0
    ? html`<table><thead><tr><th>Name</th><th>Contact</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="empty" id="empty">${search ? "No customers match. Try another search." : "No customers yet. Add your first one."}</p>`
}`;
}

/** A customer: contacts, balance (owed across open invoices), credit, and their invoices. */
export function customerDetailView(options: {
  customer: Customer;
  invoices: Invoice[];
  balance: string;
  credit: string;
  currency: string;
  format: Formatters;
}): Html {
  const { customer, format } = options;
  const money = (amount: string) => format.money(amount, options.currency);
  const id = encodeURIComponent(customer.id);
  const address = customer.billingAddress
    ? [
        customer.billingAddress.line1,
        customer.billingAddress.line2,
        [
          customer.billingAddress.city,
          customer.billingAddress.region,
          customer.billingAddress.postalCode,
        ]
          .filter(Boolean)
          .join(" "),
      ].filter(Boolean)
    : [];
  const rows = options.invoices.map(
    (
      invoice,
    ) => html`<tr data-status="${invoice.status}"><td>${invoiceLink(invoice)}</td><td>${statusBadge(invoice.status)}</td><td>${format.date(invoice.issueDate)}</td>
<td class="num">${format.money(invoice.total, invoice.currency)}</td><td class="num">${invoice.status === "cancelled" ? "" : format.money(invoice.amountDue, invoice.currency)}</td></tr>`,
  );
  return html`<h1>${customer.name}</h1>
<p>${contactLinks(customer)}</p>${address.length > 0 ? html`<p>${address.map((line, index) => (index === 0 ? line : html`<br>${line}`))}</p>` : ""}
<div class="cards"><div class="card" id="balance"><span>Balance owed</span><strong>${money(options.balance)}</strong></div>
<div class="card" id="customer-credit"><span>Credit</span><strong>${money(options.credit)}</strong></div></div>
<p class="actions"><a class="button" href="/invoices/new?customerId=${id}">New invoice</a> <a class="button secondary" href="/work-orders/new?customerId=${id}">New work order</a> <a class="button secondary" href="/customers/${id}/edit">Edit customer</a> <a class="button secondary" href="/customers/${id}/statement.pdf" id="statement">Statement (PDF)</a></p>
<h2>Invoices</h2>
${rows.length > 0 ? html`<div class="scroll"><table><thead><tr><th>Number</th><th>Status</th><th>Issued</th><th class="num">Total</th><th class="num">Amount due</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p class="empty">No invoices for ${customer.name} yet.</p>`}`;
}

/** The values of the customer form, as typed. */
export type CustomerFormValues = {
  name: string;
  email: string;
  phone: string;
  line1: string;
  city: string;
  region: string;
  postalCode: string;
};

/** New or edit customer; posts to its own URL. */
export function customerFormView(options: {
  heading: string;
  action: string;
  version?: number;
  values: CustomerFormValues;
  fields?: FieldErrors;
  cancelHref: string;
}): Html {
  const { values } = options;
  const field = (
    name: keyof CustomerFormValues,
    label: string,
    extra: Partial<Parameters<typeof textField>[0]> = {},
  ) => textField({ name, label, value: values[name], errors: options.fields, ...extra });
  return html`<h1>${options.heading}</h1>
<form method="post" action="${options.action}" novalidate>${options.version === undefined ? "" : html`<input type="hidden" name="version" value="${options.version}">`}
${field("name", "Name", { required: true, autocomplete: "name" })}
${field("email", "Email", { type: "email", autocomplete: "email" })}
${field("phone", "Mobile phone", { type: "tel", autocomplete: "tel", hint: "with country code, such as +1 512 555 0101" })}
<fieldset><legend>Billing address</legend>${field("line1", "Street")}${field("city", "City")}${field("region", "State")}${field("postalCode", "ZIP code")}</fieldset>
<p class="actions"><button id="save-customer">Save customer</button> <a href="${options.cancelHref}">Cancel</a></p></form>`;
}
