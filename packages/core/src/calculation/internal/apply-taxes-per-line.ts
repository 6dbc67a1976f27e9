import type { RoundingMode } from "../../money/rounding-mode";
import { divideAndRound } from "../../money/rounding-mode";
import { allocateByLargestRemainder } from "./allocate-by-largest-remainder";
import {
  hundredPercentMicros,
  ratesInApplicationOrder,
  type WorkingLine,
  type WorkingRate,
} from "./working-line";

/**
 * Tax rounded on each line (`rounding.tax: "per_line"`): the included taxes together, shared among
 * the included rates by their percents; then each added rate on the base; then compound rates on
 * the base plus the line's rounded added taxes.
 */
export function applyTaxesPerLine(
  lines: readonly WorkingLine[],
  rates: ReadonlyMap<string, WorkingRate>,
  mode: RoundingMode,
): void {
  for (const line of lines) {
    if (line.taxRateIds.length === 0) continue;
    const { included, added, compound } = ratesInApplicationOrder(line, rates);
    let includedTotal = 0n;
    if (included.length > 0) {
      let percentSum = 0n;
      for (const rate of included) percentSum += rate.percentMicros;
      includedTotal = divideAndRound(
        line.net * percentSum,
        hundredPercentMicros + percentSum,
        mode,
      );
      const shares = allocateByLargestRemainder(
        includedTotal,
        included.map((rate) => rate.percentMicros),
      );
      included.forEach((rate, index) => {
        line.taxes.set(rate.id, shares[index] as bigint);
      });
    }
    line.included = includedTotal;
    const base = line.net - includedTotal;
    let addedTotal = 0n;
    for (const rate of added) {
      const amount = divideAndRound(base * rate.percentMicros, hundredPercentMicros, mode);
      line.taxes.set(rate.id, amount);
      addedTotal += amount;
    }
    for (const rate of compound) {
      const amount = divideAndRound(
        (base + addedTotal) * rate.percentMicros,
        hundredPercentMicros,
        mode,
      );
      line.taxes.set(rate.id, amount);
    }
  }
}
