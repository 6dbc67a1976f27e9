import { formatMinorUnits } from "../../money/minor-units";

const largestExactAmount = BigInt(Number.MAX_SAFE_INTEGER);

// The digits after the point for every fraction of a currency with 1 to 4 minor-unit digits
// ("00" to "99" for two), made once per digit count on first use.
const fractionTextsByDigits = new Map<number, readonly string[]>();

function fractionTextsOf(minorUnits: number): readonly string[] {
  let texts = fractionTextsByDigits.get(minorUnits);
  if (!texts) {
    const scale = 10 ** minorUnits;
    texts = Array.from({ length: scale }, (_, fraction) => String(scale + fraction).slice(1));
    fractionTextsByDigits.set(minorUnits, texts);
  }
  return texts;
}

/**
 * `formatMinorUnits(amount, minorUnits)` for one currency, faster on the amounts an invoice
 * prints: an amount from 0 to 2^53 − 1 minor units is split into whole and fraction with number
 * arithmetic, exact on integers that size, and the fraction's digits are looked up, instead of
 * printing the bigint and cutting the string. Any other amount goes to `formatMinorUnits` itself.
 */
export function createMoneyFormatter(minorUnits: number): (amount: bigint) => string {
  const formatNumber = createNumberMoneyFormatter(minorUnits);
  return (amount) =>
    amount < 0n || amount > largestExactAmount
      ? formatMinorUnits(amount, minorUnits)
      : formatNumber(Number(amount));
}

/**
 * The same for an amount already held as a JS number: a whole number from 0 to 2^53 − 1 minor
 * units, which the caller guarantees.
 */
export function createNumberMoneyFormatter(minorUnits: number): (units: number) => string {
  if (minorUnits === 0) return (units) => String(units);
  if (minorUnits > 4) return (units) => formatMinorUnits(BigInt(units), minorUnits);
  const scale = 10 ** minorUnits;
  const fractionTexts = fractionTextsOf(minorUnits);
  return (units) => {
    // units / scale is at least 1/scale short of the next whole number, more than half a unit in
    // the last place of a quotient below 2^53 / scale, so its floor is exact. (`%` on a double is
    // exact too, but much slower.)
    const whole = Math.floor(units / scale);
    return `${whole}.${fractionTexts[units - whole * scale]}`;
  };
}
