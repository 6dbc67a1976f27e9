import Decimal from "decimal.js";

// Sums and differences of decimal money strings for the ledger (payments, refunds, amount due).
// decimal.js adds and subtracts exactly; results are printed with the currency's digits.

/** `a + b + …`, printed with `minorUnits` digits. */
export function addMoney(minorUnits: number, ...amounts: string[]): string {
  let sum = new Decimal(0);
  for (const amount of amounts) sum = sum.plus(amount);
  return sum.toFixed(minorUnits);
}

/** `a − b`, printed with `minorUnits` digits (may be negative). */
export function subtractMoney(minorUnits: number, a: string, b: string): string {
  return new Decimal(a).minus(b).toFixed(minorUnits);
}

/** `max(0, a − b)`, printed with `minorUnits` digits. */
export function subtractFloorZero(minorUnits: number, a: string, b: string): string {
  const difference = new Decimal(a).minus(b);
  return (difference.isNegative() ? new Decimal(0) : difference).toFixed(minorUnits);
}

/** -1, 0 or 1. */
export function compareMoney(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}

export function isZeroMoney(amount: string): boolean {
  return new Decimal(amount).isZero();
}
