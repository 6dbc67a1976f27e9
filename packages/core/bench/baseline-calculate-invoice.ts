import Decimal from "decimal.js";
import type { InvoiceCalculation, InvoiceInput } from "../src/index";

const minorUnitsByCurrency: Record<string, number> = { USD: 2, EUR: 2, JPY: 0, KWD: 3 };

/**
 * The benchmark's baseline: the contract's steps written the way a competent developer would
 * first write them, with plain decimal.js in one function. Decimal arithmetic at decimal.js's
 * default 20 significant digits, `toDecimalPlaces` for every rounding, and a naive largest
 * remainder that compares the cut-off fractions as Decimals. No input validation. It gives the
 * same figures as Remit on the benchmark's invoices (the benchmark checks this before it starts),
 * though not on every input: 20 digits are not enough for some per-document and tie cases.
 */
export function baselineCalculateInvoice(input: InvoiceInput): InvoiceCalculation {
  const places = minorUnitsByCurrency[input.currency] ?? 2;
  const mode =
    input.rounding?.mode === "half_even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
  const perDocument = input.rounding?.tax === "per_document";
  const unit = new Decimal(1).dividedBy(new Decimal(10).pow(places));
  const zero = new Decimal(0);
  const round = (value: Decimal) => value.toDecimalPlaces(places, mode);
  const money = (value: Decimal) => value.toFixed(places);
  const sum = (values: Decimal[]) => values.reduce((total, value) => total.plus(value), zero);
  const share = (total: Decimal, weights: Decimal[]) => {
    const weightSum = sum(weights);
    if (weightSum.isZero()) return weights.map(() => zero);
    const exact = weights.map((weight) => total.times(weight).dividedBy(weightSum));
    const shares = exact.map((value) => value.toDecimalPlaces(places, Decimal.ROUND_DOWN));
    let missing = total.minus(sum(shares)).dividedBy(unit).round().toNumber();
    const order = exact
      .map((value, index) => ({ index, remainder: value.minus(shares[index] as Decimal) }))
      .filter((entry) => !(weights[entry.index] as Decimal).isZero())
      .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
    for (const { index } of order) {
      if (missing <= 0) break;
      shares[index] = (shares[index] as Decimal).plus(unit);
      missing--;
    }
    return shares;
  };
  const rates = new Map((input.taxRates ?? []).map((rate) => [rate.id, rate]));

  const lines = input.lines.map((line, index) => {
    const gross = round(new Decimal(line.quantity).times(line.unitPrice));
    let discount = zero;
    if (line.discount?.type === "percent") {
      discount = round(gross.times(line.discount.value).dividedBy(100));
    } else if (line.discount?.type === "amount") {
      discount = Decimal.min(line.discount.value, gross);
    }
    return {
      id: line.id ?? `line-${index + 1}`,
      kind: (line.kind ?? "service") as InvoiceCalculation["lines"][number]["kind"],
      description: line.description ?? "",
      quantity: String(line.quantity),
      unitPrice: String(line.unitPrice),
      taxRateIds: line.taxRateIds ?? [],
      gross,
      discount,
      net: gross.minus(discount),
      taxes: new Map<string, Decimal>(),
    };
  });
  const itemCount = lines.length;

  for (const invoiceDiscount of input.discounts ?? []) {
    const netSum = sum(lines.map((line) => line.net));
    if (netSum.isZero()) continue;
    const amount =
      invoiceDiscount.type === "percent"
        ? round(netSum.times(invoiceDiscount.value).dividedBy(100))
        : Decimal.min(invoiceDiscount.value, netSum);
    const shares = share(
      amount,
      lines.map((line) => line.net),
    );
    lines.forEach((line, index) => {
      line.net = line.net.minus(shares[index] as Decimal);
      line.discount = line.discount.plus(shares[index] as Decimal);
    });
  }

  const itemsNet = sum(lines.map((line) => line.net));
  (input.fees ?? []).forEach((fee, index) => {
    const amount =
      fee.type === "percent"
        ? round(itemsNet.times(fee.value).dividedBy(100))
        : new Decimal(fee.value);
    lines.push({
      id: fee.id ?? `fee-${index + 1}`,
      kind: "fee",
      description: fee.description ?? "",
      quantity: "1",
      unitPrice: money(amount),
      taxRateIds: fee.taxRateIds ?? [],
      gross: amount,
      discount: zero,
      net: amount,
      taxes: new Map<string, Decimal>(),
    });
  });

  const exactByRate = new Map<string, { line: (typeof lines)[number]; tax: Decimal }[]>();
  for (const line of lines) {
    const carried = line.taxRateIds.map((rateId) => rates.get(rateId));
    const included = carried.filter((rate) => rate?.inclusive);
    const added = carried.filter((rate) => rate && !rate.inclusive && !rate.compound);
    const compound = carried.filter((rate) => rate?.compound);
    const includedPercent = sum(included.map((rate) => new Decimal(rate?.percent ?? 0)));
    const includedExact =
      included.length === 0
        ? zero
        : line.net.times(includedPercent).dividedBy(includedPercent.plus(100));
    if (perDocument) {
      const base = line.net.minus(includedExact);
      const record = (rateId: string, tax: Decimal) => {
        const entries = exactByRate.get(rateId) ?? [];
        entries.push({ line, tax });
        exactByRate.set(rateId, entries);
      };
      for (const rate of included) if (rate) record(rate.id, includedExact);
      let addedSum = zero;
      for (const rate of added) {
        if (!rate) continue;
        const tax = base.times(rate.percent).dividedBy(100);
        record(rate.id, tax);
        addedSum = addedSum.plus(tax);
      }
      for (const rate of compound) {
        if (rate) record(rate.id, base.plus(addedSum).times(rate.percent).dividedBy(100));
      }
      continue;
    }
    const includedTotal = round(includedExact);
    if (included.length > 0) {
      const includedShares = share(
        includedTotal,
        included.map((rate) => new Decimal(rate?.percent ?? 0)),
      );
      included.forEach((rate, index) => {
        if (rate) line.taxes.set(rate.id, includedShares[index] as Decimal);
      });
    }
    const base = line.net.minus(includedTotal);
    let addedSum = zero;
    for (const rate of added) {
      if (!rate) continue;
      const tax = round(base.times(rate.percent).dividedBy(100));
      line.taxes.set(rate.id, tax);
      addedSum = addedSum.plus(tax);
    }
    for (const rate of compound) {
      if (rate)
        line.taxes.set(rate.id, round(base.plus(addedSum).times(rate.percent).dividedBy(100)));
    }
  }
  for (const [rateId, entries] of exactByRate) {
    const total = round(sum(entries.map((entry) => entry.tax)));
    const shares = share(
      total,
      entries.map((entry) => entry.tax),
    );
    entries.forEach((entry, index) => {
      entry.line.taxes.set(rateId, shares[index] as Decimal);
    });
  }

  const rateTotals = new Map<string, { taxable: Decimal; amount: Decimal }>();
  let subtotal = zero;
  let discountTotal = zero;
  let feeTotal = zero;
  let taxTotal = zero;
  let total = zero;
  const calculatedLines = lines.map((line, index) => {
    let included = zero;
    let tax = zero;
    let addedNonCompound = zero;
    for (const rateId of line.taxRateIds) {
      const rate = rates.get(rateId);
      const amount = line.taxes.get(rateId) ?? zero;
      tax = tax.plus(amount);
      if (rate?.inclusive) included = included.plus(amount);
      else if (!rate?.compound) addedNonCompound = addedNonCompound.plus(amount);
    }
    const excludingTax = line.net.minus(included);
    for (const rateId of line.taxRateIds) {
      const totals = rateTotals.get(rateId) ?? { taxable: zero, amount: zero };
      const taxable = rates.get(rateId)?.compound
        ? excludingTax.plus(addedNonCompound)
        : excludingTax;
      totals.taxable = totals.taxable.plus(taxable);
      totals.amount = totals.amount.plus(line.taxes.get(rateId) ?? zero);
      rateTotals.set(rateId, totals);
    }
    if (index < itemCount) {
      subtotal = subtotal.plus(line.gross);
      discountTotal = discountTotal.plus(line.discount);
    } else {
      feeTotal = feeTotal.plus(line.net);
    }
    taxTotal = taxTotal.plus(tax);
    total = total.plus(excludingTax.plus(tax));
    return {
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      gross: money(line.gross),
      discount: money(line.discount),
      net: money(line.net),
      excludingTax: money(excludingTax),
      tax: money(tax),
      total: money(excludingTax.plus(tax)),
      taxes: line.taxRateIds.map((rateId) => ({
        rateId,
        amount: money(line.taxes.get(rateId) ?? zero),
      })),
    };
  });

  return {
    currency: input.currency,
    lines: calculatedLines,
    taxes: (input.taxRates ?? []).flatMap((rate) => {
      const totals = rateTotals.get(rate.id);
      if (!totals) return [];
      return [
        {
          rateId: rate.id,
          name: rate.name ?? "",
          percent: String(rate.percent),
          inclusive: rate.inclusive ?? false,
          compound: rate.compound ?? false,
          taxableAmount: money(totals.taxable),
          amount: money(totals.amount),
        },
      ];
    }),
    subtotal: money(subtotal),
    discountTotal: money(discountTotal),
    feeTotal: money(feeTotal),
    taxTotal: money(taxTotal),
    total: money(total),
  };
}
