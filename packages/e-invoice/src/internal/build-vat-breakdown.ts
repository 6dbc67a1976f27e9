import {
  addMoney,
  type CalculatedLine,
  compareMoney,
  type ParsedInvoiceInput,
  roundMoney,
} from "@remit/core";
import Decimal from "decimal.js";
import type { En16931VatBreakdown } from "./en16931-invoice";
import type { ReportIssue } from "./report-issue";
import type { SourcedCategory } from "./resolve-vat-categories";

const Exact = Decimal.clone({ precision: 80 });

/**
 * The VAT breakdown (BG-23): one group per category and rate, summing the lines' amounts without
 * VAT and Remit's own taxes. Each group's tax must equal BR-CO-17's exact value (taxable × rate,
 * rounded half up to the currency's digits); where it does not, the issue names the setting that
 * made it differ (`rounding.tax`, `rounding.mode`, a rate's `inclusive`, two rates in one group).
 */
export function buildVatBreakdown(options: {
  currency: string;
  rounding: ParsedInvoiceInput["rounding"];
  itemLines: readonly CalculatedLine[];
  feeLines: readonly CalculatedLine[];
  lineCategories: readonly (SourcedCategory | undefined)[];
  chargeCategories: readonly (SourcedCategory | undefined)[];
  issue: ReportIssue;
}): En16931VatBreakdown[] {
  const { currency, itemLines, feeLines, lineCategories, chargeCategories, issue } = options;
  const groups = new Map<string, { breakdown: En16931VatBreakdown; sources: SourcedCategory[] }>();
  const addToGroup = (sourced: SourcedCategory | undefined, line: CalculatedLine) => {
    if (!sourced) return;
    const { category } = sourced;
    const key = `${category.code}|${category.percent ?? ""}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        breakdown: { category, taxableAmount: line.excludingTax, taxAmount: line.tax },
        sources: [sourced],
      });
      return;
    }
    group.breakdown.taxableAmount = addMoney(
      currency,
      group.breakdown.taxableAmount,
      line.excludingTax,
    );
    group.breakdown.taxAmount = addMoney(currency, group.breakdown.taxAmount, line.tax);
    if (!group.sources.some((source) => source.path === sourced.path)) group.sources.push(sourced);
  };
  itemLines.forEach((line, index) => {
    addToGroup(lineCategories[index], line);
  });
  feeLines.forEach((line, index) => {
    addToGroup(chargeCategories[index], line);
  });
  const vatBreakdown: En16931VatBreakdown[] = [];
  for (const { breakdown, sources } of groups.values()) {
    vatBreakdown.push(breakdown);
    const { category, taxableAmount, taxAmount } = breakdown;
    const expected = roundMoney(
      new Exact(taxableAmount)
        .times(category.percent ?? "0")
        .dividedBy(100)
        .toFixed(),
      currency,
      "half_up",
    );
    if (compareMoney(expected, taxAmount) === 0) continue;
    const what = `VAT ${category.code} ${category.percent ?? ""}% is ${taxAmount} on this invoice, but EN 16931 computes ${expected} from its taxable amount ${taxableAmount}`;
    const inclusive = sources.find((source) => source.inclusive);
    if (inclusive) {
      issue(
        `${inclusive.path}.inclusive`,
        `${what}: tax included in prices is taken out of the gross, which rounds differently here`,
        "BR-CO-17",
      );
    } else if (options.rounding.tax === "per_line") {
      issue(
        "invoice.content.rounding.tax",
        `${what}: tax is rounded per line; set rounding.tax to "per_document" on this invoice to follow EN 16931 exactly`,
        "BR-CO-17",
      );
    } else if (options.rounding.mode !== "half_up") {
      issue(
        "invoice.content.rounding.mode",
        `${what}: a half cent is rounded to even; set rounding.mode to "half_up" on this invoice`,
        "BR-CO-17",
      );
    } else {
      issue(
        `${sources[sources.length - 1]?.path ?? "invoice.content.taxRates"}.vatCategory`,
        `${what}: several tax rates of the same VAT category and percent are rounded apart; use one rate`,
        "BR-CO-17",
      );
    }
  }

  return vatBreakdown;
}
