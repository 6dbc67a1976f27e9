import { netTotalOf } from "../../invoices/internal/settle-invoice";
import type { Invoice } from "../../invoices/invoice";
import { minorUnitsOf } from "../../money/currencies";
import {
  addMoney,
  compareMoney,
  isZeroMoney,
  subtractFloorZero,
  subtractMoney,
} from "../../money/money-arithmetic";
import { saveQuote } from "../../quotes/internal/load-quote";
import type { MoveScope } from "../../service/internal/run-move";

/**
 * At a progress invoice's issue, the quote's held deposit pays it stage by stage: the stage takes
 * min(deposit left, what it asks after retainage), so a deposit larger than one stage carries on
 * to the next ones instead of leaving a credit on the first. The deposit payments stay on the
 * quote; the stage records what it took (`progress.depositApplied`, counted in `amountPaid`).
 */
export async function applyDepositToStage(scope: MoveScope, invoice: Invoice): Promise<Invoice> {
  if (invoice.quoteId === null || invoice.progress === null) return invoice;
  const quote = await scope.transaction.quotes.get({ id: invoice.quoteId, forUpdate: true });
  if (!quote || quote.currency !== invoice.currency) return invoice;
  const digits = minorUnitsOf(invoice.currency);
  const asked = subtractFloorZero(digits, netTotalOf(invoice), invoice.amountPaid);
  const applied = compareMoney(quote.depositHeld, asked) < 0 ? quote.depositHeld : asked;
  if (compareMoney(applied, "0") <= 0) return invoice;
  await saveQuote(
    scope,
    quote,
    { ...quote, depositHeld: subtractMoney(digits, quote.depositHeld, applied) },
    "deposit_applied",
    { invoiceId: invoice.id, amount: applied },
  );
  return {
    ...invoice,
    amountPaid: addMoney(digits, invoice.amountPaid, applied),
    progress: {
      ...invoice.progress,
      depositApplied: addMoney(digits, invoice.progress.depositApplied, applied),
    },
  };
}

/** At a progress invoice's cancel, the deposit it took goes back to the quote. */
export async function returnDepositFromStage(scope: MoveScope, invoice: Invoice): Promise<Invoice> {
  const progress = invoice.progress;
  if (invoice.quoteId === null || progress === null || isZeroMoney(progress.depositApplied))
    return invoice;
  const digits = minorUnitsOf(invoice.currency);
  const quote = await scope.transaction.quotes.get({ id: invoice.quoteId, forUpdate: true });
  if (quote)
    await saveQuote(
      scope,
      quote,
      { ...quote, depositHeld: addMoney(digits, quote.depositHeld, progress.depositApplied) },
      "deposit_returned",
      { invoiceId: invoice.id, amount: progress.depositApplied },
    );
  return {
    ...invoice,
    amountPaid: subtractMoney(digits, invoice.amountPaid, progress.depositApplied),
    progress: { ...progress, depositApplied: subtractMoney(digits, "0", "0") },
  };
}
