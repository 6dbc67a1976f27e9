import { currencies, type InvoiceCalculation, type InvoiceInput } from "../../../src/index";
import { Rational, sumOf } from "./rational";

// An independent reading of the invoice-math contract, written step by step from the spec and
// sharing no code with src/calculation: every value is an exact Rational in major units (dollars,
// not cents), and `round` is the only place where anything is cut off. It is slow and plain on
// purpose; the property tests compare it with calculateInvoice on random invoices.

type Rate = {
  id: string;
  name: string;
  percentText: string;
  percent: Rational;
  inclusive: boolean;
  compound: boolean;
};

type Line = {
  id: string;
  kind: InvoiceCalculation["lines"][number]["kind"];
  description: string;
  quantity: string;
  unitPrice: string;
  taxRateIds: string[];
  gross: Rational;
  discount: Rational;
  net: Rational;
  taxes: Map<string, Rational>;
};

const hundred = Rational.of(100n);
const half = Rational.of(1n, 2n);

/** A JS number through its shortest round-trip form, written out without an exponent. */
export function shortestDecimal(value: number): string {
  const [mantissa = "", exponentText = "0"] = String(value).split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

function textOf(value: string | number): string {
  return typeof value === "number" ? shortestDecimal(value) : value;
}

function exactValue(value: string | number): Rational {
  return Rational.fromDecimal(textOf(value));
}

function smaller(a: Rational, b: Rational): Rational {
  return a.compare(b) <= 0 ? a : b;
}

/** Told of every step that cut something off: a `round` that changed a value, a share cut down. */
export type InexactStepListener = (step: string) => void;

export function referenceCalculateInvoice(
  input: InvoiceInput,
  onInexactStep: InexactStepListener = () => {},
): InvoiceCalculation {
  const minorUnits = currencies[input.currency]?.minorUnits;
  if (minorUnits === undefined) throw new RangeError(`Unknown currency ${input.currency}`);
  const unit = Rational.of(1n, 10n ** BigInt(minorUnits));
  const mode = input.rounding?.mode ?? "half_up";
  const scope = input.rounding?.tax ?? "per_line";

  // round(x): to the minor unit, halves by the mode.
  const round = (x: Rational): Rational => {
    const units = x.dividedBy(unit);
    const whole = units.floor();
    const cutOff = units.minus(Rational.of(whole)).compare(half);
    const up = cutOff > 0 || (cutOff === 0 && (mode === "half_up" || whole % 2n !== 0n));
    const rounded = Rational.of(up ? whole + 1n : whole).times(unit);
    if (rounded.compare(x) !== 0) onInexactStep("round");
    return rounded;
  };
  const cutDown = (x: Rational): Rational => {
    const whole = Rational.of(x.dividedBy(unit).floor()).times(unit);
    if (whole.compare(x) !== 0) onInexactStep("largest remainder");
    return whole;
  };

  // The largest-remainder method: exact shares cut down, missing units to the largest cut-off
  // fractions, ties to the earlier position, nothing for a zero weight.
  const shareOut = (total: Rational, weights: readonly Rational[]): Rational[] => {
    const weightSum = sumOf(weights);
    if (weightSum.isZero()) return weights.map(() => Rational.zero);
    const exact = weights.map((weight) => total.times(weight).dividedBy(weightSum));
    const shares = exact.map(cutDown);
    const missingUnits = total.minus(sumOf(shares)).dividedBy(unit);
    if (missingUnits.denominator !== 1n) throw new Error("shared a total that is not whole units");
    let missing = missingUnits.numerator;
    const cutOff = (index: number) => (exact[index] as Rational).minus(shares[index] as Rational);
    const order = weights
      .map((_, index) => index)
      .filter((index) => !(weights[index] as Rational).isZero())
      .sort((a, b) => cutOff(b).compare(cutOff(a)) || a - b);
    for (const index of order) {
      if (missing === 0n) break;
      shares[index] = (shares[index] as Rational).plus(unit);
      missing--;
    }
    return shares;
  };

  const percentOf = (amount: Rational, percent: string | number) =>
    round(amount.times(exactValue(percent)).dividedBy(hundred));

  // 1-2. Gross and the line's own discount.
  const items: Line[] = input.lines.map((line, index) => {
    const gross = round(exactValue(line.quantity).times(exactValue(line.unitPrice)));
    let discount = Rational.zero;
    if (line.discount?.type === "percent") discount = percentOf(gross, line.discount.value);
    if (line.discount?.type === "amount")
      discount = smaller(exactValue(line.discount.value), gross);
    return {
      id: line.id ?? `line-${index + 1}`,
      kind: line.kind ?? "service",
      description: line.description ?? "",
      quantity: textOf(line.quantity),
      unitPrice: textOf(line.unitPrice),
      taxRateIds: [...(line.taxRateIds ?? [])],
      gross,
      discount,
      net: gross.minus(discount),
      taxes: new Map(),
    };
  });

  // 3. Invoice discounts, in order, shared over the current nets; late fees take no share.
  const shareOf = (line: Line) => (line.kind === "late_fee" ? Rational.zero : line.net);
  for (const invoiceDiscount of input.discounts ?? []) {
    const netSum = sumOf(items.map(shareOf));
    let amount = Rational.zero;
    if (!netSum.isZero()) {
      amount =
        invoiceDiscount.type === "percent"
          ? percentOf(netSum, invoiceDiscount.value)
          : smaller(exactValue(invoiceDiscount.value), netSum);
    }
    const shares = shareOut(amount, items.map(shareOf));
    items.forEach((line, index) => {
      line.net = line.net.minus(shares[index] as Rational);
      line.discount = line.discount.plus(shares[index] as Rational);
    });
  }

  // 4. Fees become lines after the items; a percent fee is not taken of late fees.
  const itemsNet = sumOf(items.map(shareOf));
  const feeLines: Line[] = (input.fees ?? []).map((fee, index) => {
    const amount = fee.type === "percent" ? percentOf(itemsNet, fee.value) : exactValue(fee.value);
    return {
      id: fee.id ?? `fee-${index + 1}`,
      kind: "fee",
      description: fee.description ?? "",
      quantity: "1",
      unitPrice: formatMoney(amount, unit, minorUnits),
      taxRateIds: [...(fee.taxRateIds ?? [])],
      gross: amount,
      discount: Rational.zero,
      net: amount,
      taxes: new Map(),
    };
  });
  const lines = [...items, ...feeLines];

  // 5. Taxes.
  const rates = new Map<string, Rate>(
    (input.taxRates ?? []).map((rate) => [
      rate.id,
      {
        id: rate.id,
        name: rate.name ?? "",
        percentText: textOf(rate.percent),
        percent: exactValue(rate.percent),
        inclusive: rate.inclusive ?? false,
        compound: rate.compound ?? false,
      },
    ]),
  );
  const ratesOf = (line: Line) => {
    const carried = line.taxRateIds.map((rateId) => rates.get(rateId) as Rate);
    return {
      included: carried.filter((rate) => rate.inclusive),
      added: carried.filter((rate) => !rate.inclusive && !rate.compound),
      compound: carried.filter((rate) => rate.compound),
    };
  };

  if (scope === "per_line") {
    for (const line of lines) {
      const { included, added, compound } = ratesOf(line);
      const inclusivePercent = sumOf(included.map((rate) => rate.percent));
      const includedTotal = round(
        line.net.times(inclusivePercent).dividedBy(hundred.plus(inclusivePercent)),
      );
      const shares = shareOut(
        includedTotal,
        included.map((rate) => rate.percent),
      );
      included.forEach((rate, index) => {
        line.taxes.set(rate.id, shares[index] as Rational);
      });
      const base = line.net.minus(includedTotal);
      let addedSum = Rational.zero;
      for (const rate of added) {
        const tax = round(base.times(rate.percent).dividedBy(hundred));
        line.taxes.set(rate.id, tax);
        addedSum = addedSum.plus(tax);
      }
      for (const rate of compound) {
        line.taxes.set(rate.id, round(base.plus(addedSum).times(rate.percent).dividedBy(hundred)));
      }
    }
  } else {
    const exactTaxes = new Map<string, { line: Line; tax: Rational }[]>();
    const record = (rate: Rate, line: Line, tax: Rational) => {
      exactTaxes.set(rate.id, [...(exactTaxes.get(rate.id) ?? []), { line, tax }]);
    };
    for (const line of lines) {
      const { included, added, compound } = ratesOf(line);
      let base = line.net;
      for (const rate of included) {
        const tax = line.net.times(rate.percent).dividedBy(hundred.plus(rate.percent));
        record(rate, line, tax);
        base = base.minus(tax);
      }
      let addedSum = Rational.zero;
      for (const rate of added) {
        const tax = base.times(rate.percent).dividedBy(hundred);
        record(rate, line, tax);
        addedSum = addedSum.plus(tax);
      }
      for (const rate of compound) {
        record(rate, line, base.plus(addedSum).times(rate.percent).dividedBy(hundred));
      }
    }
    for (const [rateId, taxes] of exactTaxes) {
      const total = round(sumOf(taxes.map((entry) => entry.tax)));
      const shares = shareOut(
        total,
        taxes.map((entry) => entry.tax),
      );
      taxes.forEach((entry, index) => {
        entry.line.taxes.set(rateId, shares[index] as Rational);
      });
    }
  }

  // 6. Line figures and totals.
  const money = (x: Rational) => formatMoney(x, unit, minorUnits);
  const figures = lines.map((line) => {
    const { included, added } = ratesOf(line);
    const taxOf = (rateId: string) => line.taxes.get(rateId) ?? Rational.zero;
    const excludingTax = line.net.minus(sumOf(included.map((rate) => taxOf(rate.id))));
    const tax = sumOf(line.taxRateIds.map(taxOf));
    const addedNonCompound = sumOf(added.map((rate) => taxOf(rate.id)));
    return { line, excludingTax, tax, total: excludingTax.plus(tax), addedNonCompound, taxOf };
  });
  const itemFigures = figures.filter((figure) => figure.line.kind !== "fee");
  const feeFigures = figures.filter((figure) => figure.line.kind === "fee");

  const taxes: InvoiceCalculation["taxes"] = [];
  for (const rate of rates.values()) {
    const carriers = figures.filter((figure) => figure.line.taxRateIds.includes(rate.id));
    if (carriers.length === 0) continue;
    taxes.push({
      rateId: rate.id,
      name: rate.name,
      percent: rate.percentText,
      inclusive: rate.inclusive,
      compound: rate.compound,
      taxableAmount: money(
        sumOf(
          carriers.map((figure) =>
            rate.compound ? figure.excludingTax.plus(figure.addedNonCompound) : figure.excludingTax,
          ),
        ),
      ),
      amount: money(sumOf(carriers.map((figure) => figure.taxOf(rate.id)))),
    });
  }

  return {
    currency: input.currency,
    lines: figures.map(({ line, excludingTax, tax, total, taxOf }) => ({
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
      total: money(total),
      taxes: line.taxRateIds.map((rateId) => ({ rateId, amount: money(taxOf(rateId)) })),
    })),
    taxes,
    subtotal: money(sumOf(itemFigures.map((figure) => figure.line.gross))),
    discountTotal: money(sumOf(itemFigures.map((figure) => figure.line.discount))),
    feeTotal: money(sumOf(feeFigures.map((figure) => figure.line.net))),
    taxTotal: money(sumOf(figures.map((figure) => figure.tax))),
    total: money(sumOf(figures.map((figure) => figure.total))),
  };
}

function formatMoney(amount: Rational, unit: Rational, minorUnits: number): string {
  const units = amount.dividedBy(unit);
  if (units.denominator !== 1n) throw new Error("a money figure is not a whole number of units");
  const negative = units.numerator < 0n;
  const digits = (negative ? -units.numerator : units.numerator)
    .toString()
    .padStart(minorUnits + 1, "0");
  const sign = negative ? "-" : "";
  return minorUnits === 0
    ? sign + digits
    : `${sign}${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
}
