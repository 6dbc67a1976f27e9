import { allocateExactly, exact, type RoundProduct, tooLarge } from "./exact-number-arithmetic";
import type { NumberLine, NumberRate } from "./number-line";

const hundredPercentMicros = 100_000_000;

/**
 * A line's taxes in the number engine, as `applyTaxesPerLine` works them out: the included rates together, shared by
 * their percents; then each added rate on the base; then compound rates on the base plus the
 * added taxes.
 */
export function applyTaxesPerLineInNumbers(
  line: NumberLine,
  taxes: number[],
  rates: ReadonlyMap<string, NumberRate>,
  roundProduct: RoundProduct,
): void {
  const rateIds = line.taxRateIds;
  const count = rateIds.length;
  const offset = line.taxOffset;
  let includedPercent = 0;
  let includedCount = 0;
  for (let position = 0; position < count; position++) {
    const rateId = rateIds[position] as string;
    // The bigint engine keeps a line's taxes by rate id; a rate listed twice is its affair.
    for (let earlier = 0; earlier < position; earlier++) {
      if (rateIds[earlier] === rateId) throw tooLarge;
    }
    const rate = rates.get(rateId);
    if (rate?.inclusive) {
      includedPercent += rate.micros;
      includedCount++;
    }
  }
  let included = 0;
  if (includedCount > 0) {
    included = roundProduct(line.net, includedPercent, hundredPercentMicros + includedPercent);
    const positions: number[] = [];
    const weights: number[] = [];
    for (let position = 0; position < count; position++) {
      const rate = rates.get(rateIds[position] as string);
      if (rate?.inclusive) {
        positions.push(position);
        weights.push(rate.micros);
      }
    }
    const shares = allocateExactly(included, weights);
    positions.forEach((position, index) => {
      taxes[offset + position] = shares[index] as number;
    });
  }
  line.included = included;
  const base = line.net - included;
  let added = 0;
  for (let position = 0; position < count; position++) {
    const rate = rates.get(rateIds[position] as string);
    if (!rate || rate.inclusive || rate.compound) continue;
    const amount = roundProduct(base, rate.micros, hundredPercentMicros);
    taxes[offset + position] = amount;
    added = exact(added + amount);
  }
  for (let position = 0; position < count; position++) {
    const rate = rates.get(rateIds[position] as string);
    if (!rate?.compound || rate.inclusive) continue;
    taxes[offset + position] = roundProduct(exact(base + added), rate.micros, hundredPercentMicros);
  }
}
