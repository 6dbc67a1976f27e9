import type { Quote } from "@remit/core";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { PageFormatters } from "./page-formatters";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A refused answer to show again beside its form: which form, and why (in the customer's words). */
export type QuoteFormError = { form: "approve" | "decline"; message: string };

/** Whether the customer can still answer: sent, and not past its last day in the tenant's zone. */
export function isOpenForAnswer(quote: Quote, today: string): boolean {
  return quote.status === "sent" && (quote.expiresOn === null || today <= quote.expiresOn);
}

/** Whether the quote expired: the sweep moved it, or its last day passed before the sweep ran. */
export function hasExpired(quote: Quote, today: string): boolean {
  return (
    quote.status === "expired" ||
    (quote.status === "sent" && quote.expiresOn !== null && today > quote.expiresOn)
  );
}

function errorOf(formError: QuoteFormError | undefined, form: QuoteFormError["form"]) {
  return formError?.form === form ? formError.message : undefined;
}

/** One labelled field with its error, tied together for screen readers (`aria-describedby`). */
function field(options: {
  id: string;
  label: string;
  control: (describedBy: string | undefined) => Html;
  error: string | undefined;
}): Html {
  const errorId = options.error ? `${options.id}-error` : undefined;
  return html`<p><label for="${options.id}">${options.label}</label><br>${options.control(errorId)}
${options.error ? html`<br><span class="field-error" id="${errorId}" role="alert">${options.error}</span>` : ""}</p>`;
}

/**
 * What the customer can do with the quote: approve it with their typed full name, or decline it
 * with a reason, while it is open; once answered, who approved it and when (the record of
 * acceptance) or that it was declined; once expired, that it expired, with no forms.
 */
export function quoteAnswerSection(options: {
  quote: Quote;
  today: string;
  /** The page's own path: the forms post to `<pagePath>/approve` and `<pagePath>/decline`. */
  pagePath: string;
  format: PageFormatters;
  tenantName: string;
  /** The day an instant falls on in the tenant's zone, for "Approved … on <date>". */
  dayOf: (instant: string) => string;
  formError?: QuoteFormError | undefined;
}): Html {
  const { quote, today, pagePath, format, formError } = options;
  if (hasExpired(quote, today)) {
    return html`<section class="answer" id="answer"><p class="error" id="expired" role="status">This quote expired on ${format.date(quote.expiresOn)}.</p>
<p>Ask ${options.tenantName} for a new one if you still want the work done.</p></section>`;
  }
  if (quote.status === "approved") {
    return html`<section class="answer" id="answer"><p class="notice" id="approved" role="status">Approved by <strong>${quote.approvedBy ?? ""}</strong> on ${format.date(quote.approvedAt ? options.dayOf(quote.approvedAt) : null)}.</p></section>`;
  }
  if (quote.status === "declined") {
    return html`<section class="answer" id="answer"><p class="muted" id="declined" role="status">You declined this quote on ${format.date(quote.declinedAt ? options.dayOf(quote.declinedAt) : null)}${quote.declineReason ? html`: “${quote.declineReason}”` : ""}.</p></section>`;
  }
  if (!isOpenForAnswer(quote, today)) return html``;
  const approveError = errorOf(formError, "approve");
  const declineError = errorOf(formError, "decline");
  // The version goes with each answer: an answer to a quote revised since the page loaded is
  // refused (version_conflict) rather than approving a price the customer never saw.
  return html`<section class="answer" id="answer" aria-labelledby="answer-heading"><h2 id="answer-heading">Your answer</h2>
<form method="post" action="${pagePath}/approve" id="approve-form"><input type="hidden" name="version" value="${String(quote.version)}">
${field({
  id: "approved-by",
  label: "Type your full name to approve this quote",
  error: approveError,
  control: (describedBy) =>
    html`<input id="approved-by" name="approvedBy" required maxlength="200" autocomplete="name"${describedBy ? html` aria-describedby="${describedBy}" aria-invalid="true"` : ""}>`,
})}
<button id="approve">Approve quote</button></form>
<details id="decline-details"${declineError ? " open" : ""}><summary>Decline this quote</summary>
<form method="post" action="${pagePath}/decline" id="decline-form"><input type="hidden" name="version" value="${String(quote.version)}">
${field({
  id: "decline-reason",
  label: "Why are you declining?",
  error: declineError,
  control: (describedBy) =>
    html`<textarea id="decline-reason" name="reason" required maxlength="1000" rows="3"${describedBy ? html` aria-describedby="${describedBy}" aria-invalid="true"` : ""}></textarea>`,
})}
<button id="decline" class="secondary">Decline quote</button></form></details></section>`;
}
