import type { DecimalValue } from "../../money/decimal-value";
import { divideAndRound, type RoundingMode } from "../../money/rounding-mode";
import {
  allocateByLargestRemainder,
  allocateNumbersByLargestRemainder,
} from "./allocate-by-largest-remainder";

// Integer arithmetic in JS numbers for the number engine (calculate-with-numbers.ts). A whole
// number below 2^53 is exact in a double, and so are the sum, difference and product of two of
// them when the result stays below 2^53; one that would not is caught (`exact`). A quotient's
// floor is exact when the dividend is below 2^53 (it falls at least 1/divisor short of the next
// whole number, more than the double's rounding error), so rounding by the remainder is exact.

/** Thrown inside the number engine when a figure would reach 2^53; never escapes it. */
export const tooLarge = new RangeError("A figure does not fit a JS number exactly");
export const largestExact = Number.MAX_SAFE_INTEGER;
export const largestExactUnits = BigInt(largestExact);

/** The value, when below 2^53; otherwise the invoice goes to the bigint engine. */
export function exact(value: number): number {
  if (value > largestExact) throw tooLarge;
  return value;
}

/** A decimal's digits as a number, when they fit exactly. */
export function unitsOf(value: DecimalValue): number {
  if (value.units > largestExactUnits || value.units < 0n) throw tooLarge;
  return Number(value.units);
}

/** 10^exponent, exact in a double up to 10^22. */
export function powerOfTen(exponent: number): number {
  if (exponent > 22) throw tooLarge;
  return 10 ** exponent;
}

type RoundQuotient = (numerator: number, denominator: number) => number;
/** round(a × b / denominator) for whole a, b ≥ 0 below 2^53. */
export type RoundProduct = (a: number, b: number, denominator: number) => number;

/** numerator / denominator rounded half up, for a whole numerator below 2^53 and denominator ≥ 1. */
const roundHalfUp: RoundQuotient = (numerator, denominator) => {
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = (numerator - quotient * denominator) * 2;
  return twiceRemainder >= denominator ? quotient + 1 : quotient;
};

/** The same, halves to the even neighbour. */
const roundHalfEven: RoundQuotient = (numerator, denominator) => {
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = (numerator - quotient * denominator) * 2;
  if (twiceRemainder > denominator) return quotient + 1;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2 === 0 ? quotient : quotient + 1;
};

/** A figure worked out in bigints, as a number when it fits one exactly. */
export function fitted(value: bigint): number {
  if (value > largestExactUnits || value < 0n) throw tooLarge;
  return Number(value);
}

/**
 * round(a × b / denominator) in numbers while a × b stays below 2^53; past that (many decimals on
 * a price, a large amount at a tax with many decimals) the quotient is worked out in bigints, and
 * only a quotient that does not fit a number sends the invoice to the bigint engine.
 */
export function createRoundProduct(mode: RoundingMode): RoundProduct {
  // As `divideAndRound` reads the mode: half up, or else half even.
  const round = mode === "half_up" ? roundHalfUp : roundHalfEven;
  return (a, b, denominator) => {
    const product = a * b;
    if (product <= largestExact) return round(product, denominator);
    return fitted(divideAndRound(BigInt(a) * BigInt(b), BigInt(denominator), mode));
  };
}

/** Largest-remainder shares in numbers, or through bigints when the products would not fit. */
export function allocateExactly(total: number, weights: readonly number[]): number[] {
  const shares = allocateNumbersByLargestRemainder(total, weights);
  if (shares) return shares;
  return allocateByLargestRemainder(BigInt(total), weights.map(BigInt)).map(fitted);
}
