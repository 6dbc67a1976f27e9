import { z } from "zod";
import type { InvoiceLineInput } from "../calculation/invoice-input-schema";
import { minorUnitsOf } from "../money/currencies";
import { readDecimal } from "../money/decimal-value";
import { addPercentAndRound, multiplyDecimals } from "../money/multiply-decimals";
import type { RoundingMode } from "../money/rounding-mode";
import type { PaymentTerms } from "../tenants/payment-terms";
import { textSchema } from "../validation/text-schema";
import type { StoredTaxRate, WorkOrder } from "./work-order";

/**
 * An invoice input made from a work order: ready for `calculateInvoice` and `remit.invoices.create`.
 * @group Work orders
 */
export type InvoiceDraft = {
  currency: string;
  customerId: string;
  terms: PaymentTerms;
  lines: InvoiceLineInput[];
  taxRates: StoredTaxRate[];
  fees: { id: string; description: string; type: "amount"; value: string; taxRateIds: string[] }[];
  rounding: { mode: RoundingMode; tax: "per_line" | "per_document" };
  memo?: string;
  workOrderId: string;
  quoteId: string | null;
};

/** How `draftInvoiceFromWorkOrder` makes the draft. */
export const draftInvoiceOptionsSchema = z.object({
  /** Rounding of the material prices and of the invoice. Default half up, tax per line. */
  rounding: z
    .object({
      mode: z.enum(["half_up", "half_even"]).optional(),
      tax: z.enum(["per_line", "per_document"]).optional(),
    })
    .optional(),
  /** Printed on the invoice. */
  memo: textSchema.max(2_000).optional(),
});

/** @group Work orders @interface */
export type DraftInvoiceOptions = z.input<typeof draftInvoiceOptionsSchema>;

const isZero = (value: string) => readDecimal(value)?.units === 0n;

/**
 * Turns a work order into an invoice draft, the same way every time:
 * - labor becomes `labor` lines: `hours` at `hourlyRate × overtimeMultiplier`;
 * - materials become `material` lines at `round(unitCost × (100 + markupPercent) / 100)` in the
 *   currency's minor unit;
 * - services become `service` lines, fees become amount fees;
 * - an entry of 0 hours or 0 quantity gives no line;
 * - the work order's currency, customer, terms and tax rates, and references back to it and its quote.
 *
 * Pure: no clock, no ids, no I/O.
 *
 * @example
 * ```ts
 * const draft = draftInvoiceFromWorkOrder(workOrder);
 * const totals = calculateInvoice(draft);
 * ```
 * @group Work orders
 */
export function draftInvoiceFromWorkOrder(
  workOrder: WorkOrder,
  options: DraftInvoiceOptions = {},
): InvoiceDraft {
  const minorUnits = minorUnitsOf(workOrder.currency);
  const mode = options.rounding?.mode ?? "half_up";
  const lines: InvoiceLineInput[] = [];
  for (const entry of workOrder.labor) {
    if (isZero(entry.hours)) continue;
    const overtime =
      entry.overtimeMultiplier !== "1" && !/^1(\.0+)?$/.test(entry.overtimeMultiplier);
    lines.push({
      id: entry.id,
      kind: "labor",
      description: `${entry.description || "Labor"} (${entry.technician}${overtime ? `, overtime ×${entry.overtimeMultiplier}` : ""})`,
      quantity: entry.hours,
      unitPrice: multiplyDecimals(entry.hourlyRate, entry.overtimeMultiplier),
      taxRateIds: [...entry.taxRateIds],
    });
  }
  for (const entry of workOrder.materials) {
    if (isZero(entry.quantity)) continue;
    lines.push({
      id: entry.id,
      kind: "material",
      description: entry.description,
      quantity: entry.quantity,
      unitPrice: addPercentAndRound(entry.unitCost, entry.markupPercent, minorUnits, mode),
      taxRateIds: [...entry.taxRateIds],
    });
  }
  for (const entry of workOrder.services) {
    if (isZero(entry.quantity)) continue;
    lines.push({
      id: entry.id,
      kind: "service",
      description: entry.description,
      quantity: entry.quantity,
      unitPrice: entry.unitPrice,
      taxRateIds: [...entry.taxRateIds],
    });
  }
  return {
    currency: workOrder.currency,
    customerId: workOrder.customer.id,
    terms: workOrder.terms,
    lines,
    taxRates: workOrder.taxRates.map((rate) => ({ ...rate })),
    fees: workOrder.fees.map((fee) => ({
      id: fee.id,
      description: fee.description,
      type: "amount" as const,
      value: fee.amount,
      taxRateIds: [...fee.taxRateIds],
    })),
    rounding: { mode, tax: options.rounding?.tax ?? "per_line" },
    ...(options.memo === undefined ? {} : { memo: options.memo }),
    workOrderId: workOrder.id,
    quoteId: workOrder.quoteId,
  };
}
