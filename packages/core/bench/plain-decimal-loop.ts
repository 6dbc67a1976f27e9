import Decimal from "decimal.js";
import type { InvoiceInput } from "../src/index";

/** The five invoice totals, as decimal strings with the currency's two digits. */
export type InvoiceTotals = {
  subtotal: string;
  discountTotal: string;
  feeTotal: string;
  taxTotal: string;
  total: string;
};

const zero = new Decimal(0);
const hundred = new Decimal(100);
const cent = new Decimal("0.01");
const round = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * The loop any developer would write for the benchmark's invoices, with plain decimal.js and no
 * validation: `new Decimal(quantity).mul(unitPrice)` rounded half-up to the cent, a percent line
 * discount, a percent invoice discount allocated by cents (each line's share cut down to the cent,
 * the missing cents to the largest cut-off fractions), an amount fee, and each line's taxes
 * (added, then compound on the added ones) rounded half-up per line. It reads only the shape the
 * benchmark uses (two-digit currency, percent discounts, amount fees, added taxes, per-line
 * rounding) and returns only the totals, so it does less than `calculateInvoice`, never more:
 * no line figures, no per-rate summary, no checks. The benchmark checks once, before timing,
 * that its totals equal Remit's.
 */
export function plainDecimalLoop(input: InvoiceInput): InvoiceTotals {
  const rates = new Map((input.taxRates ?? []).map((rate) => [rate.id, rate]));
  const lines = input.lines.map((line) => {
    const gross = round(new Decimal(line.quantity).mul(line.unitPrice));
    const discount =
      line.discount?.type === "percent" ? round(gross.mul(line.discount.value).div(hundred)) : zero;
    return { gross, discount, net: gross.minus(discount), taxRateIds: line.taxRateIds ?? [] };
  });

  for (const invoiceDiscount of input.discounts ?? []) {
    let netSum = zero;
    for (const line of lines) netSum = netSum.plus(line.net);
    if (netSum.isZero()) continue;
    const amount = round(netSum.mul(invoiceDiscount.value).div(hundred));
    const cuts = lines.map((line, index) => {
      const exact = amount.mul(line.net).div(netSum);
      const share = exact.toDecimalPlaces(2, Decimal.ROUND_DOWN);
      return { index, share, fraction: exact.minus(share) };
    });
    let missing = amount;
    for (const cut of cuts) missing = missing.minus(cut.share);
    cuts.sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index);
    for (let next = 0; missing.greaterThan(0); next++) {
      const cut = cuts[next] as (typeof cuts)[number];
      cut.share = cut.share.plus(cent);
      missing = missing.minus(cent);
    }
    for (const cut of cuts) {
      const line = lines[cut.index] as (typeof lines)[number];
      line.net = line.net.minus(cut.share);
      line.discount = line.discount.plus(cut.share);
    }
  }

  let subtotal = zero;
  let discountTotal = zero;
  for (const line of lines) {
    subtotal = subtotal.plus(line.gross);
    discountTotal = discountTotal.plus(line.discount);
  }
  let feeTotal = zero;
  const taxed = lines.map((line) => ({ net: line.net, taxRateIds: line.taxRateIds }));
  for (const fee of input.fees ?? []) {
    const amount = new Decimal(fee.value);
    feeTotal = feeTotal.plus(amount);
    taxed.push({ net: amount, taxRateIds: fee.taxRateIds ?? [] });
  }

  let taxTotal = zero;
  let total = zero;
  for (const line of taxed) {
    let added = zero;
    for (const rateId of line.taxRateIds) {
      const rate = rates.get(rateId);
      if (rate && !rate.compound)
        added = added.plus(round(line.net.mul(rate.percent).div(hundred)));
    }
    let tax = added;
    for (const rateId of line.taxRateIds) {
      const rate = rates.get(rateId);
      if (rate?.compound)
        tax = tax.plus(round(line.net.plus(added).mul(rate.percent).div(hundred)));
    }
    taxTotal = taxTotal.plus(tax);
    total = total.plus(line.net).plus(tax);
  }

  return {
    subtotal: subtotal.toFixed(2),
    discountTotal: discountTotal.toFixed(2),
    feeTotal: feeTotal.toFixed(2),
    taxTotal: taxTotal.toFixed(2),
    total: total.toFixed(2),
  };
}
