import type { WorkOrder } from "@remit/core";
import { html } from "hono/html";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { customerLink, workOrderLink } from "./record-links";
import { statusBadge, statusLabel } from "./status-badge";

/** Every work order status, in the order a job goes through them. */
export const workOrderStatuses = [
  "open",
  "scheduled",
  "in_progress",
  "complete_invoice_needed",
  "invoiced",
  "cancelled",
] as const;

const completable = new Set(["open", "scheduled", "in_progress"]);

/** The next step for a work order: complete it, review its invoice, or open its invoice. */
export function workOrderAction(workOrder: WorkOrder): Html | string {
  const id = encodeURIComponent(workOrder.id);
  if (completable.has(workOrder.status)) {
    return html`<form class="inline" method="post" action="/work-orders/${id}/complete">
<input type="hidden" name="version" value="${workOrder.version}"><button class="secondary">Complete</button></form>`;
  }
  if (workOrder.status === "complete_invoice_needed") {
    return html`<a href="/work-orders/${id}/review">Review &amp; submit invoice</a>`;
  }
  if (workOrder.invoiceId) {
    return html`<a href="/invoices/${encodeURIComponent(workOrder.invoiceId)}">Open its invoice</a>`;
  }
  return "";
}

/** The "Invoice selected" button's form; the rows' checkboxes belong to it (`form=`). */
const batchForm = html`<form method="post" action="/batches/invoice-work-orders" id="invoice-selected" class="actions">
<button id="invoice-selected-button">Invoice selected</button> <span class="muted">Reviews and submits the checked work orders' invoices, each as it is.</span></form>`;

/** A row's checkbox for "Invoice selected": only work orders whose invoice is needed. */
function selectBox(workOrder: WorkOrder): Html | string {
  if (workOrder.status !== "complete_invoice_needed") return "";
  return html`<input type="checkbox" name="ids" value="${workOrder.id}" form="invoice-selected" aria-label="Select ${workOrder.title}">`;
}

/**
 * The back office's work orders: filter by status; complete a job, then review & submit its
 * invoice, one by one or, for those whose invoice is needed, checked and "Invoice selected"
 * (`batch`: whether the caller may).
 */
export function workOrderListView(
  workOrders: WorkOrder[],
  status: string | undefined,
  format: Formatters,
  batch = false,
): Html {
  const filters = ["", ...workOrderStatuses].map((value) => {
    const words = value ? statusLabel(value, "other") : "All";
    return value === (status ?? "")
      ? html`<strong aria-current="page">${words}</strong>`
      : html`<a href="/work-orders${value ? `?status=${value}` : ""}">${words}</a>`;
  });
  const rows = workOrders.map(
    (workOrder) => html`<tr data-work-order-id="${workOrder.id}" data-status="${workOrder.status}">
${batch ? html`<td>${selectBox(workOrder)}</td>` : ""}<td>${workOrderLink(workOrder)}</td><td>${customerLink(workOrder.customer)}</td><td>${statusBadge(workOrder.status, { kind: "other" })}</td>
<td>${workOrder.schedule ? `${format.date(workOrder.schedule.date)} ${workOrder.schedule.windowStart}, ${workOrder.schedule.technician}` : ""}</td>
<td>${workOrderAction(workOrder)}</td></tr>`,
  );
  return html`<h1>Work orders</h1>
<p class="actions"><a class="button" href="/work-orders/new">New work order</a></p>
<nav class="filters" aria-label="Filter by status">${filters}</nav>
${
  rows.length > 0
    ? html`${batch ? batchForm : ""}<div class="scroll"><table><thead><tr>${batch ? html`<th>Select</th>` : ""}<th>Job</th><th>Customer</th><th>Status</th><th>Scheduled</th><th>Next step</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : html`<p class="empty" id="empty">${status ? "No work orders match. Try another status." : "No work orders yet."}</p>`
}`;
}
