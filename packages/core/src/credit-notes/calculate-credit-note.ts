import { allocateByLargestRemainder } from "../calculation/internal/allocate-by-largest-remainder";
import type { InvoiceCalculation } from "../calculation/invoice-calculation";
import { ValidationError, type ValidationIssue } from "../errors/validation-error";
import { minorUnitsOf } from "../money/currencies";
import { fromMinorUnits, toMinorUnits } from "../money/money-arithmetic";
import type { CreditNoteLine, CreditNoteTax } from "./credit-note";

/** What to credit: an amount (tax included) spread over the lines, or chosen lines. */
export type CreditNoteRequest =
  | { amount: string }
  | { lines: readonly { lineId: string; amount?: string | undefined }[] };

/** A credit note's figures, before it is numbered. */
export type CreditNoteCalculation = {
  lines: CreditNoteLine[];
  taxes: CreditNoteTax[];
  excludingTax: string;
  taxTotal: string;
  total: string;
};

/** What is left of one invoice line to credit, in minor units: net first, then each rate. */
type LineRemainder = { parts: bigint[]; total: bigint };

function remaindersOf(
  totals: InvoiceCalculation,
  earlier: readonly CreditNoteLine[],
  digits: number,
): LineRemainder[] {
  const units = (amount: string) => toMinorUnits(amount, digits);
  return totals.lines.map((line) => {
    const parts = [units(line.excludingTax), ...line.taxes.map((tax) => units(tax.amount))];
    for (const credited of earlier) {
      if (credited.lineId !== line.id) continue;
      parts[0] = (parts[0] as bigint) - units(credited.excludingTax);
      for (const tax of credited.taxes) {
        const at = line.taxes.findIndex((rate) => rate.rateId === tax.rateId);
        // A rate the line no longer carries: an edit that dropped it is refused while credited.
        if (at >= 0) parts[at + 1] = (parts[at + 1] as bigint) - units(tax.amount);
      }
    }
    // Never below 0: an edit cannot take a line under what was credited on it, but a stored
    // note from an older rule must not make a later one negative.
    const clamped = parts.map((part) => (part < 0n ? 0n : part));
    return { parts: clamped, total: clamped.reduce((sum, part) => sum + part, 0n) };
  });
}

/** What each line gives: by largest remainder over the lines' remainders, or as chosen. */
function sharesOf(
  request: CreditNoteRequest,
  totals: InvoiceCalculation,
  left: LineRemainder[],
  digits: number,
  currency: string,
): bigint[] {
  const issues: ValidationIssue[] = [];
  const leftTotal = left.reduce((sum, line) => sum + line.total, 0n);
  if ("amount" in request) {
    const amount = toMinorUnits(request.amount, digits);
    if (amount > leftTotal) {
      throw new ValidationError({
        issues: [
          {
            path: "amount",
            message: `at most ${fromMinorUnits(leftTotal, digits)} ${currency} of this invoice can still be credited`,
          },
        ],
      });
    }
    return allocateByLargestRemainder(
      amount,
      left.map((line) => line.total),
    );
  }
  const shares = left.map(() => 0n);
  const seen = new Set<string>();
  for (const [index, chosen] of request.lines.entries()) {
    const at = totals.lines.findIndex((line) => line.id === chosen.lineId);
    const remainder = left[at];
    if (at < 0 || remainder === undefined) {
      issues.push({ path: `lines[${index}].lineId`, message: "is not a line of this invoice" });
      continue;
    }
    if (seen.has(chosen.lineId)) {
      issues.push({ path: `lines[${index}].lineId`, message: "is credited twice in this note" });
      continue;
    }
    seen.add(chosen.lineId);
    const amount =
      chosen.amount === undefined ? remainder.total : toMinorUnits(chosen.amount, digits);
    if (amount > remainder.total || amount === 0n) {
      issues.push({
        path: chosen.amount === undefined ? `lines[${index}].lineId` : `lines[${index}].amount`,
        message:
          remainder.total === 0n
            ? "nothing of this line is left to credit"
            : `at most ${fromMinorUnits(remainder.total, digits)} ${currency} of this line can still be credited`,
      });
      continue;
    }
    shares[at] = amount;
  }
  if (issues.length > 0) throw new ValidationError({ issues });
  return shares;
}

/**
 * The figures of a credit note on an issued invoice, exact: what is asked for (an `amount` with
 * tax, or `lines` each with an optional amount, all that is left of the line when omitted) is
 * shared over the lines by largest remainder in proportion to what is left of each, then each
 * line's share into its net and its taxes per rate the same way, in proportion to what is left of
 * each part. So the taxes are reversed in the proportions the invoice charged them, and no line,
 * rate or total is ever credited past what `earlier` notes left. Asking for more is a
 * `ValidationError` at `amount` or `lines[i]`.
 *
 * Pure: the same invoice, earlier notes and request always give the same note.
 *
 * @example
 * ```ts
 * const note = calculateCreditNote(invoice.totals, [], { amount: "54.13" });
 * note.total; // "54.13", net and tax shared as the invoice charged them
 * ```
 * @since 0.3.0
 */
export function calculateCreditNote(
  totals: InvoiceCalculation,
  earlier: readonly CreditNoteLine[],
  request: CreditNoteRequest,
): CreditNoteCalculation {
  const digits = minorUnitsOf(totals.currency);
  const left = remaindersOf(totals, earlier, digits);
  const shares = sharesOf(request, totals, left, digits, totals.currency);
  const money = (units: bigint) => fromMinorUnits(units, digits);
  const lines: CreditNoteLine[] = [];
  const byRate = new Map<string, bigint>();
  let excludingTax = 0n;
  let taxTotal = 0n;
  for (const [index, line] of totals.lines.entries()) {
    const share = shares[index] ?? 0n;
    if (share === 0n) continue;
    const parts = allocateByLargestRemainder(share, (left[index] as LineRemainder).parts);
    const net = parts[0] as bigint;
    const taxes = line.taxes.map((tax, at) => ({
      rateId: tax.rateId,
      units: parts[at + 1] as bigint,
    }));
    const tax = taxes.reduce((sum, part) => sum + part.units, 0n);
    for (const part of taxes) byRate.set(part.rateId, (byRate.get(part.rateId) ?? 0n) + part.units);
    excludingTax += net;
    taxTotal += tax;
    lines.push({
      lineId: line.id,
      kind: line.kind,
      description: line.description,
      excludingTax: money(net),
      tax: money(tax),
      total: money(net + tax),
      taxes: taxes.map((part) => ({ rateId: part.rateId, amount: money(part.units) })),
    });
  }
  const total = excludingTax + taxTotal;
  if (total === 0n) {
    throw new ValidationError({
      issues: [
        {
          path: "amount" in request ? "amount" : "lines",
          message: "a credit note credits more than 0",
        },
      ],
    });
  }
  return {
    lines,
    taxes: totals.taxes
      .filter((rate) => byRate.has(rate.rateId))
      .map((rate) => ({
        rateId: rate.rateId,
        name: rate.name,
        percent: rate.percent,
        inclusive: rate.inclusive,
        compound: rate.compound,
        amount: money(byRate.get(rate.rateId) ?? 0n),
      })),
    excludingTax: money(excludingTax),
    taxTotal: money(taxTotal),
    total: money(total),
  };
}
