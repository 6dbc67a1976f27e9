import type { RoundingMode } from "../../money/rounding-mode";
import { divideAndRound } from "../../money/rounding-mode";
import { allocateByLargestRemainder } from "./allocate-by-largest-remainder";
import {
  hundredPercentMicros,
  ratesInApplicationOrder,
  type WorkingLine,
  type WorkingRate,
} from "./working-line";

type ExactTax = { line: WorkingLine; numerator: bigint; denominator: bigint };

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Tax rounded once per invoice (`rounding.tax: "per_document"`): each line's exact tax per rate is
 * a fraction, each rate's total is rounded once, and that total is shared back over the lines in
 * proportion to their exact taxes.
 *
 * With H = 100 % and a line's one included rate r (0 if none), every exact figure of the line has
 * the denominator (H + r) × H:
 * included net·r·H, added rate a net·a·H, compound rate c net·(H + Σa)·c. Keeping these as integer
 * numerators is what makes the result exact where 60 significant digits are not.
 */
export function applyTaxesPerDocument(
  lines: readonly WorkingLine[],
  rates: ReadonlyMap<string, WorkingRate>,
  mode: RoundingMode,
): void {
  const exactByRate = new Map<string, ExactTax[]>();
  const record = (rate: WorkingRate, tax: ExactTax) => {
    const list = exactByRate.get(rate.id);
    if (list) list.push(tax);
    else exactByRate.set(rate.id, [tax]);
  };
  for (const line of lines) {
    if (line.taxRateIds.length === 0) continue;
    const { included, added, compound } = ratesInApplicationOrder(line, rates);
    const inclusiveRate = included[0];
    const inclusiveMicros = inclusiveRate?.percentMicros ?? 0n;
    const denominator = (hundredPercentMicros + inclusiveMicros) * hundredPercentMicros;
    if (inclusiveRate) {
      record(inclusiveRate, {
        line,
        numerator: line.net * inclusiveMicros * hundredPercentMicros,
        denominator,
      });
    }
    let addedMicros = 0n;
    for (const rate of added) {
      addedMicros += rate.percentMicros;
      record(rate, {
        line,
        numerator: line.net * rate.percentMicros * hundredPercentMicros,
        denominator,
      });
    }
    for (const rate of compound) {
      record(rate, {
        line,
        numerator: line.net * (hundredPercentMicros + addedMicros) * rate.percentMicros,
        denominator,
      });
    }
  }

  for (const [rateId, taxes] of exactByRate) {
    let common = 1n;
    for (const tax of taxes) {
      common = (common / greatestCommonDivisor(common, tax.denominator)) * tax.denominator;
    }
    const weights = taxes.map((tax) => tax.numerator * (common / tax.denominator));
    let weightSum = 0n;
    for (const weight of weights) weightSum += weight;
    const total = divideAndRound(weightSum, common, mode);
    const shares = allocateByLargestRemainder(total, weights);
    taxes.forEach((tax, index) => {
      const share = shares[index] as bigint;
      tax.line.taxes.set(rateId, share);
      if (rates.get(rateId)?.inclusive) tax.line.included += share;
    });
  }
}
