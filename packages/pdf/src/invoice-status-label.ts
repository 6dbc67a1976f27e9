import { defaultInvoicePdfLabels, type InvoicePdfLabels } from "./invoice-pdf-labels";

/**
 * The words for an invoice's status, as the PDF prints them (`pending_payment` → "Awaiting
 * payment"). A status without a label (one a later version adds) reads as its name in words.
 *
 * @example
 * ```ts
 * import { invoiceStatusLabel } from "@remit/pdf";
 *
 * invoiceStatusLabel("past_due"); // "Past due"
 * ```
 */
export function invoiceStatusLabel(
  status: string,
  labels: Partial<InvoicePdfLabels> = defaultInvoicePdfLabels,
): string {
  const label = (labels as Record<string, string | undefined>)[`status_${status}`];
  if (label) return label;
  const known = (defaultInvoicePdfLabels as Record<string, string | undefined>)[`status_${status}`];
  if (known) return known;
  const words = status.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
