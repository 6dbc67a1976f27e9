import type { Customer, WorkOrder } from "@remit/core";
import { html } from "hono/html";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { FieldErrors } from "../forms/people-errors";
import { selectField, textField } from "./form-fields";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { linesEditorView } from "./lines-editor-view";
import { contactLinks, customerLink, quoteLink } from "./record-links";
import { statusBadge } from "./status-badge";
import { workOrderAction } from "./work-order-list-view";

/** One work order: its customer, schedule, what it bills, and its next step (or its invoice). */
export function workOrderDetailView(
  workOrder: WorkOrder,
  format: Formatters,
  quote?: { id: string; title: string },
): Html {
  const money = (amount: string) => format.money(amount, workOrder.currency);
  const entries = [
    ...workOrder.labor.map(
      (entry) =>
        [
          `Labor: ${entry.description || entry.technician}`,
          `${format.number(entry.hours)} h × ${money(entry.hourlyRate)}`,
        ] as const,
    ),
    ...workOrder.materials.map(
      (entry) =>
        [
          `Material: ${entry.description}`,
          `${format.number(entry.quantity)} × ${money(entry.unitCost)}`,
        ] as const,
    ),
    ...workOrder.services.map(
      (entry) =>
        [
          `Service: ${entry.description}`,
          `${format.number(entry.quantity)} × ${money(entry.unitPrice)}`,
        ] as const,
    ),
    ...workOrder.fees.map((entry) => [`Fee: ${entry.description}`, money(entry.amount)] as const),
  ];
  return html`<h1>${workOrder.title} ${statusBadge(workOrder.status, { kind: "other", id: "work-order-status" })}</h1>
<dl class="facts"><div><dt>Customer</dt><dd>${customerLink(workOrder.customer)} ${contactLinks(workOrder.customer)}</dd></div>
${workOrder.schedule ? html`<div><dt>Scheduled</dt><dd>${format.date(workOrder.schedule.date)} ${workOrder.schedule.windowStart}–${workOrder.schedule.windowEnd}, ${workOrder.schedule.technician}</dd></div>` : ""}
${quote ? html`<div><dt>Quote</dt><dd>${quoteLink(quote)}</dd></div>` : ""}</dl>
<p class="actions">${workOrderAction(workOrder)}</p>
<h2>To bill</h2>
${entries.length > 0 ? html`<table><tbody>${entries.map(([what, amount]) => html`<tr><td>${what}</td><td class="num">${amount}</td></tr>`)}</tbody></table>` : html`<p class="empty">Nothing to bill yet.</p>`}
${workOrder.notes ? html`<p><strong>Notes:</strong> ${workOrder.notes}</p>` : ""}`;
}

/** "New work order": who for, what job, and the services to bill (the lines editor). */
export function workOrderFormView(options: {
  customers: readonly Customer[];
  values: { customerId?: string; title?: string; notes?: string };
  rows: readonly EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  fields?: FieldErrors;
}): Html {
  return html`<h1>New work order</h1>
<form method="post" action="/work-orders/new" novalidate>
${selectField({ name: "customerId", label: "Customer", value: options.values.customerId, choices: [["", "Choose a customer"], ...options.customers.map((customer) => [customer.id, customer.name] as const)], errors: options.fields })}
${textField({ name: "title", label: "Job", value: options.values.title, errors: options.fields, required: true })}
<fieldset><legend>Services to bill</legend>${linesEditorView({ rows: options.rows, errors: options.rowErrors ?? {}, memo: options.values.notes, memoLabel: "Notes for the technician" })}</fieldset>
<p class="actions"><button id="create-work-order">Create work order</button> <a href="/work-orders">Cancel</a></p></form>`;
}
