/**
 * `@remit/core`: exact invoice math, the invoice lifecycle and the ports that adapters implement.
 *
 * @example
 * ```ts
 * import { calculateInvoice, formatMoney } from "@remit/core";
 *
 * const invoice = calculateInvoice({ currency: "USD", lines: [{ quantity: "2", unitPrice: "85.00" }] });
 * formatMoney(invoice.total, "USD", "en-US"); // "$170.00"
 * ```
 *
 * @module
 */
export { calculateInvoice, calculateParsedInvoice } from "./calculation/calculate-invoice";
export type {
  CalculatedLine,
  CalculatedTax,
  InvoiceCalculation,
  LineTax,
} from "./calculation/invoice-calculation";
export {
  currencySchema,
  discountSchema,
  feeInputSchema,
  type InvoiceInput,
  invoiceDiscountInputSchema,
  invoiceInputSchema,
  invoiceLimits,
  invoiceLineInputSchema,
  lineKindSchema,
  type ParsedInvoiceInput,
  roundingInputSchema,
  taxRateInputSchema,
} from "./calculation/invoice-input-schema";
export { parseInvoiceInput } from "./calculation/parse-invoice-input";
export * from "./errors/index";
export { type CurrencyCode, currencies, isCurrencyCode, minorUnitsOf } from "./money/currencies";
export { formatMoney } from "./money/format-money";
export type { RoundingMode } from "./money/rounding-mode";
