import {
  compareMoney,
  fromMinorUnits,
  isCurrencyCode,
  isMoneyAmount,
  minorUnitsOf,
  roundMoney,
  scaleOfMoney,
  subtractMoney,
  toMinorUnits,
  ValidationError,
} from "@remit/core";

// Stripe's own currency rules (https://docs.stripe.com/currencies), which differ from ISO 4217 in
// places: MGA has two ISO digits but Stripe takes whole ariary; ISK has none in ISO but Stripe
// keeps two-decimal amounts that must be whole krónur.
const zeroDecimalCurrencies = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
/** Three-decimal in the API, but the last digit must be 0 (amounts in multiples of ten). */
const threeDecimalCurrencies = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);
/** Two-decimal in the API, but only whole units may be charged (multiples of 100). */
const wholeUnitTwoDecimalCurrencies = new Set(["ISK"]);

/** How Stripe writes amounts of a currency: `exponent` decimals, in multiples of `step`. */
export type StripeCurrencyRule = { exponent: number; step: bigint };

/**
 * Stripe's rule for `currency` (upper-case ISO 4217).
 * @group Errors and amounts
 */
export function stripeCurrencyRule(currency: string): StripeCurrencyRule {
  const code = currency.toUpperCase();
  if (zeroDecimalCurrencies.has(code)) return { exponent: 0, step: 1n };
  if (threeDecimalCurrencies.has(code)) return { exponent: 3, step: 10n };
  if (wholeUnitTwoDecimalCurrencies.has(code)) return { exponent: 2, step: 100n };
  return { exponent: 2, step: 1n };
}

/**
 * What a Remit amount becomes at Stripe.
 * @group Errors and amounts
 */
export type StripeAmount = {
  /** The integer Stripe takes (`unit_amount`, `amount`). */
  minor: number;
  /** That integer back as a Remit amount: what the customer is charged. */
  charged: string;
  /** `charged − amount`: what rounding up added; Remit keeps it as credit once paid. */
  excess: string;
};

/** The quotient rounded up (towards +∞) for non-negative operands: the next multiple of a step. */
function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/**
 * `amount` with the currency's `digits` when that loses nothing (`"101"` MGA is `"101.00"`,
 * `"500.00"` ISK is `"500"`), otherwise with as few more digits as it needs (`"500.5"` ISK).
 */
function withCurrencyDigits(amount: string, digits: number): string {
  for (let places = digits; places < scaleOfMoney(amount); places += 1) {
    const shorter = roundMoney(amount, places, "down");
    if (compareMoney(shorter, amount) === 0) return shorter;
  }
  return roundMoney(amount, Math.max(digits, scaleOfMoney(amount)));
}

function knownCurrency(currency: string): string {
  const code = currency.toUpperCase();
  if (!isCurrencyCode(code)) {
    throw new ValidationError({
      issues: [
        { path: "currency", message: `${currency} is not an ISO 4217 currency Remit knows` },
      ],
    });
  }
  return code;
}

/**
 * Converts a Remit amount (a decimal string such as `"125.50"`) to Stripe's integer minor units by
 * Stripe's rules: zero-decimal currencies take whole units, three-decimal currencies take
 * multiples of ten, ISK whole krónur in two-decimal form. An amount that does not fit is rounded
 * UP (never charging less than is due); the excess is returned so it can be shown, and once paid
 * Remit keeps it as credit on the invoice.
 *
 * @example
 * ```ts
 * toStripeAmount("12.34", "USD");   // { minor: 1234, charged: "12.34", excess: "0.00" }
 * toStripeAmount("1500", "JPY");    // { minor: 1500, charged: "1500", excess: "0" }
 * toStripeAmount("10.005", "KWD");  // { minor: 10010, charged: "10.010", excess: "0.005" }
 * ```
 * @group Errors and amounts
 */
