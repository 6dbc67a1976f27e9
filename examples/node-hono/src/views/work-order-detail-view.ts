import type { WorkOrder } from "@remit/core";
import { html } from "hono/html";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { contactLinks, customerLink, quoteLink } from "./record-links";
import { statusBadge } from "./status-badge";
import { workOrderAction } from "./work-order-list-view";

/** The statuses `remit.workOrders.update` accepts: until the job is invoiced or cancelled. */
export const editableWorkOrderStatuses: ReadonlySet<WorkOrder["status"]> = new Set([
  "open",
  "scheduled",
  "in_progress",
  "complete_invoice_needed",
]);

/**
 * One work order: its customer, schedule, what it bills, and its next step (or its invoice), with
 * "Edit" while its status allows a change and `mayEdit` (the caller's role may update it).
 */
export function workOrderDetailView(
  workOrder: WorkOrder,
  format: Formatters,
  options: { quote?: { id: string; title: string } | undefined; mayEdit: boolean },
): Html {
  const { quote } = options;
  const edit =
    options.mayEdit && editableWorkOrderStatuses.has(workOrder.status)
      ? html` <a class="button secondary" id="edit-work-order" href="/work-orders/${encodeURIComponent(workOrder.id)}/edit">Edit</a>`
      : "";
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
<p class="actions">${workOrderAction(workOrder)}${edit}</p>
<h2>To bill</h2>
${entries.length > 0 ? html`<table><tbody>${entries.map(([what, amount]) => html`<tr><td>${what}</td><td class="num">${amount}</td></tr>`)}</tbody></table>` : html`<p class="empty">Nothing to bill yet.</p>`}
${workOrder.notes ? html`<p><strong>Notes:</strong> ${workOrder.notes}</p>` : ""}`;
}
