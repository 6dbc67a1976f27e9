import Decimal from "decimal.js";

/** decimal.js with room for every digit these tests meet, so sums of decimal strings are exact. */
export const ExactDecimal = Decimal.clone({ precision: 1_000 });

/** The exact sum of decimal strings, written with `digits` decimals. */
export function sumOf(values: readonly string[], digits: number): string {
  return values.reduce((sum, value) => sum.plus(value), new ExactDecimal(0)).toFixed(digits);
}

/** `a + b − c …`: the exact result of adding and subtracting decimal strings. */
export function combine(terms: readonly [sign: 1 | -1, value: string][], digits: number): string {
  return terms
    .reduce(
      (sum, [sign, value]) => (sign === 1 ? sum.plus(value) : sum.minus(value)),
      new ExactDecimal(0),
    )
    .toFixed(digits);
}
