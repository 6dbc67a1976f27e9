import type { QuoteStatus } from "@remit/core";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** A quote's status in the customer's words; `data-status` keeps the code. */
const quoteStatusLabels: Record<QuoteStatus, string> = {
  draft: "Draft",
  sent: "Awaiting your answer",
  approved: "Approved",
  declined: "Declined",
  expired: "Expired",
};

/**
 * Each status's colors (background, text), readable (contrast above 4.5:1), in the invoice
 * badges' palette: waiting is blue, approved green, declined red, expired grey.
 */
const quoteStatusColors: Record<QuoteStatus, readonly [string, string]> = {
  draft: ["#e5e7eb", "#374151"],
  sent: ["#dbeafe", "#1e40af"],
  approved: ["#dcfce7", "#166534"],
  declined: ["#fee2e2", "#991b1b"],
  expired: ["#e5e7eb", "#374151"],
};

/** The badges' CSS: `.quote-status-<status>` for each status above. */
export const quoteStatusBadgeStyles = Object.entries(quoteStatusColors)
  .map(
    ([status, [background, color]]) =>
      `.quote-status-${status}{background:${background};color:${color}}`,
  )
  .join("");

/** The quote's status badge; an expired quote reads expired even before the sweep moved it. */
export function quoteStatusBadge(
  status: QuoteStatus,
): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<span class="status quote-status-${status}" id="status" data-status="${status}">${quoteStatusLabels[status]}</span>`;
}
