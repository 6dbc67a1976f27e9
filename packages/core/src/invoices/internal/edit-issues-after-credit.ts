import type { InvoiceCalculation } from "../../calculation/invoice-calculation";
import type { CreditNoteLine } from "../../credit-notes/credit-note";
import type { ValidationIssue } from "../../errors/validation-error";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney, compareMoney, subtractMoney } from "../../money/money-arithmetic";

/**
 * The issues of an edit after issue that would take back money already counted: a lower total
 * that, less the credit notes, falls below the amount paid (that needs a credit note, not an
 * edit), or a
 * credited line (its net, or a tax of it) below what was credited on it.
 */
export function editIssuesAfterCredit(options: {
  currency: string;
  totals: InvoiceCalculation;
  /** The total before the edit. */
  previousTotal: string;
  creditNoteTotal: string;
  amountPaid: string;
  credited: readonly CreditNoteLine[];
}): ValidationIssue[] {
  const { currency, totals, previousTotal, creditNoteTotal, amountPaid, credited } = options;
  const digits = minorUnitsOf(currency);
  const issues: ValidationIssue[] = [];
  const net = subtractMoney(digits, totals.total, creditNoteTotal);
  // An invoice already paid past its total (credit) may still be edited as long as the edit does
  // not lower the total: only taking the total down below the amount paid needs a credit note.
  if (compareMoney(net, amountPaid) < 0 && compareMoney(totals.total, previousTotal) < 0) {
    const lowest = addMoney(digits, amountPaid, creditNoteTotal);
    issues.push({
      path: "lines",
      message: `the new total ${totals.total} ${currency} is below ${lowest} (${amountPaid} paid less refunds, plus ${creditNoteTotal} credited): keep the total at least ${lowest}, and issue a credit note to lower what the customer owes`,
    });
  }
  const lineIds = new Set(credited.map((line) => line.lineId));
  for (const lineId of lineIds) {
    const parts = credited.filter((line) => line.lineId === lineId);
    const index = totals.lines.findIndex((line) => line.id === lineId);
    const line = totals.lines[index];
    const kind = line?.kind === "fee" ? "fees" : "lines";
    const sum = (values: string[]) => addMoney(digits, "0", ...values);
    const below = (has: string, took: string) => compareMoney(has, took) < 0;
    if (!line) {
      issues.push({
        path: "lines",
        message: `line "${lineId}" was credited by a credit note; it cannot be removed`,
      });
      continue;
    }
    const path = `${kind}[${kind === "fees" ? index - totals.lines.filter((l) => l.kind !== "fee").length : index}]`;
    const creditedTotal = sum(parts.map((part) => part.total));
    const creditedNet = sum(parts.map((part) => part.excludingTax));
    const taxShort = parts
      .flatMap((part) => part.taxes)
      .map((tax) => tax.rateId)
      .filter((rateId, at, all) => all.indexOf(rateId) === at)
      .some((rateId) => {
        const took = sum(
          parts.flatMap((part) =>
            part.taxes.filter((t) => t.rateId === rateId).map((t) => t.amount),
          ),
        );
        const has = line.taxes.find((tax) => tax.rateId === rateId)?.amount ?? "0";
        return below(has, took);
      });
    if (below(line.total, creditedTotal) || below(line.excludingTax, creditedNet) || taxShort) {
      issues.push({
        path,
        message: `${creditedTotal} ${currency} of line "${lineId}" was credited (net ${creditedNet} and its taxes); the line cannot drop below that`,
      });
    }
  }
  return issues;
}
