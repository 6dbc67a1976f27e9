import { type CurrencyCode, minorUnitsOf } from "./currencies";
import { compareDecimal, type DecimalValue, readSignedDecimal } from "./decimal-value";
import { formatMinorUnits } from "./minor-units";
import { divideAndRound, type RoundingMode } from "./rounding-mode";

// Remit's money arithmetic, for core and for adapters: amounts are decimal strings (`"125.50"`,
// `"-0.25"`) in and out, and the arithmetic is exact (bigint units at the larger scale of the
// operands) until a result is written with the currency's digits. No JS number ever holds an
// amount. Where a provider counts in integers (Stripe's minor units) it converts with
// toMinorUnits and fromMinorUnits; the provider's own rules stay in its adapter.

/**
 * How a result is rounded to fewer digits: `half_up` and `half_even` as in {@link RoundingMode};
 * `up` away from zero (never charge less than is due), `down` towards zero (truncate).
 * @group Money
 */
export type MoneyRounding = RoundingMode | "up" | "down";

/**
 * The digits after the point: a number (`2`) or a currency whose ISO 4217 digits to use (`"USD"`).
 * @group Money
 */
export type MoneyDigits = number | CurrencyCode;

function digitsOf(digits: MoneyDigits): number {
  if (typeof digits === "string") return minorUnitsOf(digits);
  if (!Number.isSafeInteger(digits) || digits < 0) {
    throw new RangeError(`Digits must be a non-negative integer, not ${digits}`);
  }
  return digits;
}

function read(amount: string): DecimalValue {
  const value = readSignedDecimal(amount);
  if (!value)
    throw new TypeError(`Not a decimal amount such as "125.50": ${JSON.stringify(amount)}`);
  return value;
}

/** `value` in units of `10^-digits`, rounded when `digits` is less than its own scale. */
function unitsAt(value: DecimalValue, digits: number, rounding: MoneyRounding): bigint {
  if (digits >= value.scale) return value.units * 10n ** BigInt(digits - value.scale);
  const divisor = 10n ** BigInt(value.scale - digits);
  const magnitude = value.units < 0n ? -value.units : value.units;
  let rounded: bigint;
  if (rounding === "down") rounded = magnitude / divisor;
  else if (rounding === "up") rounded = (magnitude + divisor - 1n) / divisor;
  else rounded = divideAndRound(magnitude, divisor, rounding);
  return value.units < 0n ? -rounded : rounded;
}

/** The exact sum of `values`, written with `digits` decimals (half up). */
function sumAt(values: readonly DecimalValue[], digits: MoneyDigits): string {
  const scale = Math.max(0, ...values.map((value) => value.scale));
  const units = values.reduce((total, value) => total + unitsAt(value, scale, "down"), 0n);
  const places = digitsOf(digits);
  return formatMinorUnits(unitsAt({ text: "", units, scale }, places, "half_up"), places);
}

/**
 * True for a decimal amount string Remit's money functions take: `"125.50"`, `"-3"`, `"0.005"`.
 * @group Money
 */
export function isMoneyAmount(value: unknown): value is string {
  return typeof value === "string" && readSignedDecimal(value) !== undefined;
}

/**
 * The number of digits after the point as written: `"12.50"` has 2, `"7"` has 0.
 * @group Money
 */
export function scaleOfMoney(amount: string): number {
  return read(amount).scale;
}

/**
 * `amount` written with exactly `digits` decimals, rounded by `rounding` (half up by default)
 * when it has more: `roundMoney("2.675", "USD")` is `"2.68"`, `roundMoney("5", 2)` is `"5.00"`.
 * @group Money
 */
export function roundMoney(
  amount: string,
  digits: MoneyDigits,
  rounding: MoneyRounding = "half_up",
): string {
  const places = digitsOf(digits);
  return formatMinorUnits(unitsAt(read(amount), places, rounding), places);
}

/**
 * `amount` as an integer count of `10^-digits` (minor units): `toMinorUnits("12.34", "USD")` is
 * `1234n`. An amount with more digits is rounded by `rounding` (half up by default).
 * @group Money
 */
export function toMinorUnits(
  amount: string,
  digits: MoneyDigits,
  rounding: MoneyRounding = "half_up",
): bigint {
  return unitsAt(read(amount), digitsOf(digits), rounding);
}

/**
 * An integer count of minor units back as an amount: `fromMinorUnits(1234n, "USD")` is `"12.34"`.
 * @group Money
 */
export function fromMinorUnits(units: bigint, digits: MoneyDigits): string {
  return formatMinorUnits(units, digitsOf(digits));
}

/**
 * `a + b + …`, exact, then written with `digits` decimals (half up). No amounts give zero.
 *
 * @example
 * ```ts
 * addMoney("USD", "19.99", "0.01"); // "20.00"
 * addMoney(3, "1.5", "-0.25");      // "1.250"
 * ```
 * @group Money
 */
export function addMoney(digits: MoneyDigits, ...amounts: string[]): string {
  return sumAt(amounts.map(read), digits);
}

/**
 * `a − b`, exact, then written with `digits` decimals (half up); may be negative.
 * @group Money
 */
export function subtractMoney(digits: MoneyDigits, a: string, b: string): string {
  const subtrahend = read(b);
  return sumAt([read(a), { ...subtrahend, units: -subtrahend.units }], digits);
}

/** `max(0, a − b)`, written with `digits` decimals. */
export function subtractFloorZero(digits: MoneyDigits, a: string, b: string): string {
  return compareMoney(a, b) <= 0 ? roundMoney("0", digits) : subtractMoney(digits, a, b);
}

/**
 * Compares two amounts exactly, whatever their digits: -1, 0 or 1 (`"10.5"` equals `"10.50"`).
 * @group Money
 */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  return compareDecimal(read(a), read(b)) as -1 | 0 | 1;
}

/**
 * True for any way of writing zero: `"0"`, `"0.00"`, `"-0.0"`.
 * @group Money
 */
export function isZeroMoney(amount: string): boolean {
  return read(amount).units === 0n;
}
