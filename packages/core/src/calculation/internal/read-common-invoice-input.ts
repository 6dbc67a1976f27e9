import { isCurrencyCode, minorUnitsOf } from "../../money/currencies";
import type { DecimalValue } from "../../money/decimal-value";
import { isWellFormedText } from "../../validation/text-schema";
import {
  decimalLimits,
  invoiceLimits,
  type ParsedInvoiceInput,
  textLimits,
} from "../invoice-input-schema";
import { createDecimalReader } from "./create-decimal-reader";

// The common case is a valid invoice, and reading it with zod (then checking its references on
// the raw input again) costs four times the math. This reader accepts only input that zod and the
// reference checks would accept, and returns exactly what zod returns for it (same fields, same
// defaults, same key order, same DecimalValues); for anything else it returns `undefined` and
// `parseInvoiceInput` runs zod, which stays the contract and writes every message and path. A
// test compares the two on the golden fixtures and on random valid and invalid invoices.

type Loose = Record<string, unknown>;
type ParsedLine = ParsedInvoiceInput["lines"][number];
type ParsedRate = ParsedInvoiceInput["taxRates"][number];
type ParsedDiscount = ParsedInvoiceInput["discounts"][number];
type ParsedFee = ParsedInvoiceInput["fees"][number];
type ParsedLineDiscount = NonNullable<ParsedLine["discount"]>;
type RateFlags = { inclusive: boolean; compound: boolean };

const readQuantity = createDecimalReader(decimalLimits.quantity);
const readUnitPrice = createDecimalReader(decimalLimits.unitPrice);
const readAmount = createDecimalReader(decimalLimits.amount);
const readDiscountPercent = createDecimalReader(decimalLimits.discountPercent);
const readTaxPercent = createDecimalReader(decimalLimits.taxPercent);

const lineKinds = new Set(["labor", "material", "service", "other", "late_fee"]);

// Lines are copies of these templates, with their fields then set, never object literals: V8
// watches where each literal is made, and once most objects from one place outlive a young-
// generation collection (as every line of a 1,000-line invoice does) it makes all later ones
// straight in the old generation, which only a full collection frees. After one large invoice,
// every small one would then cost several times more in garbage collection. Copies of a
// template are not watched. (The same holds for decimal values and the engine's lines.)
const zeroDecimal: DecimalValue = { text: "0", units: 0n, scale: 0 };
const lineTemplate: ParsedLine = {
  kind: "service",
  description: "",
  quantity: zeroDecimal,
  unitPrice: zeroDecimal,
  taxRateIds: [],
};
const lineWithIdTemplate: ParsedLine = {
  id: "",
  kind: "service",
  description: "",
  quantity: zeroDecimal,
  unitPrice: zeroDecimal,
  taxRateIds: [],
};

