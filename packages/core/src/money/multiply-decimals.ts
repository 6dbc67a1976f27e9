import { readDecimal } from "./decimal-value";
import { formatMinorUnits } from "./minor-units";
import { divideAndRound, type RoundingMode } from "./rounding-mode";

function read(value: string) {
  const decimal = readDecimal(value);
  if (!decimal) throw new TypeError(`Not a plain decimal: ${value}`);
  return decimal;
}

/** `a × b` exactly, as a plain decimal string with trailing zeros trimmed (`"95" × "1.5"` is `"142.5"`). */
export function multiplyDecimals(a: string, b: string): string {
  const left = read(a);
  const right = read(b);
  const text = formatMinorUnits(left.units * right.units, left.scale + right.scale);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** `amount × (100 + percent) / 100`, rounded to `minorUnits` digits. */
export function addPercentAndRound(
  amount: string,
  percent: string,
  minorUnits: number,
  mode: RoundingMode = "half_up",
): string {
  const value = read(amount);
  const rate = read(percent);
  const numerator =
    value.units * (100n * 10n ** BigInt(rate.scale) + rate.units) * 10n ** BigInt(minorUnits);
  const denominator = 10n ** BigInt(value.scale) * 100n * 10n ** BigInt(rate.scale);
  return formatMinorUnits(divideAndRound(numerator, denominator, mode), minorUnits);
}
