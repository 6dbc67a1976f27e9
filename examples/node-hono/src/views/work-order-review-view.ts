import { calculateInvoice, type InvoiceDraft, type Tenant, type WorkOrder } from "@remit/core";
import { html } from "hono/html";
import type { EditorRow, RowErrors } from "../forms/lines-from-form";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { invoiceSummaryView } from "./invoice-summary-view";
import { linesEditorView } from "./lines-editor-view";
import { customerLink, invoiceLink } from "./record-links";

/**
 * "Review & submit invoice": the invoice drafted from a completed work order (labor, materials at
 * cost plus markup, fees), editable before it is stored. Submitting creates it and submits it for
 * review, or issues it where the tenant needs no review. The form posts to its own URL.
 */
export function workOrderReviewView(options: {
  workOrder: WorkOrder;
  draft: InvoiceDraft;
  tenant: Tenant;
  format: Formatters;
  rows: readonly EditorRow[];
  rowErrors?: Record<string, RowErrors>;
  memo: string | undefined;
}): Html {
  const { workOrder, draft, tenant, format } = options;
  const totals = calculateInvoice(draft);
  const summary = {
    status: "pending_action",
    currency: totals.currency,
    totals,
    amountPaid: "0",
    amountDue: totals.total,
    credit: "0",
  };
  return html`<h1>Review invoice for “${workOrder.title}”</h1>
<p>${customerLink(workOrder.customer)} · ${workOrder.labor.length} labor entries · ${workOrder.materials.length} materials · ${workOrder.fees.length} fees</p>
${invoiceSummaryView(summary, format, { payments: false })}
<form method="post" action="/work-orders/${encodeURIComponent(workOrder.id)}/review" novalidate>
<input type="hidden" name="version" value="${workOrder.version}">
<fieldset><legend>Change before submitting</legend>${linesEditorView({ rows: options.rows, errors: options.rowErrors ?? {}, memo: options.memo })}</fieldset>
<p><button id="submit-invoice">${tenant.requireReview ? "Submit invoice for review" : "Submit & issue invoice"}</button></p></form>`;
}

/** The review page of a work order already invoiced: a link to its invoice, nothing to submit. */
export function workOrderInvoicedView(
  workOrder: WorkOrder,
  invoice: { id: string; number: string | null } | undefined,
): Html {
  return html`<h1>“${workOrder.title}” is invoiced</h1>
<p class="notice" role="status" id="already-invoiced">This work order already has its invoice${invoice ? html`: ${invoiceLink(invoice)}` : ""}. Make any change there.</p>`;
}
