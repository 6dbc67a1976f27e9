import { invoiceStatusLabel } from "@remit/pdf";
import { html } from "hono/html";
import type { Html } from "./html";

// Words for the statuses of records other than invoices (invoices use the PDF's words).
const otherStatusWords: Record<string, string> = {
  open: "Open",
  scheduled: "Scheduled",
  in_progress: "In progress",
  complete_invoice_needed: "Ready to invoice",
  invoiced: "Invoiced",
  draft: "Draft",
  sent: "Sent",
  approved: "Approved",
  declined: "Declined",
  expired: "Expired",
  pending: "Pending",
  queued: "Queued",
  delivered: "Delivered",
  failed: "Failed",
  succeeded: "Succeeded",
  unmatched: "Unmatched",
  returned_to_quote: "Returned to quote",
  active: "Active",
  paused: "Paused",
  ended: "Ended",
};

/** Any record's status in words: an invoice's first (the PDF's), then the others'. */
export function anyStatusLabel(status: string): string {
  const invoiceWords = invoiceStatusLabel(status, {});
  return status in otherStatusWords && !/^(pending_|past_due|paid)/.test(status)
    ? (otherStatusWords[status] ?? invoiceWords)
    : invoiceWords;
}

/** What a record's status reads as: an invoice's in the PDF's words. */
export function statusLabel(status: string, kind: "invoice" | "other" = "invoice"): string {
  if (kind === "invoice") return invoiceStatusLabel(status);
  return otherStatusWords[status] ?? invoiceStatusLabel(status);
}

/**
 * A status badge in the status's color; `data-status` keeps the code for scripts and tests,
 * `id` lets a page name its main one.
 */
export function statusBadge(
  status: string,
  options: { id?: string; kind?: "invoice" | "other" } = {},
): Html {
  const kind = options.kind ?? "invoice";
  return html`<span class="status ${kind === "invoice" ? "invoice" : "other"}-${status}"${options.id ? html` id="${options.id}"` : ""} data-status="${status}">${statusLabel(status, kind)}</span>`;
}
