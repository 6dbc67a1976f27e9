import { minorUnitsOf } from "@remit/core";

/**
 * A Stripe amount in minor units (`12000`) as Remit's decimal string (`"120.00"`), by the
 * currency's decimals, without passing through a floating-point number.
 */
export function toDecimalAmount(minor: number, currency: string): string {
  const digits = minorUnitsOf(currency.toUpperCase());
  const text = String(Math.trunc(Math.abs(minor))).padStart(digits + 1, "0");
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const sign = minor < 0 ? "-" : "";
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${text.slice(-digits)}`;
}
