import fc from "fast-check";
import type { InvoiceInput } from "../../../src/index";
import { invoiceInputArbitrary } from "./invoice-arbitraries";

// Arbitraries for inputs near the valid ones, valid or not: a random valid invoice with one to
// three changes at random places (a value replaced, a key removed or added, an array entry
// repeated), and valid invoices written in the other ways the contract allows (JS numbers,
// explicit `undefined`, extra fields). Meant for comparing two readers of the same input.

/** Values that break a field, or keep it valid in an unusual way, or hit a limit exactly. */
const awkwardValues: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  0.5,
  2.675,
  1e-7,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "0",
  "00",
  "007",
  "-0",
  "+1",
  "1e3",
  ".5",
  "5.",
  "1..2",
  "12,50",
  " 12",
  "12 ",
  "٣",
  "0.000000",
  "0.0000001",
  "4.999",
  "1.5",
  "100",
  "100.0",
  "100.000000",
  "100.000001",
  "101",
  "1000",
  "1000.000001",
  "999999999.999999",
  "1000000000",
  "999999999999.9999999999",
  "1000000000000",
  "1.00000000001",
  "999999999999999",
  "999999999999999.99",
  "1000000000000000",
  "12345678901234567890",
  "fee",
  "labor",
  "material",
  "percent",
  "amount",
  "half_up",
  "half_even",
  "per_line",
  "per_document",
  "per_invoice",
  "USD",
  "JPY",
  "KWD",
  "usd",
  "tax-1",
  "tax-2",
  "line-1",
  "line-2",
  "fee-1",
  "item-1",
  "charge-1",
  "discount-1",
  "x".repeat(201),
  "x".repeat(5_001),
  {},
  [],
  ["tax-1"],
  ["tax-1", "tax-1"],
  ["tax-2", "tax-1"],
  ["nope"],
  [""],
  [1],
  { type: "percent", value: "10" },
  { type: "amount", value: "4.999" },
  { type: "amount", value: "5" },
  { type: "other", value: "5" },
  { mode: "half_even" },
  { tax: "per_document" },
  { id: "tax-1", percent: "5", inclusive: true },
  { id: "tax-1", percent: "5", compound: true },
  { id: "tax-9", percent: "5", inclusive: true, compound: true },
  { quantity: "1", unitPrice: "1" },
  { quantity: "1", unitPrice: "1", id: "fee-1" },
  { type: "amount", value: "1", id: "line-1" },
  Object.assign(Object.create(null), { quantity: "2", unitPrice: "3" }),
  new Date(0),
];

/** Keys worth adding to an object: every field name the input has, and one it does not. */
const fieldNames = [
  "id",
  "kind",
  "description",
  "quantity",
  "unitPrice",
  "taxRateIds",
  "discount",
  "name",
  "percent",
  "inclusive",
  "compound",
  "type",
  "value",
  "mode",
  "tax",
  "currency",
  "lines",
  "taxRates",
  "discounts",
  "fees",
  "rounding",
  "unknownField",
] as const;

type Container = Record<string | number, unknown>;

/** Every object and array in `value`, the root first. */
function containersOf(value: unknown, found: Container[] = []): Container[] {
  if (typeof value !== "object" || value === null) return found;
  found.push(value as Container);
  for (const child of Object.values(value)) containersOf(child, found);
  return found;
}

type Mutation = { container: number; key: number; kind: number; value: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  container: fc.nat(),
  key: fc.nat(),
  kind: fc.nat({ max: 9 }),
  value: fc.nat({ max: awkwardValues.length - 1 }),
});

/** A fresh copy of an awkward value, so that no run changes the shared list. */
function copyOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Object.getPrototypeOf(value) === null) return Object.assign(Object.create(null), value);
  return structuredClone(value);
}

function applyMutation(root: unknown, mutation: Mutation): void {
  const containers = containersOf(root);
  const container = containers[mutation.container % containers.length] as Container;
  const keys = Object.keys(container);
  const value = copyOf(awkwardValues[mutation.value]);
  if (Array.isArray(container)) {
    const index = keys.length === 0 ? 0 : mutation.key % keys.length;
    if (mutation.kind === 0) container.push(structuredClone(container[index]));
    else if (mutation.kind === 1) container.splice(index, 1);
    else container[index] = value;
    return;
  }
  if (mutation.kind <= 1 || keys.length === 0) {
    container[fieldNames[mutation.key % fieldNames.length] as string] = value;
  } else if (mutation.kind === 2) {
    delete container[keys[mutation.key % keys.length] as string];
  } else {
    container[keys[mutation.key % keys.length] as string] = value;
  }
}

/** A valid invoice with one to three changes: often invalid, sometimes still valid. */
export const mutatedInvoiceArbitrary: fc.Arbitrary<unknown> = fc
  .tuple(invoiceInputArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }))
  .map(([invoice, mutations]) => {
    const copy = structuredClone(invoice);
    for (const mutation of mutations) applyMutation(copy, mutation);
    return copy;
  });

/** Decimal strings a JS number writes the same way (`"19.99"` → `19.99`), so still valid. */
function asNumberWhereExact(text: unknown): unknown {
  if (typeof text !== "string") return text;
  const number = Number(text);
  return String(number) === text ? number : text;
}

/**
 * A valid invoice written in the other ways the contract allows: some decimals as JS numbers,
 * optional fields given as `undefined`, unknown extra fields.
 */
export const validInvoiceVariantArbitrary: fc.Arbitrary<InvoiceInput> = fc
  .tuple(invoiceInputArbitrary, fc.boolean(), fc.boolean(), fc.boolean())
  .map(([invoice, numbers, undefinedFields, extraFields]) => {
    const copy = structuredClone(invoice) as InvoiceInput & Container;
    for (const line of copy.lines as Container[]) {
      if (numbers) {
        line.quantity = asNumberWhereExact(line.quantity);
        line.unitPrice = asNumberWhereExact(line.unitPrice);
      }
      if (undefinedFields) {
        for (const key of ["id", "kind", "description", "taxRateIds", "discount"]) {
          if (!(key in line)) line[key] = undefined;
        }
      }
      if (extraFields) line.sku = "SKU-1";
    }
    for (const rate of (copy.taxRates ?? []) as Container[]) {
      if (numbers) rate.percent = asNumberWhereExact(rate.percent);
      if (undefinedFields && !("name" in rate)) rate.name = undefined;
    }
    for (const entry of [...(copy.discounts ?? []), ...(copy.fees ?? [])] as Container[]) {
      if (numbers) entry.value = asNumberWhereExact(entry.value);
      if (undefinedFields && !("id" in entry)) entry.id = undefined;
      if (extraFields) entry.note = "extra";
    }
    if (undefinedFields) {
      for (const key of ["taxRates", "discounts", "fees", "rounding"]) {
        if (!(key in copy)) copy[key] = undefined;
      }
    }
    if (extraFields) copy.customerId = "cus_1";
    return copy;
  });
