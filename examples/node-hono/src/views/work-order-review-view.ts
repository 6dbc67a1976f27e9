import { calculateInvoice, type InvoiceDraft, type Tenant, type WorkOrder } from "@remit/core";
import { html } from "hono/html";
import { type Html, money } from "./layout";
import { linesEditorView } from "./lines-editor-view";

/**
 * "Review & submit invoice": the invoice drafted from a completed work order (labor, materials at
 * cost plus markup, fees), editable before it is stored. Submitting creates it and submits it for
 * review, or issues it where the tenant needs no review.
 */
export function workOrderReviewView(
  workOrder: WorkOrder,
  draft: InvoiceDraft,
  tenant: Tenant,
): Html {
  const totals = calculateInvoice(draft);
  const rows = totals.lines.map(
    (
      line,
    ) => html`<tr><td>${line.kind}</td><td>${line.description}</td><td class="num">${line.quantity}</td>
<td class="num">${money(line.unitPrice, totals.currency)}</td><td class="num">${money(line.total, totals.currency)}</td></tr>`,
  );
  return html`<h1>Review invoice for “${workOrder.title}”</h1>
<p>${workOrder.customer.name} · ${workOrder.labor.length} labor entries · ${workOrder.materials.length} materials · ${workOrder.fees.length} fees</p>
<table><thead><tr><th>Kind</th><th>Description</th><th class="num">Qty</th><th class="num">Price</th><th class="num">Total</th></tr></thead><tbody>${rows}</tbody></table>
<p class="num">Total <strong id="draft-total">${money(totals.total, totals.currency)}</strong></p>
<form method="post" action="/work-orders/${encodeURIComponent(workOrder.id)}/submit-invoice">
<input type="hidden" name="version" value="${workOrder.version}">
<fieldset><legend>Change before submitting</legend>${linesEditorView(draft.lines, draft.memo)}</fieldset>
<p><button id="submit-invoice">${tenant.requireReview ? "Submit invoice for review" : "Submit & issue invoice"}</button></p></form>`;
}
