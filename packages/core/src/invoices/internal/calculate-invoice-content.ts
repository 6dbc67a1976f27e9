import { calculateParsedInvoice } from "../../calculation/calculate-invoice";
import { checkInvoiceReferences } from "../../calculation/internal/check-invoice-references";
import { compareInDocumentOrder } from "../../calculation/internal/compare-in-document-order";
import { readCommonInvoiceInput } from "../../calculation/internal/read-common-invoice-input";
import type { InvoiceCalculation } from "../../calculation/invoice-calculation";
import {
  invoiceInputSchema,
  type ParsedInvoiceInput,
} from "../../calculation/invoice-input-schema";
import type { ValidationIssue } from "../../errors/validation-error";
import { formatIssuePath } from "../../validation/format-issue-path";
import type { InvoiceContent } from "../invoice";

/** The lines, taxes, discounts, fees and rounding of an invoice, before reading. */
export type RawInvoiceContent = {
  lines?: unknown;
  taxRates?: unknown;
  discounts?: unknown;
  fees?: unknown;
  rounding?: unknown;
  memo?: string | undefined;
};

/** The object without its `undefined` fields, so optional fields left out stay out of storage. */
function withoutUndefined<Value extends object>(value: Value): Value {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Value;
}

/** The content in canonical form: ids filled in, every figure the decimal string it was read as. */
function canonicalContent(parsed: ParsedInvoiceInput, memo: string | undefined): InvoiceContent {
  return {
    lines: parsed.lines.map((line, index) => ({
      id: line.id ?? `line-${index + 1}`,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity.text,
      unitPrice: line.unitPrice.text,
      taxRateIds: [...line.taxRateIds],
      ...(line.discount
        ? { discount: { type: line.discount.type, value: line.discount.value.text } }
        : {}),
      ...(line.unitCode === undefined ? {} : { unitCode: line.unitCode }),
    })),
    taxRates: parsed.taxRates.map((rate) =>
      withoutUndefined({ ...rate, percent: rate.percent.text }),
    ),
    discounts: parsed.discounts.map((discount, index) => ({
      id: discount.id ?? `discount-${index + 1}`,
      type: discount.type,
      value: discount.value.text,
    })),
    fees: parsed.fees.map((fee, index) => ({
      id: fee.id ?? `fee-${index + 1}`,
      description: fee.description,
      type: fee.type,
      value: fee.value.text,
      taxRateIds: [...fee.taxRateIds],
    })),
    rounding: { ...parsed.rounding },
    ...(memo === undefined ? {} : { memo }),
  };
}

/**
 * Reads an invoice's content in a currency and calculates it, or returns every problem found
 * (paths as in `calculateInvoice`: `lines[0].quantity`).
 */
export function calculateInvoiceContent(
  currency: string,
  raw: RawInvoiceContent,
):
  | { ok: true; content: InvoiceContent; totals: InvoiceCalculation }
  | { ok: false; issues: ValidationIssue[] } {
  const input = {
    currency,
    lines: raw.lines ?? [],
    taxRates: raw.taxRates,
    discounts: raw.discounts,
    fees: raw.fees,
    rounding: raw.rounding,
  };
  // The common valid input is read by hand (the same result as zod, far cheaper); anything else
  // goes through zod and the reference checks, which word every problem.
  const common = readCommonInvoiceInput(input);
  if (common) {
    return {
      ok: true,
      content: canonicalContent(common, raw.memo),
      totals: calculateParsedInvoice(common),
    };
  }
  const result = invoiceInputSchema.safeParse(input);
  const issues: ValidationIssue[] = [
    ...(result.error?.issues ?? []).map((issue) => ({
      path: formatIssuePath(issue.path),
      message: issue.message,
    })),
    ...checkInvoiceReferences(input),
  ];
  if (!result.success || issues.length > 0)
    return { ok: false, issues: issues.sort(compareInDocumentOrder) };
  return {
    ok: true,
    content: canonicalContent(result.data, raw.memo),
    totals: calculateParsedInvoice(result.data),
  };
}

/**
 * A new record's content (an invoice, a quote, a plan's lines) from its raw input: the tenant's
 * default tax rates when the input names none.
 */
export function calculateNewContent(
  currency: string,
  raw: Record<string, unknown>,
  options: { defaultTaxRates: unknown; memo: string | undefined },
): ReturnType<typeof calculateInvoiceContent> {
  return calculateInvoiceContent(currency, {
    lines: raw.lines,
    taxRates: raw.taxRates ?? options.defaultTaxRates,
    discounts: raw.discounts,
    fees: raw.fees,
    rounding: raw.rounding,
    memo: options.memo,
  });
}