/** As zod's `z.object` sees an object: not null, not an array. */
function isObject(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An optional id as zod reads it: absent, present but undefined, or a non-empty string. */
function isOptionalId(value: unknown): boolean {
  return (
    value === undefined || (typeof value === "string" && value !== "" && isWellFormedText(value))
  );
}

/** A text with a default: `undefined` gives `""`; anything but a short enough string, `null`. */
function readText(value: unknown, maxLength: number): string | null {
  if (value === undefined) return "";
  return typeof value === "string" && value.length <= maxLength && isWellFormedText(value)
    ? value
    : null;
}

/** A flag with a default of `false`; anything but a boolean, `null`. */
function readFlag(value: unknown): boolean | null {
  if (value === undefined) return false;
  return typeof value === "boolean" ? value : null;
}

/** A percent or amount discount, its amount within the currency's digits. */
function readDiscount(raw: Loose, minorUnits: number): ParsedLineDiscount | undefined {
  const type = raw.type;
  if (type === "percent") {
    const value = readDiscountPercent(raw.value);
    return value && { type, value };
  }
  if (type === "amount") {
    const value = readAmount(raw.value);
    return value && value.scale <= minorUnits ? { type, value } : undefined;
  }
  return undefined;
}

/**
 * The invoice input as `parseInvoiceInput` returns it, when it is valid and of the common shape
 * (decimals as plain strings or finite numbers, every rule kept); `undefined` otherwise, and then
 * zod decides and reports.
 */
export function readCommonInvoiceInput(input: unknown): ParsedInvoiceInput | undefined {
  if (!isObject(input)) return undefined;
  const currency = input.currency;
  if (!isCurrencyCode(currency)) return undefined;
  const minorUnits = minorUnitsOf(currency);

  const rawRounding = input.rounding;
  let rounding: ParsedInvoiceInput["rounding"];
  if (rawRounding === undefined) rounding = { mode: "half_up", tax: "per_line" };
  else {
    if (!isObject(rawRounding)) return undefined;
    // A default replaces `undefined` only, never `null`, as in zod.
    const mode = rawRounding.mode === undefined ? "half_up" : rawRounding.mode;
    const tax = rawRounding.tax === undefined ? "per_line" : rawRounding.tax;
    if (mode !== "half_up" && mode !== "half_even") return undefined;
    if (tax !== "per_line" && tax !== "per_document") return undefined;
    rounding = { mode, tax };
  }

  const rawRates = input.taxRates === undefined ? [] : input.taxRates;
  if (!Array.isArray(rawRates) || rawRates.length > invoiceLimits.maxTaxRates) return undefined;
  const taxRates: ParsedRate[] = [];
  const rates = new Map<string, RateFlags>();
  for (let index = 0; index < rawRates.length; index++) {
    const raw: unknown = rawRates[index];
    if (!isObject(raw)) return undefined;
    const id = raw.id;
    if (typeof id !== "string" || id === "" || !isWellFormedText(id) || rates.has(id))
      return undefined;
    const name = readText(raw.name, textLimits.name);
    const percent = readTaxPercent(raw.percent);
    const inclusive = readFlag(raw.inclusive);
    const compound = readFlag(raw.compound);
    if (name === null || !percent || inclusive === null || compound === null) return undefined;
    if (inclusive && compound) return undefined;
    // A rate with e-invoice fields (VAT category, exemption) is left to zod, which checks them.
    if (
      raw.vatCategory !== undefined ||
      raw.vatExemptionReason !== undefined ||
      raw.vatExemptionReasonCode !== undefined
    ) {
      return undefined;
    }
    rates.set(id, { inclusive, compound });
    taxRates.push({ id, name, percent, inclusive, compound });
  }

  const perDocument = rounding.tax === "per_document";
  // A copy of a line's or fee's rate ids, when each is known, listed once, and the mix allowed.
  const readRateIds = (value: unknown): string[] | undefined => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length > invoiceLimits.maxTaxRates) return undefined;
    const rateIds: string[] = new Array(value.length);
    let inclusive = 0;
    let compound = 0;
    for (let position = 0; position < value.length; position++) {
      const rateId: unknown = value[position];
      if (typeof rateId !== "string") return undefined;
      const flags = rates.get(rateId);
      if (!flags) return undefined;
      for (let earlier = 0; earlier < position; earlier++) {
        if (rateIds[earlier] === rateId) return undefined;
      }
      if (flags.inclusive) inclusive++;
      if (flags.compound) compound++;
      rateIds[position] = rateId;
    }
    if (inclusive > 0 && compound > 0) return undefined;
    if (perDocument && inclusive > 1) return undefined;
    return rateIds;
  };

  // Line and fee ids, given or by position, are unique together.
  const ids: string[] = [];

  const rawLines = input.lines;
  if (!Array.isArray(rawLines) || rawLines.length > invoiceLimits.maxLines) return undefined;
  const lines: ParsedLine[] = new Array(rawLines.length);
  for (let index = 0; index < rawLines.length; index++) {
    const raw: unknown = rawLines[index];
    if (!isObject(raw)) return undefined;
    const hasId = "id" in raw;
    const id = raw.id;
    if (!isOptionalId(id)) return undefined;
    ids.push(id === undefined ? `line-${index + 1}` : (id as string));
    const rawKind = raw.kind;
    const kind = rawKind === undefined ? "service" : rawKind;
    if (typeof kind !== "string" || !lineKinds.has(kind)) return undefined;
    const description = readText(raw.description, textLimits.description);
    const quantity = readQuantity(raw.quantity);
    const unitPrice = readUnitPrice(raw.unitPrice);
    const taxRateIds = readRateIds(raw.taxRateIds);
    if (description === null || !quantity || !unitPrice || !taxRateIds) return undefined;
    const line: ParsedLine = hasId ? { ...lineWithIdTemplate } : { ...lineTemplate };
    if (hasId) line.id = id as string | undefined;
    line.kind = kind as ParsedLine["kind"];
    line.description = description;
    line.quantity = quantity;
    line.unitPrice = unitPrice;
    line.taxRateIds = taxRateIds;
    if ("discount" in raw) {
      const rawDiscount = raw.discount;
      if (rawDiscount === undefined) line.discount = undefined;
      else {
        const discount = isObject(rawDiscount) ? readDiscount(rawDiscount, minorUnits) : undefined;
        if (!discount) return undefined;
        line.discount = discount;
      }
    }
    const unitCode = raw.unitCode;
    if (unitCode !== undefined) {
      // The same rule as `unitCodeSchema`; the pattern admits no ill-formed text.
      if (typeof unitCode !== "string" || !/^[A-Z0-9]{2,3}$/.test(unitCode)) return undefined;
      line.unitCode = unitCode;
    }
    lines[index] = line;
  }

  const rawDiscounts = input.discounts === undefined ? [] : input.discounts;
  if (!Array.isArray(rawDiscounts) || rawDiscounts.length > invoiceLimits.maxDiscounts) {
    return undefined;
  }
  const discounts: ParsedDiscount[] = new Array(rawDiscounts.length);
  const discountIds = new Set<string>();
  for (let index = 0; index < rawDiscounts.length; index++) {
    const raw: unknown = rawDiscounts[index];
    if (!isObject(raw)) return undefined;
    const id = raw.id;
    if (!isOptionalId(id)) return undefined;
    if (id !== undefined) {
      if (discountIds.has(id as string)) return undefined;
      discountIds.add(id as string);
    }
    const discount = readDiscount(raw, minorUnits);
    if (!discount) return undefined;
    discounts[index] =
      "id" in raw
        ? { id: id as string | undefined, type: discount.type, value: discount.value }
        : discount;
  }

  const rawFees = input.fees === undefined ? [] : input.fees;
  if (!Array.isArray(rawFees) || rawFees.length > invoiceLimits.maxFees) return undefined;
  const fees: ParsedFee[] = new Array(rawFees.length);
  for (let index = 0; index < rawFees.length; index++) {
    const raw: unknown = rawFees[index];
    if (!isObject(raw)) return undefined;
    const id = raw.id;
    if (!isOptionalId(id)) return undefined;
    ids.push(id === undefined ? `fee-${index + 1}` : (id as string));
    const description = readText(raw.description, textLimits.description);
    const taxRateIds = readRateIds(raw.taxRateIds);
    const discount = readDiscount(raw, minorUnits);
    if (description === null || !taxRateIds || !discount) return undefined;
    const { type, value }: { type: ParsedFee["type"]; value: DecimalValue } = discount;
    fees[index] =
      "id" in raw
        ? { id: id as string | undefined, description, taxRateIds, type, value }
        : { description, taxRateIds, type, value };
  }

  if (!allDifferent(ids)) return undefined;

  return { currency, lines, taxRates, discounts, fees, rounding };
}

/** Whether no text is listed twice: compared pairwise when few, through a Set when many. */
function allDifferent(texts: readonly string[]): boolean {
  const count = texts.length;
  if (count > 32) return new Set(texts).size === count;
  for (let index = 1; index < count; index++) {
    const text = texts[index];
    for (let earlier = 0; earlier < index; earlier++) if (texts[earlier] === text) return false;
  }
  return true;
}
