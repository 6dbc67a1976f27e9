/**
 * One rate's share of one line's tax.
 * @group Invoice math
 */
export type LineTax = { rateId: string; amount: string };

/**
 * A line as calculated: item lines first, then one line of kind `"fee"` per fee.
 * @group Invoice math
 */
export type CalculatedLine = {
  id: string;
  kind: "labor" | "material" | "service" | "other" | "late_fee" | "fee";
  description: string;
  /** Echoed as given (a JS number through its shortest decimal form). */
  quantity: string;
  unitPrice: string;
  /** `round(quantity × unitPrice)`. */
  gross: string;
  /** The line's own discount plus its share of the invoice discounts. */
  discount: string;
  /** `gross − discount`. */
  net: string;
  /** `net − included taxes`. */
  excludingTax: string;
  /** Every tax on the line, included and added. */
  tax: string;
  /** `excludingTax + tax`. */
  total: string;
  /** In the order of the line's `taxRateIds`. */
  taxes: LineTax[];
};

/**
 * One tax rate's total over the invoice.
 * @group Invoice math
 */
export type CalculatedTax = {
  rateId: string;
  name: string;
  percent: string;
  inclusive: boolean;
  compound: boolean;
  /** What the rate was charged on: the lines' `excludingTax` (plus their other added taxes, if compound). */
  taxableAmount: string;
  amount: string;
};

/**
 * The result of {@link calculateInvoice}: every figure a decimal string with exactly the currency's
 * minor-unit digits. The parts always add up to the whole.
 * @group Invoice math
 */
export type InvoiceCalculation = {
  currency: string;
  lines: CalculatedLine[];
  /** One per rate that some line carries, in the input's order. */
  taxes: CalculatedTax[];
  /** Sum of item lines' gross. */
  subtotal: string;
  /** Sum of item lines' discount. */
  discountTotal: string;
  /** Sum of fee lines' net. */
  feeTotal: string;
  /** Sum of all taxes, included and added. */
  taxTotal: string;
  /** Sum of every line's total: what the customer owes. */
  total: string;
};
