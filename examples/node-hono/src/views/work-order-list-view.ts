import type { WorkOrder } from "@remit/core";
import { html } from "hono/html";
import { type Html, statusBadge } from "./layout";

const workOrderStatuses = [
  "open",
  "scheduled",
  "in_progress",
  "complete_invoice_needed",
  "invoiced",
  "cancelled",
] as const;

const completable = new Set(["open", "scheduled", "in_progress"]);

/** The back office's work orders: filter by status; complete a job, then review & submit its invoice. */
export function workOrderListView(workOrders: WorkOrder[], status: string | undefined): Html {
  const filters = ["", ...workOrderStatuses].map((value, index) => {
    const link =
      value === (status ?? "")
        ? html`<strong>${value || "all"}</strong>`
        : html`<a href="/work-orders${value ? `?status=${value}` : ""}">${value || "all"}</a>`;
    return index === 0 ? link : html` · ${link}`;
  });
  const rows = workOrders.map((workOrder) => {
    const id = encodeURIComponent(workOrder.id);
    let action: Html | string = "";
    if (completable.has(workOrder.status)) {
      action = html`<form class="inline" method="post" action="/work-orders/${id}/complete">
<input type="hidden" name="version" value="${workOrder.version}"><button>Complete</button></form>`;
    } else if (workOrder.status === "complete_invoice_needed") {
      action = html`<a href="/work-orders/${id}/review">Review &amp; submit invoice</a>`;
    } else if (workOrder.invoiceId) {
      action = html`<a href="/invoices/${encodeURIComponent(workOrder.invoiceId)}">invoice</a>`;
    }
    return html`<tr data-work-order-id="${workOrder.id}" data-status="${workOrder.status}">
<td>${workOrder.title}</td><td>${workOrder.customer.name}</td><td>${statusBadge(workOrder.status)}</td>
<td>${workOrder.schedule ? `${workOrder.schedule.date} ${workOrder.schedule.windowStart}, ${workOrder.schedule.technician}` : ""}</td>
<td>${action}</td></tr>`;
  });
  return html`<h1>Work orders</h1><p>${filters}</p>
<table><thead><tr><th>Job</th><th>Customer</th><th>Status</th><th>Scheduled</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}
