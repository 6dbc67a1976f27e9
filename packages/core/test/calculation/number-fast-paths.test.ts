import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateByLargestRemainder } from "../../src/calculation/internal/allocate-by-largest-remainder";
import { createMoneyFormatter } from "../../src/calculation/internal/create-money-formatter";
import { formatMinorUnits } from "../../src/money/minor-units";

// The engine does some of its integer work in JS numbers where they are exact (below 2^53) and
// in bigints elsewhere. These tests hold each number path to the plain bigint answer, with
// values on both sides of the 2^53 boundary.

const limit = BigInt(Number.MAX_SAFE_INTEGER);

/** Largest remainder, written plainly with bigints, as the contract states it. */
function referenceAllocation(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) return weights.map(() => 0n);
  const shares = weights.map((weight) => (total * weight) / weightSum);
  const remainders = weights.map((weight) => (total * weight) % weightSum);
  let missing = total - shares.reduce((sum, share) => sum + share, 0n);
  const order = weights
    .map((_, index) => index)
    .filter((index) => (remainders[index] as bigint) > 0n)
    .sort((a, b) => {
      const difference = (remainders[b] as bigint) - (remainders[a] as bigint);
      return difference === 0n ? a - b : difference > 0n ? 1 : -1;
    });
  for (const index of order) {
    if (missing === 0n) break;
    shares[index] = (shares[index] as bigint) + 1n;
    missing--;
  }
  return shares;
}

const amountArbitrary = fc.oneof(
  fc.bigInt({ min: 0n, max: 10_000n }),
  fc.bigInt({ min: 0n, max: 10n ** 12n }),
  fc.bigInt({ min: limit - 1_000n, max: limit + 1_000n }),
  fc.bigInt({ min: 0n, max: 10n ** 30n }),
);

describe("number fast paths - same answers as bigints", () => {
  it("createMoneyFormatter - prints every amount as formatMinorUnits does", () => {
    fc.assert(
      fc.property(
        fc.oneof(amountArbitrary, fc.bigInt({ min: -(10n ** 20n), max: 0n })),
        fc.constantFrom(0, 2, 3, 4),
        (amount, minorUnits) => {
          expect(createMoneyFormatter(minorUnits)(amount)).toBe(
            formatMinorUnits(amount, minorUnits),
          );
        },
      ),
      { numRuns: 5_000 },
    );
    for (const minorUnits of [0, 2, 3, 4]) {
      const money = createMoneyFormatter(minorUnits);
      for (const amount of [0n, 1n, 9n, 10n, 99n, 100n, 101n, 1_000n, 10_001n, limit, limit + 1n]) {
        expect(money(amount)).toBe(formatMinorUnits(amount, minorUnits));
      }
    }
  });

  it("allocateByLargestRemainder - shares as the plain bigint method does, on both paths", () => {
    const weightArbitrary = fc.oneof(
      fc.bigInt({ min: 0n, max: 100n }),
      fc.bigInt({ min: 0n, max: 10n ** 8n }),
      fc.bigInt({ min: 0n, max: 10n ** 20n }),
    );
    fc.assert(
      fc.property(
        amountArbitrary,
        fc.array(weightArbitrary, { maxLength: 40 }),
        (total, weights) => {
          const shares = allocateByLargestRemainder(total, weights);
          expect(shares).toEqual(referenceAllocation(total, weights));
          if (weights.some((weight) => weight > 0n)) {
            expect(shares.reduce((sum, share) => sum + share, 0n)).toBe(total);
          }
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("allocateByLargestRemainder - breaks ties to the earlier line and gives zero weights nothing", () => {
    expect(allocateByLargestRemainder(2n, [1n, 0n, 1n, 1n])).toEqual([1n, 0n, 1n, 0n]);
    expect(allocateByLargestRemainder(100n, [3n, 3n, 3n])).toEqual([34n, 33n, 33n]);
    // Products right at 2^53: the number path must still cut and compare exactly.
    const weight = limit / 3n;
    const total = 3n;
    expect(allocateByLargestRemainder(total, [weight, weight, weight + 1n])).toEqual(
      referenceAllocation(total, [weight, weight, weight + 1n]),
    );
  });
});
