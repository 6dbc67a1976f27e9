import type { Delivery, Invoice, Tenant } from "@remit/core";
import { html } from "hono/html";
import type { Permission } from "../auth/roles";
import type { FieldErrors } from "../forms/people-errors";
import { fieldError } from "./form-fields";
import type { Html } from "./html";

/** A refused move's form, shown again as it was typed, with its errors. */
export type RefusedMove = {
  move: string;
  values: Record<string, string | string[]>;
  fields: FieldErrors;
};

const payable = new Set(["pending_payment", "past_due"]);

/**
 * The forms to act on an invoice, only those its status allows: submit, request changes,
 * approve & issue, approve, issue & send, send, cancel. Each posts to the invoice's own page
 * (`/invoices/:id`, with its `move`) and the version shown, so a refused move is shown on the
 * page it came from, and a stale page gets a version conflict. Only the forms the caller's role
 * `may` use are shown (the door and the moves refuse the others anyway).
 */
export function invoiceActionsView(
  invoice: Invoice,
  tenant: Tenant,
  deliveries: readonly Delivery[],
  may: (permission: Permission) => boolean,
  refused?: RefusedMove,
): Html | string {
  const action = `/invoices/${encodeURIComponent(invoice.id)}`;
  const hidden = (move: string) =>
    html`<input type="hidden" name="move" value="${move}"><input type="hidden" name="version" value="${invoice.version}">`;
  const kept = (move: string, name: string) =>
    refused?.move === move ? refused.values[name] : undefined;
  const errorOf = (move: string, name: string) =>
    refused?.move === move ? refused.fields[name] : undefined;
  const reasonField = (move: string, label: string) => {
    const id = `${move}-reason`;
    const error = fieldError(id, errorOf(move, "reason"));
    return html`<label for="${id}">${label}</label><input type="text" id="${id}" name="reason" value="${String(kept(move, "reason") ?? "")}" required${error.attributes}>${error.message}`;
  };
  const channelBoxes = (move: string) => {
    const chosen = kept(move, "channels");
    const picked = (channel: string) =>
      chosen === undefined ? channel === "email" : [chosen].flat().includes(channel);
    const error = fieldError(`${move}-channels`, errorOf(move, "channels"));
    return html`<span id="${move}-channels"${error.attributes}><label class="check"><input type="checkbox" name="channels" value="email"${picked("email") ? html` checked` : ""}> Email</label>
<label class="check"><input type="checkbox" name="channels" value="sms"${picked("sms") ? html` checked` : ""}> Text message</label></span>${error.message}`;
  };
  const nothingPaid = Number(invoice.amountPaid) === 0;
  const forms: Html[] = [];
  const canIssue =
    may("invoices.issue") &&
    (invoice.status === "pending_review" ||
      (invoice.status === "pending_action" && !tenant.requireReview));

  if (may("invoices.submit") && invoice.status === "pending_action" && tenant.requireReview) {
    forms.push(
      html`<form class="inline" method="post" action="${action}">${hidden("submit")}<button>Submit for review</button></form>`,
    );
  }
  if (canIssue) {
    forms.push(html`<fieldset><legend>Approve</legend>
<form class="inline" method="post" action="${action}">${hidden("issue")}<button id="approve-issue">Approve &amp; issue</button></form>
<form method="post" action="${action}">${hidden("issue-and-send")}<p>${channelBoxes("issue-and-send")}
<button id="approve-issue-send">Approve, issue &amp; send</button></p></form>
<p class="muted">“Approve &amp; issue” numbers the invoice without sending it; send it later from here.</p></fieldset>`);
  }
  if (may("invoices.requestChanges") && invoice.status === "pending_review") {
    forms.push(html`<fieldset><legend>Send back to the technician</legend><form method="post" action="${action}">${hidden("request-changes")}
${reasonField("request-changes", "What to change")}<p><button class="secondary">Request changes</button></p></form></fieldset>`);
  }
  if (may("invoices.send") && payable.has(invoice.status)) {
    const sent = deliveries.some((delivery) => delivery.purpose === "invoice");
    forms.push(html`<fieldset id="send"><legend>Send to the customer</legend>
${sent ? "" : html`<p class="warning" id="not-sent">Not sent yet: the customer has not been sent this invoice.</p>`}
<form method="post" action="${action}">${hidden("send")}<p>${channelBoxes("send")} <button id="send-invoice">${sent ? "Send again" : "Send"}</button></p></form></fieldset>`);
  }
  if (
    may("invoices.cancel") &&
    invoice.status !== "paid" &&
    invoice.status !== "cancelled" &&
    nothingPaid
  ) {
    forms.push(html`<fieldset><legend>Cancel the invoice</legend><form method="post" action="${action}">${hidden("cancel")}
${reasonField("cancel", "Why (kept in the history, not shown to the customer)")}<p><button class="danger">Cancel invoice</button></p></form></fieldset>`);
  }
  return forms.length > 0
    ? html`<section id="actions" aria-labelledby="actions-heading"><h2 id="actions-heading">Actions</h2>${forms}</section>`
    : "";
}
