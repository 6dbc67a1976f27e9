import Decimal from "decimal.js";

/**
 * A decimal read exactly: `units / 10^scale`. `text` is the form to echo back (the string as
 * written, or a JS number's shortest decimal form). Non-negative, except from `readSignedDecimal`.
 */
export type DecimalValue = {
  readonly text: string;
  readonly units: bigint;
  readonly scale: number;
};

const plainDecimal = /^\d+(\.\d+)?$/;

/**
 * Reads a plain decimal string (`"19.99"`, `"007"`) or a finite JS number ≥ 0 (through its
 * shortest decimal form, so `1.005` is `"1.005"`, never its binary value). Returns `undefined` for
 * anything else: exponents, signs, commas, spaces, a bare point, NaN, Infinity.
 */
export function readDecimal(value: unknown): DecimalValue | undefined {
  let text: string;
  if (typeof value === "string") {
    if (!plainDecimal.test(value)) return undefined;
    text = value;
  } else if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return undefined;
    // decimal.js reads a number through its shortest round-trip string and prints it without
    // an exponent, which String(1e-7) would not do.
    text = new Decimal(value).toFixed();
  } else {
    return undefined;
  }
  const point = text.indexOf(".");
  const digits = point === -1 ? text : text.slice(0, point) + text.slice(point + 1);
  return { text, units: BigInt(digits), scale: point === -1 ? 0 : text.length - point - 1 };
}

const signedDecimal = /^-?\d+(\.\d+)?$/;

/**
 * Reads a plain decimal string that may be negative (`"-0.50"`), for sums and differences of
 * amounts; `units` then carries the sign. Strings only: an amount is never a JS number.
 */
export function readSignedDecimal(text: string): DecimalValue | undefined {
  if (typeof text !== "string" || !signedDecimal.test(text)) return undefined;
  const negative = text.startsWith("-");
  const value = readDecimal(negative ? text.slice(1) : text);
  if (!value) return undefined;
  return { text, units: negative ? -value.units : value.units, scale: value.scale };
}

/** Compares two decimal values exactly: -1, 0 or 1. */
export function compareDecimal(a: DecimalValue, b: DecimalValue): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * 10n ** BigInt(scale - a.scale);
  const right = b.units * 10n ** BigInt(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A DecimalValue for an integer literal, for comparisons against limits. */
export function decimalOf(text: string): DecimalValue {
  const value = readDecimal(text);
  if (!value) throw new TypeError(`Not a plain decimal: ${text}`);
  return value;
}

/** The value rescaled to `scale` digits; only for scales at least the value's own. */
export function unitsAtScale(value: DecimalValue, scale: number): bigint {
  if (scale < value.scale) throw new RangeError("Cannot rescale to fewer digits exactly");
  return value.units * 10n ** BigInt(scale - value.scale);
}
