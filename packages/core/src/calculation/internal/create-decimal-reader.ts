import {
  compareDecimal,
  type DecimalValue,
  decimalOf,
  readDecimal,
} from "../../money/decimal-value";

/** The limits of a decimal field, as `decimalSchema` takes them. */
export type DecimalLimits = {
  readonly greaterThan?: string;
  readonly lessThan?: string;
  readonly atMost?: string;
  readonly maxDecimals: number;
};

/** Reads a decimal field, or returns `undefined` where `decimalSchema` would report a problem. */
export type DecimalReader = (raw: unknown) => DecimalValue | undefined;

// Digits a JS number holds exactly: up to 15 of them read as a number, then one BigInt.
const exactNumberDigits = 15;

// Each value is a copy of this template, not an object literal, for the reason given in
// read-common-invoice-input.ts: V8 would otherwise, after a large invoice, make every value
// straight in its old generation.
const decimalTemplate: { text: string; units: bigint; scale: number } = {
  text: "",
  units: 0n,
  scale: 0,
};

/**
 * A reader that returns exactly what `decimalSchema(limits)` returns for a value it accepts (the
 * same `{ text, units, scale }`), and `undefined` for any value it refuses. A string is read in one
 * pass over its characters, its limits checked on the digits as written, with no regular
 * expression, no decimal.js and no bigint comparison; a JS number goes through `readDecimal` as in
 * the schema. The limits must be of the forms the invoice input uses: `greaterThan` `"0"`,
 * `lessThan` a power of ten, `atMost` a positive whole number.
 */
export function createDecimalReader(limits: DecimalLimits): DecimalReader {
  const { greaterThan, lessThan, atMost, maxDecimals } = limits;
  if (greaterThan !== undefined && greaterThan !== "0") {
    throw new TypeError(`Unsupported greaterThan limit ${greaterThan}`);
  }
  if (lessThan !== undefined && !/^10*$/.test(lessThan)) {
    throw new TypeError(`Unsupported lessThan limit ${lessThan}`);
  }
  if (atMost !== undefined && !/^[1-9]\d*$/.test(atMost)) {
    throw new TypeError(`Unsupported atMost limit ${atMost}`);
  }
  const mustBePositive = greaterThan !== undefined;
  // value < 10^k exactly when its whole part, without leading zeros, has at most k digits.
  const maxIntegerDigits = lessThan === undefined ? Number.POSITIVE_INFINITY : lessThan.length - 1;
  const exactLimits = {
    greaterThan: greaterThan === undefined ? undefined : decimalOf(greaterThan),
    lessThan: lessThan === undefined ? undefined : decimalOf(lessThan),
    atMost: atMost === undefined ? undefined : decimalOf(atMost),
  };

  const readText = (text: string): DecimalValue | undefined => {
    const length = text.length;
    let point = -1;
    let integerStart = -1; // the first significant digit of the whole part
    let nonZero = false;
    let fractionNonZero = false;
    let units = 0;
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code === 46) {
        if (point !== -1 || index === 0) return undefined;
        point = index;
        continue;
      }
      if (code < 48 || code > 57) return undefined;
      if (code !== 48) {
        nonZero = true;
        if (point === -1 && integerStart === -1) integerStart = index;
        if (point !== -1) fractionNonZero = true;
      }
      units = units * 10 + (code - 48);
    }
    if (length === 0 || point === length - 1) return undefined;
    const integerEnd = point === -1 ? length : point;
    const scale = point === -1 ? 0 : length - point - 1;
    if (scale > maxDecimals) return undefined;
    const integerDigits = integerStart === -1 ? 0 : integerEnd - integerStart;
    if (integerDigits > maxIntegerDigits) return undefined;
    if (mustBePositive && !nonZero) return undefined;
    if (atMost !== undefined && integerDigits >= atMost.length) {
      if (integerDigits > atMost.length) return undefined;
      // Same number of digits: comparing the texts compares the numbers.
      const integer = text.slice(integerStart, integerEnd);
      if (integer > atMost || (integer === atMost && fractionNonZero)) return undefined;
    }
    const digitCount = point === -1 ? length : length - 1;
    const value = { ...decimalTemplate };
    value.text = text;
    value.units =
      digitCount <= exactNumberDigits
        ? BigInt(units)
        : BigInt(point === -1 ? text : text.slice(0, point) + text.slice(point + 1));
    value.scale = scale;
    return value;
  };

  // A JS number: read as the schema reads it, limits compared exactly.
  const readNumber = (raw: number): DecimalValue | undefined => {
    const value = readDecimal(raw);
    if (!value || value.scale > maxDecimals) return undefined;
    if (exactLimits.greaterThan && compareDecimal(value, exactLimits.greaterThan) <= 0) return;
    if (exactLimits.lessThan && compareDecimal(value, exactLimits.lessThan) >= 0) return;
    if (exactLimits.atMost && compareDecimal(value, exactLimits.atMost) > 0) return;
    return value;
  };

  return (raw) => {
    if (typeof raw === "string") return readText(raw);
    if (typeof raw === "number") return readNumber(raw);
    return undefined;
  };
}
