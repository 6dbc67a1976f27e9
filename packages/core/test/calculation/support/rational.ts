/**
 * An exact rational number over BigInt, for the reference implementation: every operation is
 * exact and every fraction is kept in lowest terms, so nothing is ever cut off by accident.
 */
export class Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;

  private constructor(numerator: bigint, denominator: bigint) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  static of(numerator: bigint, denominator = 1n): Rational {
    if (denominator === 0n) throw new RangeError("Division by zero");
    const sign = denominator < 0n ? -1n : 1n;
    const divisor = greatestCommonDivisor(absolute(numerator), absolute(denominator));
    return new Rational((sign * numerator) / divisor, (sign * denominator) / divisor);
  }

  /** Reads a plain decimal string such as `"19.99"` exactly. */
  static fromDecimal(text: string): Rational {
    const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) throw new TypeError(`Not a plain decimal: ${text}`);
    const fraction = match[2] ?? "";
    return Rational.of(BigInt((match[1] ?? "") + fraction), 10n ** BigInt(fraction.length));
  }

  static readonly zero = Rational.of(0n);

  plus(other: Rational): Rational {
    return Rational.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  minus(other: Rational): Rational {
    return this.plus(Rational.of(-other.numerator, other.denominator));
  }

  times(other: Rational): Rational {
    return Rational.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  dividedBy(other: Rational): Rational {
    return Rational.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  compare(other: Rational): number {
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  /** The largest integer not above this number. */
  floor(): bigint {
    const quotient = this.numerator / this.denominator;
    return this.numerator < 0n && quotient * this.denominator !== this.numerator
      ? quotient - 1n
      : quotient;
  }
}

export function sumOf(values: readonly Rational[]): Rational {
  return values.reduce((sum, value) => sum.plus(value), Rational.zero);
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
