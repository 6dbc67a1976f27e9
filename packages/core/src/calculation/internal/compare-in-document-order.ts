import type { ValidationIssue } from "../../errors/validation-error";

// The order in which the invoice-math contract lists an input's fields; "document order" of a
// problem is this order, then array positions.
const fieldRank: Record<string, number> = {
  currency: 0,
  lines: 1,
  taxRates: 2,
  discounts: 3,
  fees: 4,
  rounding: 5,
  id: 0,
  kind: 1,
  name: 1,
  type: 2,
  description: 2,
  quantity: 3,
  percent: 3,
  unitPrice: 4,
  value: 4,
  inclusive: 5,
  compound: 6,
  taxRateIds: 7,
  discount: 8,
  mode: 0,
  tax: 1,
};

function segmentsOf(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] === undefined ? (match[1] ?? "") : Number(match[2]));
  }
  return segments;
}

function rankOf(segment: string | number): number {
  return typeof segment === "number" ? segment : (fieldRank[segment] ?? 99);
}

/** Orders validation issues as their fields stand in an invoice input. */
export function compareInDocumentOrder(a: ValidationIssue, b: ValidationIssue): number {
  const left = segmentsOf(a.path);
  const right = segmentsOf(b.path);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = rankOf(left[index] ?? "") - rankOf(right[index] ?? "");
    if (difference !== 0) return difference;
  }
  // A whole-field problem (`lines[0].taxRateIds`) comes before one inside it.
  return left.length - right.length;
}
