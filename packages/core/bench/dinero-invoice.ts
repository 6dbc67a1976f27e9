import {
  add,
  allocate,
  type Dinero,
  dinero,
  halfUp,
  isZero,
  multiply,
  subtract,
  toDecimal,
  toSnapshot,
  transformScale,
} from "dinero.js";
import { USD } from "dinero.js/currencies";
import type { InvoiceInput } from "../src/index";
import type { InvoiceTotals } from "./plain-decimal-loop";

type Money = Dinero<number, "USD">;
type Scaled = { amount: number; scale: number };

/** A plain decimal string as dinero.js takes a figure: integer digits and a scale. */
function scaled(text: string | number): Scaled {
  const written = String(text);
  const point = written.indexOf(".");
  if (point === -1) return { amount: Number(written), scale: 0 };
  return {
    amount: Number(written.slice(0, point) + written.slice(point + 1)),
    scale: written.length - point - 1,
  };
}

/** A percent as a dinero.js multiplier: "6.25" → 0.0625 = { amount: 625, scale: 4 }. */
function percentRate(text: string | number): Scaled {
  const { amount, scale } = scaled(text);
  return { amount, scale: scale + 2 };
}

const toCents = (money: Money) => transformScale(money, 2, halfUp);
const zero: Money = dinero({ amount: 0, currency: USD, scale: 2 });

/**
 * The benchmark's invoices with dinero.js 2 (its default `number` amounts), as close to Remit's
 * steps as its API allows: gross = `multiply(price, quantity)` scaled back to cents half-up, the
 * percent line discount the same way, the percent invoice discount rounded to the cent and
 * shared with `allocate` in proportion to the lines' nets, the amount fee, and each line's added
 * taxes then its compound tax (on net plus the added taxes), each rounded half-up to the cent.
 * The one difference: `allocate` hands the leftover cents to the largest ratios, not to the largest
 * cut-off fractions as Remit's largest-remainder rule does, so a line's share (and so its taxes)
 * can differ by a cent; on the benchmark's invoices the totals still agree (checked before timing).
 * Figures come in as the same decimal strings Remit reads and go out as the five totals only.
 */
export function dineroInvoice(input: InvoiceInput): InvoiceTotals {
  const rates = new Map((input.taxRates ?? []).map((rate) => [rate.id, rate]));
  const lines = input.lines.map((line) => {
    const price = scaled(line.unitPrice);
    const gross = toCents(
      multiply(
        dinero({ amount: price.amount, currency: USD, scale: price.scale }),
        scaled(line.quantity),
      ),
    );
    const discount =
      line.discount?.type === "percent"
        ? toCents(multiply(gross, percentRate(line.discount.value)))
        : zero;
    return {
      gross,
      discount,
      net: subtract(gross, discount),
      taxRateIds: line.taxRateIds ?? [],
    };
  });

  for (const invoiceDiscount of input.discounts ?? []) {
    let netSum = zero;
    for (const line of lines) netSum = add(netSum, line.net);
    if (isZero(netSum)) continue;
    const amount = toCents(multiply(netSum, percentRate(invoiceDiscount.value)));
    const shares = allocate(
      amount,
      lines.map((line) => toSnapshot(line.net).amount),
    );
    lines.forEach((line, index) => {
      const share = shares[index] as Money;
      line.net = subtract(line.net, share);
      line.discount = add(line.discount, share);
    });
  }

  let subtotal = zero;
  let discountTotal = zero;
  for (const line of lines) {
    subtotal = add(subtotal, line.gross);
    discountTotal = add(discountTotal, line.discount);
  }
  let feeTotal = zero;
  const taxed = lines.map((line) => ({ net: line.net, taxRateIds: line.taxRateIds }));
  for (const fee of input.fees ?? []) {
    const value = scaled(fee.value);
    const amount = transformScale(
      dinero({ amount: value.amount, currency: USD, scale: value.scale }),
      2,
    );
    feeTotal = add(feeTotal, amount);
    taxed.push({ net: amount, taxRateIds: fee.taxRateIds ?? [] });
  }

  let taxTotal = zero;
  let total = zero;
  for (const line of taxed) {
    let added = zero;
    for (const rateId of line.taxRateIds) {
      const rate = rates.get(rateId);
      if (rate && !rate.compound)
        added = add(added, toCents(multiply(line.net, percentRate(rate.percent))));
    }
    let tax = added;
    for (const rateId of line.taxRateIds) {
      const rate = rates.get(rateId);
      if (rate?.compound) {
        tax = add(tax, toCents(multiply(add(line.net, added), percentRate(rate.percent))));
      }
    }
    taxTotal = add(taxTotal, tax);
    total = add(total, add(line.net, tax));
  }

  return {
    subtotal: toDecimal(subtotal),
    discountTotal: toDecimal(discountTotal),
    feeTotal: toDecimal(feeTotal),
    taxTotal: toDecimal(taxTotal),
    total: toDecimal(total),
  };
}
