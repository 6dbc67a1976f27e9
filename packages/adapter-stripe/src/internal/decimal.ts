/** An exact decimal: `units / 10^scale` (`"12.50"` is 1250n at scale 2). */
export type ExactDecimal = { units: bigint; scale: number };

const plainDecimal = /^(\d+)(?:\.(\d+))?$/;

/** Reads a plain non-negative decimal string (`"12.50"`), or `undefined` if it is not one. */
export function readExactDecimal(text: string): ExactDecimal | undefined {
  const match = plainDecimal.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? "";
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

/** `units / 10^scale` written with exactly `digits` decimals; `digits` must be at least `scale`. */
export function formatExactDecimal(value: ExactDecimal, digits: number): string {
  const units = value.units * 10n ** BigInt(digits - value.scale);
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
}

/** The same value at `digits` decimals if that loses nothing; otherwise at its own scale. */
export function formatAtLeast(value: ExactDecimal, digits: number): string {
  let { units, scale } = value;
  while (scale > digits && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return formatExactDecimal({ units, scale }, Math.max(digits, scale));
}

/** `a − b`, exactly. */
export function subtractExact(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return {
    units: a.units * 10n ** BigInt(scale - a.scale) - b.units * 10n ** BigInt(scale - b.scale),
    scale,
  };
}

/** Compares two exact decimals: negative, zero or positive. */
export function compareExact(a: ExactDecimal, b: ExactDecimal): number {
  const difference = subtractExact(a, b).units;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The quotient rounded up (towards +∞) for non-negative operands. */
export function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}
