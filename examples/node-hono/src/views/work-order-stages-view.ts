import type { Invoice, WorkOrder } from "@remit/core";
import { html } from "hono/html";
import type { FieldErrors } from "../forms/people-errors";
import { selectField, textField } from "./form-fields";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { invoiceLink } from "./record-links";
import { statusBadge } from "./status-badge";

/** What the "Bill a stage" form was sent with, kept when it is shown again with its errors. */
export type StageFormValues = { how?: string; value?: string; retainagePercent?: string };

/** The work order statuses a stage may be billed from (as `remit.workOrders.billStage`). */
const billable = new Set(["open", "scheduled", "in_progress", "complete_invoice_needed"]);

/**
 * Progress billing on a work order page: its stage invoices with what each billed and withheld,
 * the "Bill a stage" form (a percent, an amount or the final remainder, and retainage), and
 * "Bill retainage" once the final stage is billed.
 */
export function workOrderStagesView(options: {
  workOrder: WorkOrder;
  invoices: readonly Invoice[];
  format: Formatters;
  mayBillStage: boolean;
  mayBillRetainage: boolean;
  values?: StageFormValues;
  fields?: FieldErrors;
}): Html | string {
  const { workOrder, format } = options;
  const money = (amount: string) => format.money(amount, workOrder.currency);
  const stages = options.invoices
    .filter((invoice) => invoice.progress !== null)
    .sort((a, b) => (a.progress?.stage ?? 0) - (b.progress?.stage ?? 0));
  const live = stages.filter((invoice) => invoice.status !== "cancelled");
  const canStage =
    options.mayBillStage &&
    billable.has(workOrder.status) &&
    !options.invoices.some(
      (invoice) => invoice.progress === null && invoice.status !== "cancelled",
    );
  const finalBilled = live.some((invoice) => invoice.progress?.final);
  const canRetain =
    options.mayBillRetainage &&
    finalBilled &&
    !live.some((invoice) => invoice.progress?.kind === "retainage") &&
    live.some((invoice) => Number(invoice.progress?.retained ?? "0") > 0);
  if (stages.length === 0 && !canStage) return "";
  const values = options.values ?? {};
  const rows = stages.map((invoice) => {
    const progress = invoice.progress;
    const label =
      progress?.kind === "retainage"
        ? "Retainage"
        : `Stage ${progress?.stage}${progress?.final ? " (final)" : ""}`;
    return html`<tr><td>${label}</td><td>${invoiceLink(invoice)}</td><td class="num">${money(invoice.totals.subtotal)}</td><td class="num">${money(invoice.total)}</td><td class="num">${money(progress?.retained ?? "0")}</td><td class="num">${money(invoice.amountDue)}</td><td>${statusBadge(invoice.status)}</td></tr>`;
  });
  const id = encodeURIComponent(workOrder.id);
  return html`<section aria-labelledby="stages-heading"><h2 id="stages-heading">Progress billing</h2>
${
  rows.length > 0
    ? html`<div class="scroll"><table id="stage-invoices"><thead><tr><th>Stage</th><th>Invoice</th><th class="num">Billed (net)</th><th class="num">Total</th><th class="num">Retained</th><th class="num">Due</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></div>
<p class="muted">Each stage's tax is worked out on its own lines, so the stages' taxes may differ from one invoice's tax by rounding.</p>`
    : html`<p class="empty">No stage billed yet: bill the job in stages, or review &amp; submit one invoice when it is done.</p>`
}
${
  canStage
    ? html`<form method="post" action="/work-orders/${id}/stages" id="bill-stage" novalidate><h3>Bill a stage</h3>
<input type="hidden" name="version" value="${workOrder.version}">
${selectField({
  name: "how",
  label: "What the stage bills",
  value: values.how ?? "percent",
  choices: [
    ["percent", "A percent of the contract"],
    ["amount", "An amount"],
    ["final", "Everything left (final stage)"],
  ],
  errors: options.fields,
})}
${textField({ name: "value", label: "Percent or amount", value: values.value, errors: options.fields, inputmode: "decimal", hint: "not needed for the final stage" })}
${textField({ name: "retainagePercent", label: "Retainage percent", value: values.retainagePercent, errors: options.fields, inputmode: "decimal", hint: "optional, withheld until the end" })}
<p class="actions"><button id="bill-stage-button">Bill stage</button></p></form>`
    : ""
}
${
  canRetain
    ? html`<form method="post" action="/work-orders/${id}/retainage" id="bill-retainage" class="actions">
<input type="hidden" name="version" value="${workOrder.version}"><button id="bill-retainage-button">Bill retainage</button> <span class="muted">Bills what the stages withheld, untaxed.</span></form>`
    : ""
}</section>`;
}
