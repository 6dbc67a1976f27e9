import type { InvoiceLineInput } from "@remit/core";
import type { z } from "zod";
import type { linesFormSchema } from "./back-office-forms";

/**
 * The lines the editor posted: each row keeps its original line's kind, taxes and discount (by
 * `lineIndex`) with the new description, quantity and unit price; a row with no quantity is dropped.
 */
export function linesFromForm(
  form: z.output<typeof linesFormSchema>,
  original: readonly InvoiceLineInput[],
  defaultTaxRateIds: readonly string[],
): InvoiceLineInput[] {
  const lines: InvoiceLineInput[] = [];
  form.quantity.forEach((quantity, row) => {
    if (quantity.trim() === "") return;
    const index = form.lineIndex[row];
    const before = index ? original[Number(index)] : undefined;
    lines.push({
      ...(before ?? { kind: "service", taxRateIds: [...defaultTaxRateIds] }),
      description: form.description[row]?.trim() ?? "",
      quantity: quantity.trim(),
      unitPrice: form.unitPrice[row]?.trim() || "0",
    });
  });
  return lines;
}
