/**
 * `half_up` rounds halves away from zero; `half_even` rounds them to the even neighbour.
 * @group Money
 */
export type RoundingMode = "half_up" | "half_even";

/**
 * `numerator / denominator` rounded to an integer, for numerator ≥ 0 and denominator > 0. Integer
 * arithmetic, so the answer is exact however many digits the operands have.
 */
export function divideAndRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator) return quotient + 1n;
  if (twiceRemainder < denominator) return quotient;
  if (mode === "half_up") return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}
