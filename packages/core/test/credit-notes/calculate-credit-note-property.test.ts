import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CreditNoteLine,
  calculateCreditNote,
  calculateInvoice,
  currencies,
  type InvoiceCalculation,
  RemitError,
} from "../../src/index";
import { invoiceInputArbitrary } from "../calculation/support/invoice-arbitraries";

// The credit-note math on random invoices (every kind of tax, discount and fee the invoice math
// takes) and random series of notes: what is credited never passes what is left, of the invoice,
// of a line or of a rate, and each share is the largest-remainder share, exactly, in minor units.

// Every figure has exactly the currency's digits, so its digits without the point are its minor units.
const units = (amount: string, _digits: number) => BigInt(amount.replace(".", ""));

function digitsOf(totals: InvoiceCalculation): number {
  return currencies[totals.currency]?.minorUnits ?? 2;
}

/** A request drawn against an invoice: a fraction of what is left, or some of its lines. */
const requestArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant("amount" as const),
    per10000: fc.integer({ min: 1, max: 10_000 }),
  }),
  fc.record({
    kind: fc.constant("lines" as const),
    picks: fc.array(
      fc.record({
        at: fc.nat(),
        whole: fc.boolean(),
        per10000: fc.integer({ min: 1, max: 10_000 }),
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
  }),
);

/** What is left of each line and each of its rates after `earlier`, in minor units. */
function leftOf(totals: InvoiceCalculation, earlier: CreditNoteLine[], digits: number) {
  return totals.lines.map((line) => {
    const mine = earlier.filter((part) => part.lineId === line.id);
    const minus = (amount: string, parts: string[]) =>
      parts.reduce((left, part) => left - units(part, digits), units(amount, digits));
    return {
      total: minus(
        line.total,
        mine.map((part) => part.total),
      ),
      net: minus(
        line.excludingTax,
        mine.map((part) => part.excludingTax),
      ),
      taxes: line.taxes.map((tax) =>
        minus(
          tax.amount,
          mine.flatMap((part) =>
            part.taxes.filter((t) => t.rateId === tax.rateId).map((t) => t.amount),
          ),
        ),
      ),
    };
  });
}

describe("calculateCreditNote - random invoices and series of notes", () => {
  it("calculateCreditNote - never credits past the invoice, a line or a rate, and shares by largest remainder", () => {
    fc.assert(
      fc.property(
        invoiceInputArbitrary,
        fc.array(requestArbitrary, { minLength: 1, maxLength: 6 }),
        (input, requests) => {
          const totals = calculateInvoice(input);
          const digits = digitsOf(totals);
          const invoiceTotal = units(totals.total, digits);
          const earlier: CreditNoteLine[] = [];
          let credited = 0n;
          for (const drawn of requests) {
            const left = leftOf(totals, earlier, digits);
            const leftTotal = left.reduce((sum, line) => sum + line.total, 0n);
            expect(leftTotal).toBe(invoiceTotal - credited);
            let request: Parameters<typeof calculateCreditNote>[2];
            let asked: bigint;
            if (drawn.kind === "amount") {
              asked = (leftTotal * BigInt(drawn.per10000)) / 10_000n;
              if (asked === 0n) continue;
              request = { amount: fromUnits(asked, digits) };
            } else {
              const lines = new Map<string, string | undefined>();
              for (const pick of drawn.picks) {
                const line = totals.lines[pick.at % Math.max(1, totals.lines.length)];
                const remainder = left[pick.at % Math.max(1, totals.lines.length)]?.total ?? 0n;
                if (!line || remainder === 0n || lines.has(line.id)) continue;
                const part = (remainder * BigInt(pick.per10000)) / 10_000n;
                if (!pick.whole && part === 0n) continue;
                lines.set(line.id, pick.whole ? undefined : fromUnits(part, digits));
              }
              if (lines.size === 0) continue;
              request = {
                lines: [...lines].map(([lineId, amount]) => ({
                  lineId,
                  ...(amount === undefined ? {} : { amount }),
                })),
              };
              asked = [...lines].reduce((sum, [lineId, amount]) => {
                const at = totals.lines.findIndex((line) => line.id === lineId);
                return (
                  sum + (amount === undefined ? (left[at]?.total ?? 0n) : units(amount, digits))
                );
              }, 0n);
            }
            const note = calculateCreditNote(totals, earlier, request);
            // The whole: as asked, and within what was left of the invoice.
            expect(units(note.total, digits)).toBe(asked);
            expect(units(note.total, digits)).toBeLessThanOrEqual(leftTotal);
            expect(units(note.excludingTax, digits) + units(note.taxTotal, digits)).toBe(
              units(note.total, digits),
            );
            let sumOfLines = 0n;
            for (const part of note.lines) {
              const at = totals.lines.findIndex((line) => line.id === part.lineId);
              const line = totals.lines[at];
              const remainder = left[at];
              if (!line || !remainder) throw new Error(`unknown line ${part.lineId}`);
              const total = units(part.total, digits);
              sumOfLines += total;
              // Each part within what is left of it: the line, its net, each rate.
              expect(total).toBeLessThanOrEqual(remainder.total);
              expect(units(part.excludingTax, digits)).toBeLessThanOrEqual(remainder.net);
              expect(units(part.excludingTax, digits)).toBeGreaterThanOrEqual(0n);
              for (const [index, tax] of part.taxes.entries()) {
                expect(tax.rateId).toBe(line.taxes[index]?.rateId);
                expect(units(tax.amount, digits)).toBeGreaterThanOrEqual(0n);
                expect(units(tax.amount, digits)).toBeLessThanOrEqual(remainder.taxes[index] ?? 0n);
              }
              // Net and taxes are the line's share split in proportion to what was left of each:
              // each within one minor unit of its exact share (largest remainder).
              const weights = [remainder.net, ...remainder.taxes];
              const shares = [
                units(part.excludingTax, digits),
                ...part.taxes.map((tax) => units(tax.amount, digits)),
              ];
              for (const [index, share] of shares.entries()) {
                const exactTimesWeight = total * (weights[index] ?? 0n);
                expect(share * remainder.total).toBeLessThanOrEqual(
                  exactTimesWeight + remainder.total,
                );
                expect(share * remainder.total).toBeGreaterThanOrEqual(
                  exactTimesWeight - remainder.total,
                );
              }
              // An amount is shared over the lines the same way, in proportion to what was left.
              if (drawn.kind === "amount") {
                const exact = asked * remainder.total;
                expect(total * leftTotal).toBeLessThanOrEqual(exact + leftTotal);
                expect(total * leftTotal).toBeGreaterThanOrEqual(exact - leftTotal);
              }
            }
            expect(sumOfLines).toBe(units(note.total, digits));
            // Each rate's total is the sum of its line parts.
            for (const rate of note.taxes) {
              const parts = note.lines.flatMap((line) =>
                line.taxes.filter((tax) => tax.rateId === rate.rateId),
              );
              expect(parts.reduce((sum, tax) => sum + units(tax.amount, digits), 0n)).toBe(
                units(rate.amount, digits),
              );
            }
            earlier.push(...note.lines);
            credited += units(note.total, digits);
            expect(credited).toBeLessThanOrEqual(invoiceTotal);
          }
          // Asking for one minor unit more than is left is refused, naming `amount`.
          const left = invoiceTotal - credited;
          try {
            calculateCreditNote(totals, earlier, { amount: fromUnits(left + 1n, digits) });
            expect.unreachable("more than is left was credited");
          } catch (error) {
            expect(RemitError.isInstance(error) && error.code).toBe("validation_error");
            expect(error).toMatchObject({ path: "amount" });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("calculateCreditNote - a whole invoice credited in one note gives back each line and rate exactly", () => {
    fc.assert(
      fc.property(invoiceInputArbitrary, (input) => {
        const totals = calculateInvoice(input);
        if (units(totals.total, digitsOf(totals)) === 0n) return;
        const note = calculateCreditNote(totals, [], { amount: totals.total });
        expect(note.total).toBe(totals.total);
        for (const part of note.lines) {
          const line = totals.lines.find((candidate) => candidate.id === part.lineId);
          expect(part.excludingTax).toBe(line?.excludingTax);
          expect(part.taxes).toEqual(line?.taxes);
        }
        expect(note.taxTotal).toBe(totals.taxTotal);
      }),
      { numRuns: 300 },
    );
  });
});

function fromUnits(value: bigint, digits: number): string {
  const text = value.toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
