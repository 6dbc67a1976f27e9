import type { ParsedInvoiceInput } from "@remit/core";
import Decimal from "decimal.js";
import type { RenderEInvoiceInput } from "../render-e-invoice-input";
import type { En16931VatCategory } from "./en16931-invoice";
import type { ReportIssue } from "./report-issue";
import { vatCategoryRules } from "./vat-category-rules";

const Exact = Decimal.clone({ precision: 80 });

/** Which rate a line or fee carries: one, none (the tenant's untaxed category), or too many. */
export type RateOfLine =
  | { kind: "rate"; index: number }
  | { kind: "untaxed" }
  | { kind: "refused" };

/** A category together with where it came from, for messages. */
export type SourcedCategory = { category: En16931VatCategory; path: string; inclusive: boolean };

function normalizedPercent(percent: string): string {
  return new Exact(percent).toFixed();
}

/**
 * Finds each line's and fee's VAT category (its one tax rate's, or the tenant's for untaxed ones)
 * and checks it once against EN 16931's rules for that category: the rate (BR-x-05) and the
 * exemption reason (BR-x-10). Problems go to `issue`.
 */
export function createVatCategoryResolver(
  parsed: ParsedInvoiceInput,
  tenant: RenderEInvoiceInput["tenant"],
  issue: ReportIssue,
): {
  rateOfLine: (taxRateIds: readonly string[], path: string) => RateOfLine;
  categoryOf: (rate: RateOfLine) => SourcedCategory | undefined;
} {
  const rateOfLine = (taxRateIds: readonly string[], path: string): RateOfLine => {
    if (taxRateIds.length === 0) return { kind: "untaxed" };
    if (taxRateIds.length > 1) {
      issue(
        path,
        "EN 16931 allows one VAT category per line; this line carries several taxes",
        "BR-CO-04",
      );
      return { kind: "refused" };
    }
    const index = parsed.taxRates.findIndex((rate) => rate.id === taxRateIds[0]);
    return { kind: "rate", index };
  };
  const categories = new Map<string, SourcedCategory | undefined>();
  const categoryOf = (rate: RateOfLine): SourcedCategory | undefined => {
    if (rate.kind === "refused") return undefined;
    const key = rate.kind === "untaxed" ? "untaxed" : `rate-${rate.index}`;
    if (categories.has(key)) return categories.get(key);
    let sourced: SourcedCategory | undefined;
    if (rate.kind === "untaxed") {
      const untaxed = tenant.untaxedVatCategory;
      if (!untaxed) {
        issue(
          "tenant.untaxedVatCategory",
          "lines or fees without a tax rate need the tenant's VAT category for untaxed lines",
          "BR-CO-04",
        );
      } else {
        sourced = {
          path: "tenant.untaxedVatCategory",
          inclusive: false,
          category: {
            code: untaxed.code,
            percent: "0",
            ...(untaxed.exemptionReason ? { exemptionReason: untaxed.exemptionReason } : {}),
            ...(untaxed.exemptionReasonCode
              ? { exemptionReasonCode: untaxed.exemptionReasonCode }
              : {}),
          },
        };
      }
    } else {
      const rate_ = parsed.taxRates[rate.index];
      const path = `invoice.content.taxRates[${rate.index}]`;
      if (!rate_) sourced = undefined;
      else if (rate_.compound) {
        issue(`${path}.compound`, "EN 16931 has no compound taxes", "BR-CO-04");
      } else if (!rate_.vatCategory) {
        issue(
          `${path}.vatCategory`,
          "every tax rate of an e-invoice needs its VAT category",
          "BR-CO-04",
        );
      } else {
        sourced = {
          path,
          inclusive: rate_.inclusive,
          category: {
            code: rate_.vatCategory,
            percent: normalizedPercent(rate_.percent.text),
            ...(rate_.vatExemptionReason ? { exemptionReason: rate_.vatExemptionReason } : {}),
            ...(rate_.vatExemptionReasonCode
              ? { exemptionReasonCode: rate_.vatExemptionReasonCode }
              : {}),
          },
        };
      }
    }
    if (sourced) {
      checkCategory(sourced);
      // Outside the scope of VAT has no rate at all (BR-O-05, BR-O-06, BR-O-07, BR-O-09).
      if (sourced.category.code === "O") delete sourced.category.percent;
    }
    categories.set(key, sourced);
    return sourced;
  };
  const checkCategory = ({ category, path }: SourcedCategory) => {
    const rule = vatCategoryRules[category.code];
    const percent = new Exact(category.percent ?? "0");
    const percentPath = path === "tenant.untaxedVatCategory" ? `${path}.code` : `${path}.percent`;
    if (rule.percent === "positive" && percent.isZero()) {
      issue(percentPath, `a ${rule.label} rate must be above 0%`, `${rule.rules}-05`);
    }
    if (rule.percent === "zero" && !percent.isZero()) {
      issue(percentPath, `a ${rule.label} rate must be 0%`, `${rule.rules}-05`);
    }
    const hasReason = Boolean(category.exemptionReason || category.exemptionReasonCode);
    const reasonPath =
      path === "tenant.untaxedVatCategory"
        ? `${path}.exemptionReason`
        : `${path}.vatExemptionReason`;
    if (rule.exemptionReason === "required" && !hasReason) {
      issue(
        reasonPath,
        `${rule.label} needs an exemption reason (text or VATEX code)`,
        `${rule.rules}-10`,
      );
    }
    if (rule.exemptionReason === "forbidden" && hasReason) {
      issue(reasonPath, `${rule.label} takes no exemption reason`, `${rule.rules}-10`);
    }
  };

  return { rateOfLine, categoryOf };
}
