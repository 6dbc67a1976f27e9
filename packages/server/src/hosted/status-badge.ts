import { invoiceStatusLabel } from "@remit/pdf";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/**
 * Each status's colors (background, text), distinct from one another and readable (contrast above
 * 4.5:1). A status without its own (one a later version adds) gets the neutral pair.
 */
export const invoiceStatusColors: Record<string, readonly [string, string]> = {
  pending_action: ["#fef3c7", "#854d0e"],
  pending_review: ["#ede9fe", "#5b21b6"],
  pending_payment: ["#dbeafe", "#1e40af"],
  past_due: ["#fee2e2", "#991b1b"],
  paid: ["#dcfce7", "#166534"],
  cancelled: ["#e5e7eb", "#374151"],
  uncollectible: ["#fae8ff", "#86198f"],
};

/** The badges' CSS: `.status-<status>` for each status above. */
export const statusBadgeStyles = Object.entries(invoiceStatusColors)
  .map(
    ([status, [background, color]]) => `.status-${status}{background:${background};color:${color}}`,
  )
  .join("");

/** The invoice's status in the PDF's words, in its color; `data-status` keeps the code. */
export function statusBadge(status: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<span class="status status-${status}" id="status" data-status="${status}">${invoiceStatusLabel(status)}</span>`;
}
