import type { PlanDetails, ServicePlan } from "@remit/core";
import { html } from "hono/html";
import type { Permission } from "../auth/roles";
import type { Formatters } from "./formatters";
import type { Html } from "./html";
import { customerLink } from "./record-links";
import { statusBadge } from "./status-badge";

/** The schedules the new-plan form offers by name, as RFC 5545 rules. */
export const planRepeats = [
  ["FREQ=MONTHLY", "Every month, on the start date's day"],
  ["FREQ=MONTHLY;INTERVAL=3", "Every 3 months"],
  ["FREQ=MONTHLY;INTERVAL=6", "Every 6 months"],
  ["FREQ=YEARLY", "Every year"],
  ["FREQ=WEEKLY", "Every week"],
  ["FREQ=WEEKLY;INTERVAL=2", "Every 2 weeks"],
] as const;

/** A plan's schedule in words where it is one of the form's, else its rule. */
export function repeatsWords(rrule: string): string {
  return planRepeats.find(([rule]) => rule === rrule)?.[1] ?? rrule;
}

const planLink = (plan: ServicePlan) =>
  html`<a href="/plans/${encodeURIComponent(plan.id)}">${plan.name}</a>`;

/** The plans: one row each with its customer, schedule, status and next date. */
export function planListView(
  plans: readonly ServicePlan[],
  format: Formatters,
  mayCreate: boolean,
): Html {
  const rows = plans.map(
    (plan) =>
      html`<tr data-status="${plan.status}"><td>${planLink(plan)}</td><td>${customerLink(plan.customer)}</td><td>${repeatsWords(plan.schedule.rrule)}</td><td>${statusBadge(plan.status, { kind: "other" })}</td><td>${plan.nextOccurrenceOn ? format.date(plan.nextOccurrenceOn) : "None"}</td></tr>`,
  );
  return html`<h1>Service plans</h1>
${mayCreate ? html`<p class="actions"><a class="button" href="/plans/new" id="new-plan">New plan</a></p>` : ""}
${rows.length > 0 ? html`<div class="scroll"><table><thead><tr><th>Plan</th><th>Customer</th><th>Repeats</th><th>Status</th><th>Next</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p class="empty" id="empty">No service plans yet.</p>`}`;
}

/** One plan: what it bills and when, its dates so far, and pause, resume, skip-one and end. */
export function planDetailView(
  details: PlanDetails,
  format: Formatters,
  may: (permission: Permission) => boolean,
): Html {
  const { plan, occurrences } = details;
  const action = `/plans/${encodeURIComponent(plan.id)}`;
  const hidden = (move: string) =>
    html`<input type="hidden" name="move" value="${move}"><input type="hidden" name="version" value="${plan.version}">`;
  const forms: Html[] = [];
  if (plan.status === "active" && may("plans.pause"))
    forms.push(
      html`<form class="inline" method="post" action="${action}">${hidden("pause")}<button class="secondary" id="pause-plan">Pause</button></form>`,
    );
  if (plan.status === "paused" && may("plans.resume"))
    forms.push(
      html`<form class="inline" method="post" action="${action}">${hidden("resume")}<button id="resume-plan">Resume</button></form>`,
    );
  if (plan.status !== "ended" && plan.nextOccurrenceOn && may("plans.skip"))
    forms.push(
      html`<form class="inline" method="post" action="${action}">${hidden("skip")}<input type="hidden" name="date" value="${plan.nextOccurrenceOn}"><button class="secondary" id="skip-next">Skip ${format.date(plan.nextOccurrenceOn)}</button></form>`,
    );
  if (plan.status !== "ended" && may("plans.end"))
    forms.push(
      html`<form class="inline" method="post" action="${action}">${hidden("end")}<button class="danger" id="end-plan">End the plan</button></form>`,
    );
  const lines = (
    (plan.content.lines ?? []) as { description?: string; quantity?: string; unitPrice?: string }[]
  ).map(
    (line) =>
      html`<tr><td>${line.description ?? ""}</td><td class="num">${line.quantity ?? ""}</td><td class="num">${line.unitPrice ? format.money(line.unitPrice, plan.currency) : ""}</td></tr>`,
  );
  const dates = occurrences.map(
    (occurrence) =>
      html`<tr><td>${format.date(occurrence.date)}</td><td>${occurrence.status === "skipped" ? "Skipped" : "Billed"}</td><td>${occurrence.invoiceId ? html`<a href="/invoices/${encodeURIComponent(occurrence.invoiceId)}">Invoice</a>` : ""}</td></tr>`,
  );
  return html`<h1>${plan.name} ${statusBadge(plan.status, { kind: "other", id: "plan-status" })}</h1>
<p>${customerLink(plan.customer)} · ${repeatsWords(plan.schedule.rrule)} from ${format.date(plan.schedule.startDate)}${plan.schedule.endDate ? ` to ${format.date(plan.schedule.endDate)}` : ""} · ${plan.mode === "issue_and_send" ? "issued and sent at once" : "drafts for review"}</p>
<p id="next-occurrence">Next: ${plan.nextOccurrenceOn ? format.date(plan.nextOccurrenceOn) : "none"}</p>
${forms.length > 0 ? html`<section aria-labelledby="plan-actions"><h2 id="plan-actions">Actions</h2><p class="actions">${forms}</p></section>` : ""}
<h2>Each time it bills</h2>
<div class="scroll"><table><thead><tr><th>Line</th><th class="num">Quantity</th><th class="num">Price</th></tr></thead><tbody>${lines}</tbody></table></div>
<h2>Dates so far</h2>
${dates.length > 0 ? html`<div class="scroll"><table><thead><tr><th>Date</th><th>What happened</th><th>Invoice</th></tr></thead><tbody>${dates}</tbody></table></div>` : html`<p class="empty">Nothing billed yet.</p>`}`;
}
