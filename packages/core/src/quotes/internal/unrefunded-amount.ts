import type { Payment, Refund } from "../../invoices/payment";
import { addMoney, subtractMoney } from "../../money/money-arithmetic";

/** What of a payment is not refunded or being refunded (failed refunds give it back). */
export function unrefundedAmount(
  payment: Payment,
  refunds: readonly Refund[],
  minorUnits: number,
): string {
  const committed = addMoney(
    minorUnits,
    "0",
    ...refunds.filter((refund) => refund.status !== "failed").map((refund) => refund.amount),
  );
  return subtractMoney(minorUnits, payment.amount, committed);
}
