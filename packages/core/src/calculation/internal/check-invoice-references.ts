import type { ValidationIssue } from "../../errors/validation-error";
import { isCurrencyCode, minorUnitsOf } from "../../money/currencies";
import { readDecimal } from "../../money/decimal-value";

// These checks read the raw input defensively, so that they can report alongside zod's field
// problems: a form then learns of every problem at once, not one round trip at a time.

type Loose = Record<string, unknown>;

function asRecords(value: unknown): (Loose | undefined)[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) =>
    typeof item === "object" && item !== null ? (item as Loose) : undefined,
  );
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

type RateFlags = { inclusive: boolean; compound: boolean };

/** Cross-field rules of the invoice-math contract: ids, tax rate references, amount digits. */
export function checkInvoiceReferences(input: unknown): ValidationIssue[] {
  if (typeof input !== "object" || input === null) return [];
  const invoice = input as Loose;
  const issues: ValidationIssue[] = [];
  const lines = asRecords(invoice.lines);
  const fees = asRecords(invoice.fees);
  const taxRates = asRecords(invoice.taxRates);
  const discounts = asRecords(invoice.discounts);
  const rounding =
    typeof invoice.rounding === "object" && invoice.rounding !== null
      ? (invoice.rounding as Loose)
      : {};
  const perDocument = rounding.tax === "per_document";
  const minorUnits = isCurrencyCode(invoice.currency) ? minorUnitsOf(invoice.currency) : undefined;

  const rates = new Map<string, RateFlags>();
  taxRates.forEach((rate, index) => {
    const id = stringOrUndefined(rate?.id);
    const flags = { inclusive: rate?.inclusive === true, compound: rate?.compound === true };
    if (flags.inclusive && flags.compound) {
      issues.push({
        path: `taxRates[${index}].compound`,
        message: "a rate cannot be both inclusive and compound",
      });
    }
    if (id === undefined) return;
    if (rates.has(id)) {
      issues.push({
        path: `taxRates[${index}].id`,
        message: `tax rate id "${id}" is already used`,
      });
    } else {
      rates.set(id, flags);
    }
  });

  const checkRateIds = (owner: Loose | undefined, path: string) => {
    if (!Array.isArray(owner?.taxRateIds)) return;
    const seen = new Set<string>();
    let inclusive = 0;
    let compound = 0;
    owner.taxRateIds.forEach((rateId: unknown, position: number) => {
      if (typeof rateId !== "string" || rateId === "") return;
      const flags = rates.get(rateId);
      if (seen.has(rateId)) {
        issues.push({
          path: `${path}.taxRateIds[${position}]`,
          message: `tax rate "${rateId}" is listed twice`,
        });
        return;
      }
      seen.add(rateId);
      if (!flags) {
        issues.push({
          path: `${path}.taxRateIds[${position}]`,
          message: `no tax rate has id "${rateId}"`,
        });
        return;
      }
      // A rate that is itself both inclusive and compound is reported once, at the rate.
      if (flags.inclusive && flags.compound) return;
      if (flags.inclusive) inclusive++;
      if (flags.compound) compound++;
    });
    if (inclusive > 0 && compound > 0) {
      issues.push({
        path: `${path}.taxRateIds`,
        message: "cannot carry an inclusive and a compound rate together",
      });
    } else if (perDocument && inclusive > 1) {
      issues.push({
        path: `${path}.taxRateIds`,
        message: 'with tax rounding "per_document", at most one inclusive rate may apply',
      });
    }
  };

  const checkAmountDigits = (discount: Loose | undefined, path: string) => {
    if (minorUnits === undefined || discount?.type !== "amount") return;
    const value = readDecimal(discount.value);
    if (value && value.scale > minorUnits) {
      issues.push({
        path: `${path}.value`,
        message: `an amount in ${String(invoice.currency)} has at most ${minorUnits} decimals`,
      });
    }
  };

  const ids = new Set<string>();
  const claimId = (given: unknown, fallback: string, path: string) => {
    const id = given === undefined ? fallback : stringOrUndefined(given);
    if (id === undefined) return;
    if (ids.has(id))
      issues.push({
        path: `${path}.id`,
        message: `id "${id}" is already used by another line or fee`,
      });
    else ids.add(id);
  };

  lines.forEach((line, index) => {
    const path = `lines[${index}]`;
    claimId(line?.id, `line-${index + 1}`, path);
    if (line?.kind === "fee") {
      issues.push({
        path: `${path}.kind`,
        message: 'the kind "fee" is reserved for fees; add it under fees',
      });
    }
    checkRateIds(line, path);
    if (typeof line?.discount === "object" && line.discount !== null) {
      checkAmountDigits(line.discount as Loose, `${path}.discount`);
    }
  });
  const discountIds = new Set<string>();
  discounts.forEach((discount, index) => {
    const id = stringOrUndefined(discount?.id);
    if (id !== undefined) {
      if (discountIds.has(id))
        issues.push({
          path: `discounts[${index}].id`,
          message: `discount id "${id}" is already used`,
        });
      discountIds.add(id);
    }
    checkAmountDigits(discount, `discounts[${index}]`);
  });
  fees.forEach((fee, index) => {
    const path = `fees[${index}]`;
    claimId(fee?.id, `fee-${index + 1}`, path);
    checkRateIds(fee, path);
    checkAmountDigits(fee, path);
  });
  return issues;
}
