const largestExactProduct = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Shares `total` (whole minor units) in proportion to `weights` by the largest-remainder method:
 * each exact share `total × weight / Σweights` is cut down to a whole unit, and the units still
 * missing go one each to the largest cut-off fractions, ties to the earlier position. Remainders
 * are compared as integers over the same denominator, so the comparison is exact. A zero weight
 * gets nothing.
 */
export function allocateByLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  let weightSum = 0n;
  let negative = false;
  for (const weight of weights) {
    weightSum += weight;
    if (weight < 0n) negative = true;
  }
  if (weightSum === 0n) return weights.map(() => 0n);
  if (!negative && total >= 0n && (total + 1n) * weightSum <= largestExactProduct) {
    const shares = allocateInNumbers(Number(total), weights.map(Number), Number(weightSum));
    const result: bigint[] = new Array(shares.length);
    for (let index = 0; index < shares.length; index++)
      result[index] = BigInt(shares[index] as number);
    return result;
  }
  const shares: bigint[] = new Array(weights.length);
  const remainders: bigint[] = new Array(weights.length);
  let allocated = 0n;
  for (let index = 0; index < weights.length; index++) {
    const scaled = total * (weights[index] as bigint);
    const share = scaled / weightSum;
    shares[index] = share;
    remainders[index] = scaled % weightSum;
    allocated += share;
  }
  let missing = Number(total - allocated);
  if (missing === 0) return shares;
  const order = [...weights.keys()].filter((index) => (remainders[index] as bigint) > 0n);
  order.sort((a, b) => {
    const left = remainders[a] as bigint;
    const right = remainders[b] as bigint;
    return left === right ? a - b : left > right ? -1 : 1;
  });
  for (const index of order) {
    if (missing === 0) break;
    shares[index] = (shares[index] as bigint) + 1n;
    missing--;
  }
  return shares;
}

/**
 * {@link allocateByLargestRemainder} in JS numbers, for whole non-negative numbers, or `undefined`
 * when (total + 1) × Σweights reaches 2^53 and numbers would no longer be exact.
 */
export function allocateNumbersByLargestRemainder(
  total: number,
  weights: readonly number[],
): number[] | undefined {
  let weightSum = 0;
  for (const weight of weights) weightSum += weight;
  if (weightSum === 0) return weights.map(() => 0);
  if ((total + 1) * weightSum > Number.MAX_SAFE_INTEGER) return undefined;
  return allocateInNumbers(total, weights, weightSum);
}

/**
 * The allocation in number arithmetic, for when (total + 1) × Σweights < 2^53: every product
 * and remainder is then an integer a double holds exactly, and each quotient's floor is exact (a
 * quotient q ≤ total falls at least 1/Σweights short of the next whole number, more than half a
 * unit in its last place, q × 2^-53). Most invoices take this path; it spares a bigint
 * multiplication, division and remainder per line and compares remainders as numbers.
 */
function allocateInNumbers(total: number, weights: readonly number[], weightSum: number): number[] {
  const count = weights.length;
  const shares: number[] = new Array(count);
  const remainders: number[] = new Array(count);
  let allocated = 0;
  for (let index = 0; index < count; index++) {
    const scaled = total * (weights[index] as number);
    const share = Math.floor(scaled / weightSum);
    shares[index] = share;
    remainders[index] = scaled - share * weightSum;
    allocated += share;
  }
  let missing = total - allocated;
  if (missing > 0) {
    // Every remainder is below Σweights and they add up to missing × Σweights, so more than
    // `missing` of them are positive and the missing-th largest, the threshold, is positive. The
    // units go to every remainder above it, then to those equal to it, earlier lines first. A
    // native sort of the remainders finds the threshold without a comparison callback.
    const sorted = Float64Array.from(remainders).sort();
    const threshold = sorted[count - missing] as number;
    for (let index = 0; index < count; index++) {
      if ((remainders[index] as number) > threshold) {
        shares[index] = (shares[index] as number) + 1;
        missing--;
      }
    }
    for (let index = 0; index < count && missing > 0; index++) {
      if (remainders[index] === threshold) {
        shares[index] = (shares[index] as number) + 1;
        missing--;
      }
    }
  }
  return shares;
}
