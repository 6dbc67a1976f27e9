import { decorateCartTotals } from "@medusajs/utils";
import type { InvoiceCalculation, InvoiceInput } from "../src/index";
import type { InvoiceTotals } from "./plain-decimal-loop";

type TaxLine = { rate: number };
type CartItem = {
  id: string;
  unit_price: string;
  quantity: string;
  adjustments: { amount: string }[];
  tax_lines: TaxLine[];
};
type ShippingMethod = { id: string; amount: string; tax_lines: TaxLine[] };
type CartLike = { currency_code: string; items: CartItem[]; shipping_methods: ShippingMethod[] };

/**
 * Medusa's cart for one of the benchmark's invoices. Medusa's totals take discounts as adjustments
 * its promotion module has already worked out and stored on each item, so each item carries the
 * line's whole discount (its own plus its share of the invoice discount) from Remit's result:
 * that allocation is not timed on Medusa's side. The fee is a shipping method with its tax lines.
 * Medusa has no compound tax; since it never rounds, a compound rate r on a line whose other
 * added rates sum to s is given as the rate r × (1 + s/100), which charges exactly the compound tax.
 */
export function medusaCartOf(input: InvoiceInput, calculated: InvoiceCalculation): CartLike {
  const rates = new Map((input.taxRates ?? []).map((rate) => [rate.id, rate]));
  const taxLinesOf = (rateIds: readonly string[]): TaxLine[] => {
    let added = 0;
    for (const rateId of rateIds) {
      const rate = rates.get(rateId);
      if (rate && !rate.compound) added += Number(rate.percent);
    }
    return rateIds.flatMap((rateId) => {
      const rate = rates.get(rateId);
      if (!rate) return [];
      const percent = Number(rate.percent);
      return [{ rate: rate.compound ? percent * (1 + added / 100) : percent }];
    });
  };
  return {
    currency_code: input.currency.toLowerCase(),
    items: input.lines.map((line, index) => ({
      id: line.id ?? `line-${index + 1}`,
      unit_price: String(line.unitPrice),
      quantity: String(line.quantity),
      adjustments: [{ amount: calculated.lines[index]?.discount ?? "0" }],
      tax_lines: taxLinesOf(line.taxRateIds ?? []),
    })),
    shipping_methods: (input.fees ?? []).map((fee, index) => ({
      id: fee.id ?? `fee-${index + 1}`,
      amount: String(fee.value),
      tax_lines: taxLinesOf(fee.taxRateIds ?? []),
    })),
  };
}

/**
 * Medusa 2's `decorateCartTotals` on a fresh copy of the cart (it writes its figures into the
 * object it is given, so each call needs its own): per item subtotal, discount, taxes and totals
 * with bignumber.js, unrounded, then the cart's totals. Returns the five totals rounded to the
 * cent for comparison only; Medusa itself leaves rounding to whoever displays the figures.
 */
export function medusaInvoice(cart: CartLike): InvoiceTotals {
  const decorated = decorateCartTotals({
    currency_code: cart.currency_code,
    items: cart.items.map((item) => ({
      ...item,
      adjustments: item.adjustments.map((adjustment) => ({ ...adjustment })),
      tax_lines: item.tax_lines.map((taxLine) => ({ ...taxLine })),
    })),
    shipping_methods: cart.shipping_methods.map((method) => ({
      ...method,
      tax_lines: method.tax_lines.map((taxLine) => ({ ...taxLine })),
    })),
  });
  const cents = (value: unknown) => Number(value).toFixed(2);
  return {
    subtotal: cents(decorated.item_subtotal),
    discountTotal: cents(decorated.discount_subtotal),
    feeTotal: cents(decorated.shipping_subtotal),
    taxTotal: cents(decorated.tax_total),
    total: cents(decorated.total),
  };
}