export function toStripeAmount(amount: string, currency: string): StripeAmount {
  const code = knownCurrency(currency);
  if (!isMoneyAmount(amount) || compareMoney(amount, "0") <= 0) {
    throw new ValidationError({
      issues: [{ path: "amount", message: 'must be a positive decimal amount such as "125.00"' }],
    });
  }
  const rule = stripeCurrencyRule(code);
  const exact = toMinorUnits(amount, rule.exponent, "up");
  const minor = ceilDivide(exact, rule.step) * rule.step;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ValidationError({
      issues: [{ path: "amount", message: `is too large to charge in ${code}` }],
    });
  }
  const digits = minorUnitsOf(code);
  const charged = fromMinorUnits(minor, rule.exponent);
  // Exact: at the larger of the two scales, so an amount finer than Stripe's keeps its excess.
  const excessDigits = Math.max(rule.exponent, scaleOfMoney(amount));
  return {
    minor: Number(minor),
    charged: withCurrencyDigits(charged, digits),
    excess: withCurrencyDigits(subtractMoney(excessDigits, charged, amount), digits),
  };
}

/**
 * Converts Stripe's integer minor units back to a Remit amount, exactly, with the currency's
 * ISO digits (`1234` USD is `"12.34"`, `101` MGA is `"101.00"`, `50000` ISK is `"500"`).
 * @group Errors and amounts
 */
export function fromStripeAmount(minor: number, currency: string): string {
  const code = knownCurrency(currency);
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new ValidationError({
      issues: [{ path: "amount", message: "must be a non-negative integer of minor units" }],
    });
  }
  const rule = stripeCurrencyRule(code);
  return withCurrencyDigits(fromMinorUnits(BigInt(minor), rule.exponent), minorUnitsOf(code));
}

/**
 * `percent` of `minor` in Stripe's units of `currency`, rounded to the currency's step:
 * `direction` "up" for what the customer pays on top (a surcharge), "down" for what the platform
 * keeps (an application fee), so neither ever exceeds the exact share.
 */
export function percentOfStripeAmount(
  minor: number,
  percent: string,
  currency: string,
  direction: "up" | "down",
): number {
  if (!isMoneyAmount(percent) || compareMoney(percent, "0") < 0) {
    throw new TypeError(`Not a percent: ${percent}`);
  }
  const { step } = stripeCurrencyRule(currency);
  const scale = scaleOfMoney(percent);
  const denominator = 100n * 10n ** BigInt(scale) * step;
  const numerator = BigInt(minor) * toMinorUnits(percent, scale);
  const steps = direction === "up" ? ceilDivide(numerator, denominator) : numerator / denominator;
  return Number(steps * step);
}

/**
 * The largest part of `amount` Stripe can refund in `currency` (the port's `refundableAmount`):
 * `amount` cut down to Stripe's step, with the currency's ISO digits. Three-decimal currencies
 * (BHD, JOD, KWD, OMR, TND) go in multiples of ten minor units, so `"5.005"` KWD refunds
 * `"5.000"`; the rest stays on the invoice, with `reason` saying why (`null` when nothing is cut).
 *
 * @example
 * ```ts
 * refundableStripeAmount("5.005", "KWD"); // { refundable: "5.000", reason: "Stripe refunds KWD in multiples of 0.010" }
 * refundableStripeAmount("5.25", "USD");  // { refundable: "5.25", reason: null }
 * ```
 * @group Errors and amounts
 */
export function refundableStripeAmount(
  amount: string,
  currency: string,
): { refundable: string; reason: string | null } {
  const code = knownCurrency(currency);
  if (!isMoneyAmount(amount) || compareMoney(amount, "0") < 0) {
    throw new ValidationError({
      issues: [{ path: "amount", message: 'must be a decimal amount such as "125.00"' }],
    });
  }
  const rule = stripeCurrencyRule(code);
  const minor = (toMinorUnits(amount, rule.exponent, "down") / rule.step) * rule.step;
  const digits = Math.max(minorUnitsOf(code), scaleOfMoney(amount));
  const refundable = roundMoney(fromMinorUnits(minor, rule.exponent), digits);
  if (compareMoney(refundable, amount) === 0) return { refundable: amount, reason: null };
  const step = withCurrencyDigits(fromMinorUnits(rule.step, rule.exponent), minorUnitsOf(code));
  return { refundable, reason: `Stripe refunds ${code} in multiples of ${step}` };
}
