/**
 * Shares `total` (whole minor units) in proportion to `weights` by the largest-remainder method:
 * each exact share `total × weight / Σweights` is cut down to a whole unit, and the units still
 * missing go one each to the largest cut-off fractions, ties to the earlier position. Remainders
 * are compared as integers over the same denominator, so the comparison is exact. A zero weight
 * gets nothing.
 */
export function allocateByLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  let weightSum = 0n;
  for (const weight of weights) weightSum += weight;
  if (weightSum === 0n) return weights.map(() => 0n);
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
