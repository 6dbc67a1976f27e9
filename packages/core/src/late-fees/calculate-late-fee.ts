import Decimal from "decimal.js";
import type { CurrencyCode } from "../money/currencies";
import { compareMoney, roundMoney, subtractMoney } from "../money/money-arithmetic";
import type { LateFeeRule } from "../tenants/late-fee-rule";

// Enough digits for the largest balance times a percent with six decimals, exactly.
const ExactDecimal = Decimal.clone({ precision: 60 });

/**
 * The next late fee's amount before tax, in `currency`'s digits, or `null` when none is charged:
 * the rule's flat amount or its percent of `balance` (the amount due without late fees, so no fee
 * is ever charged on a fee), cut to what is left under `maximumTotal` after `earlierFees` (the
 * invoice's late fees so far, before tax). No fee while `balance` is 0 or below
 * `minimumBalance`, and none once the cap is reached.
 *
 * @example
 * ```ts
 * calculateLateFee({ rule, currency: "USD", balance: "200.00", earlierFees: "0" }); // "3.00" at 1.5%
 * ```
 * @since 0.3.0
 * @group Late fees
 */
export function calculateLateFee(input: {
  rule: LateFeeRule;
  currency: CurrencyCode;
  balance: string;
  earlierFees: string;
}): string | null {
  const { rule, currency, balance } = input;
  if (compareMoney(balance, "0") <= 0 || compareMoney(balance, rule.minimumBalance) < 0) {
    return null;
  }
  let amount =
    rule.charge.type === "flat"
      ? roundMoney(rule.charge.amount, currency)
      : roundMoney(
          new ExactDecimal(balance).times(rule.charge.percent).div(100).toFixed(),
          currency,
        );
  if (rule.maximumTotal !== undefined) {
    const left = subtractMoney(currency, rule.maximumTotal, input.earlierFees);
    if (compareMoney(left, amount) < 0) amount = roundMoney(left, currency, "down");
  }
  return compareMoney(amount, "0") > 0 ? amount : null;
}
