import {
  addMoney,
  type CalculatedLine,
  calculateParsedInvoice,
  compareMoney,
  type InvoiceCalculation,
  isZeroMoney,
  minorUnitsOf,
  type ParsedInvoiceInput,
  parseInvoiceInput,
  parseWithSchema,
  roundMoney,
  stableStringify,
  subtractMoney,
  type VatCategoryCode,
} from "@remit/core";
import Decimal from "decimal.js";
import type { EInvoiceIssue } from "../e-invoice-error";
import { type RenderEInvoiceInput, renderEInvoiceInputSchema } from "../render-e-invoice-input";
import type {
  En16931Address,
  En16931Charge,
  En16931Invoice,
  En16931Line,
  En16931PaymentMeans,
  En16931VatBreakdown,
  En16931VatCategory,
} from "./en16931-invoice";
import { vatCategoryRules } from "./vat-category-rules";

// Exact products: amounts below 10^15 times percents of at most 6 decimals fit easily.
const Exact = Decimal.clone({ precision: 80 });

type Address = {
  line1?: string | undefined;
  line2?: string | undefined;
  city?: string | undefined;
  region?: string | undefined;
  postalCode?: string | undefined;
  country?: string | undefined;
};

type RateOfLine = { kind: "rate"; index: number } | { kind: "untaxed" } | { kind: "refused" };

/** A category together with where it came from, for messages. */
type SourcedCategory = { category: En16931VatCategory; path: string; inclusive: boolean };

function toAddress(address: Address | null | undefined): En16931Address | undefined {
  if (!address?.country) return undefined;
  const result: En16931Address = { country: address.country };
  if (address.line1) result.line1 = address.line1;
  if (address.line2) result.line2 = address.line2;
  if (address.city) result.city = address.city;
  if (address.postalCode) result.postalCode = address.postalCode;
  if (address.region) result.region = address.region;
  return result;
}

function paymentTermsText(terms: unknown, dueDate: string | null): string | undefined {
  if (terms === "due_on_receipt") return "Due on receipt";
  if (typeof terms === "string" && terms.startsWith("net_")) {
    const days = terms.slice("net_".length);
    return dueDate ? `Net ${days} days, due ${dueDate}` : `Net ${days} days`;
  }
  if (dueDate) return `Due ${dueDate}`;
  return undefined;
}

function normalizedPercent(percent: string): string {
  return new Exact(percent).toFixed();
}

/**
 * Maps a Remit invoice and its seller onto EN 16931's model, or lists every reason it cannot be
 * (missing data, math the norm cannot express, totals that would differ from BR-CO-17). The
 * figures are `calculateInvoice`'s, never recomputed: the content is calculated again and must
 * give the invoice's stored totals.
 */
export function mapToEn16931(
  rawInput: RenderEInvoiceInput,
): { ok: true; invoice: En16931Invoice } | { ok: false; issues: EInvoiceIssue[] } {
  parseWithSchema(renderEInvoiceInputSchema, rawInput);
  const { invoice, tenant } = rawInput;
  const issues: EInvoiceIssue[] = [];
  const issue = (path: string, message: string, rule?: string) =>
    issues.push(rule ? { path, message, rule } : { path, message });

  const currency = invoice.currency;
  if (minorUnitsOf(currency) > 2) {
    issue(
      "invoice.currency",
      `${currency} has ${minorUnitsOf(currency)} decimals; EN 16931 writes amounts with at most 2`,
      "BR-DEC-23",
    );
  }
  if (!invoice.number)
    issue("invoice.number", "the invoice is not issued yet (no number)", "BR-02");
  if (!invoice.issueDate) issue("invoice.issueDate", "the invoice is not issued yet", "BR-03");

  const parsed: ParsedInvoiceInput = parseInvoiceInput({ ...invoice.content, currency });
  const totals: InvoiceCalculation = calculateParsedInvoice(parsed);
  if (stableStringify(totals) !== stableStringify(invoice.totals)) {
    issue(
      "invoice.totals",
      "differ from what calculateInvoice gives for the invoice's content; pass the invoice as stored",
    );
  }

  // XML Schema processors need handle no more than 18 digits in a decimal (the official rules sum
  // amounts as xs:decimal), so amounts stay below 10^16 with their 2 decimals.
  if (new Exact(totals.subtotal).plus(totals.feeTotal).plus(totals.taxTotal).gte("1e16")) {
    issue(
      "invoice.totals.total",
      "amounts of 10^16 or more exceed the 18 digits that XML processors must handle",
      "xs:decimal",
    );
  }

  // The seller.
  const sellerAddress = toAddress(tenant.address);
  if (!tenant.legalName) {
    issue("tenant.legalName", "the seller's registered name is required", "BR-06");
  }
  if (!sellerAddress) {
    issue("tenant.address.country", "the seller's address with its country is required", "BR-09");
  }
  // The buyer.
  const customer = invoice.customer;
  const buyerAddress = toAddress(customer?.billingAddress);
  if (!customer) issue("invoice.customer", "the invoice has no customer", "BR-07");
  else if (!buyerAddress) {
    issue(
      "invoice.customer.billingAddress.country",
      "the customer's billing address with its country is required",
      "BR-11",
    );
  }

  // Each line's VAT category: one rate per line, never compound; untaxed lines take the tenant's.
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

  // Lines.
  if (parsed.lines.length === 0) {
    issue("invoice.content.lines", "an e-invoice has at least one line", "BR-16");
  }
  const itemLines = totals.lines.filter((line) => line.kind !== "fee");
  const feeLines = totals.lines.filter((line) => line.kind === "fee");
  const lines: En16931Line[] = [];
  const lineCategories: (SourcedCategory | undefined)[] = [];
  itemLines.forEach((line, index) => {
    const input = parsed.lines[index];
    const path = `invoice.content.lines[${index}]`;
    const sourced = categoryOf(rateOfLine(input?.taxRateIds ?? [], `${path}.taxRateIds`));
    lineCategories.push(sourced);
    if (!input?.unitCode) {
      issue(
        `${path}.unitCode`,
        'needs a UN/ECE Recommendation 20 unit such as "HUR" or "C62"',
        "BR-23",
      );
    }
    if (!line.description.trim())
      issue(`${path}.description`, "an e-invoice line needs a name", "BR-25");
    if (!sourced || !input?.unitCode) return;
    lines.push(toEn16931Line(line, input.unitCode, sourced));
  });

  // Fees become document-level charges.
  const charges: En16931Charge[] = [];
  const chargeCategories: (SourcedCategory | undefined)[] = [];
  feeLines.forEach((line, index) => {
    const input = parsed.fees[index];
    const path = `invoice.content.fees[${index}]`;
    const sourced = categoryOf(rateOfLine(input?.taxRateIds ?? [], `${path}.taxRateIds`));
    chargeCategories.push(sourced);
    if (!line.description.trim()) {
      issue(`${path}.description`, "an e-invoice charge needs a reason", "BR-38");
    }
    if (!sourced) return;
    charges.push({
      amount: line.excludingTax,
      reason: line.description,
      category: sourced.category,
    });
  });

  // Parties against the categories used (BR-x-02, BR-O-*, BR-CO-26).
  const used = new Map<VatCategoryCode, SourcedCategory>();
  for (const sourced of [...lineCategories, ...chargeCategories]) {
    if (sourced && !used.has(sourced.category.code)) used.set(sourced.category.code, sourced);
  }
  const outsideScope = used.has("O");
  if (outsideScope && used.size > 1) {
    issue(
      used.get("O")?.path ?? "tenant.untaxedVatCategory",
      "an invoice with lines outside the scope of VAT (O) may have no other VAT category",
      "BR-O-11",
    );
  }
  for (const code of used.keys()) {
    const rule = vatCategoryRules[code];
    if (rule.sellerId === "vat" && !tenant.vatId) {
      issue("tenant.vatId", `${rule.label} needs the seller's VAT number`, `${rule.rules}-02`);
    }
    if (rule.sellerId === "vat_or_tax_registration" && !tenant.vatId && !tenant.taxRegistrationId) {
      issue(
        "tenant.vatId",
        `${rule.label} needs the seller's VAT number or tax registration number`,
        `${rule.rules}-02`,
      );
    }
    if (rule.buyerId === "vat" && customer && !customer.vatId) {
      issue(
        "invoice.customer.vatId",
        `${rule.label} needs the customer's VAT number`,
        `${rule.rules}-02`,
      );
    }
    if (rule.buyerId === "vat_or_legal_registration" && customer) {
      if (!customer.vatId && !customer.legalRegistrationId) {
        issue(
          "invoice.customer.vatId",
          `${rule.label} needs the customer's VAT number or company registration number`,
          `${rule.rules}-02`,
        );
      }
    }
    if (code === "K") {
      if (!rawInput.deliveryDate) {
        issue("deliveryDate", "an intra-community supply (K) needs the delivery date", "BR-IC-11");
      }
      if (!rawInput.site?.country) {
        issue(
          "site.country",
          "an intra-community supply (K) needs the delivery country",
          "BR-IC-12",
        );
      }
    }
  }
  // Outside the scope of VAT, the document carries no VAT numbers (BR-O-02), so the seller is
  // identified by its company register number (BR-CO-26).
  if (outsideScope ? !tenant.legalRegistrationId : !tenant.vatId && !tenant.legalRegistrationId) {
    issue(
      outsideScope ? "tenant.legalRegistrationId" : "tenant.vatId",
      outsideScope
        ? "an invoice outside the scope of VAT carries no VAT number, so it needs the seller's company registration number"
        : "the seller needs a VAT number or a company registration number",
      "BR-CO-26",
    );
  }

  // The VAT breakdown, per category and rate, checked against BR-CO-17 exactly.
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
    } else if (parsed.rounding.tax === "per_line") {
      issue(
        "invoice.content.rounding.tax",
        `${what}: tax is rounded per line; set rounding.tax to "per_document" on this invoice to follow EN 16931 exactly`,
        "BR-CO-17",
      );
    } else if (parsed.rounding.mode !== "half_up") {
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

  if (issues.length > 0) return { ok: false, issues };

  // The document totals, from Remit's figures; they must add up to Remit's total exactly.
  const lineNet = addMoney(currency, "0", ...lines.map((line) => line.netAmount));
  const chargeTotal = addMoney(currency, "0", ...charges.map((charge) => charge.amount));
  const taxExclusive = addMoney(currency, lineNet, chargeTotal);
  const tax = addMoney(currency, "0", ...vatBreakdown.map((group) => group.taxAmount));
  const taxInclusive = addMoney(currency, taxExclusive, tax);
  if (taxInclusive !== totals.total || tax !== totals.taxTotal) {
    // Cannot happen: every figure is a part of calculateInvoice's, whose parts add up.
    throw new Error(
      `EN 16931 totals ${taxInclusive}/${tax} differ from ${totals.total}/${totals.taxTotal}`,
    );
  }
  const paid = roundMoney(invoice.amountPaid, currency);
  const seller = {
    name: tenant.legalName as string,
    ...(tenant.name && tenant.name !== tenant.legalName ? { tradingName: tenant.name } : {}),
    ...(tenant.legalRegistrationId ? { legalRegistrationId: tenant.legalRegistrationId } : {}),
    ...(tenant.vatId && !outsideScope ? { vatId: tenant.vatId } : {}),
    ...(tenant.taxRegistrationId ? { taxRegistrationId: tenant.taxRegistrationId } : {}),
    address: sellerAddress as En16931Address,
    ...(tenant.email ? { email: tenant.email } : {}),
    ...(tenant.phone ? { phone: tenant.phone } : {}),
  };
  const buyer = {
    name: customer?.name ?? "",
    ...(customer?.legalRegistrationId ? { legalRegistrationId: customer.legalRegistrationId } : {}),
    ...(customer?.vatId && !outsideScope ? { vatId: customer.vatId } : {}),
    address: buyerAddress as En16931Address,
    ...(customer?.email ? { email: customer.email } : {}),
    ...(customer?.phone ? { phone: customer.phone } : {}),
  };
  const paymentMeans = choosePaymentMeans(rawInput);
  if (paymentMeans?.kind === "direct_debit") {
    const debit = tenant.paymentMeans?.find((means) => means.type === "direct_debit");
    if (debit?.type === "direct_debit") Object.assign(seller, { creditorId: debit.creditorId });
  }
  const deliveryAddress = toAddress(rawInput.site);
  const paymentTerms = paymentTermsText(invoice.terms, invoice.dueDate);
  const result: En16931Invoice = {
    typeCode: rawInput.documentType === "credit_note" ? "381" : "380",
    number: invoice.number as string,
    issueDate: invoice.issueDate as string,
    ...(invoice.dueDate ? { dueDate: invoice.dueDate } : {}),
    currency,
    ...(customer?.buyerReference ? { buyerReference: customer.buyerReference } : {}),
    ...(rawInput.precedingInvoice ? { precedingInvoice: rawInput.precedingInvoice } : {}),
    notes: invoice.content.memo ? [invoice.content.memo] : [],
    ...(paymentTerms ? { paymentTerms } : {}),
    seller,
    buyer,
    ...(rawInput.deliveryDate || deliveryAddress
      ? {
          delivery: {
            ...(rawInput.deliveryDate ? { date: rawInput.deliveryDate } : {}),
            ...(deliveryAddress ? { address: deliveryAddress } : {}),
          },
        }
      : {}),
    ...(paymentMeans ? { paymentMeans } : {}),
    charges,
    lines,
    vatBreakdown,
    totals: {
      lineNet,
      ...(charges.length > 0 ? { charges: chargeTotal } : {}),
      taxExclusive,
      tax,
      taxInclusive,
      ...(isZeroMoney(paid) ? {} : { prepaid: paid }),
      payable: subtractMoney(currency, taxInclusive, paid),
    },
  };
  return { ok: true, invoice: result };
}

function toEn16931Line(
  line: CalculatedLine,
  unitCode: string,
  { category, inclusive }: SourcedCategory,
): En16931Line {
  const base = { id: line.id, quantity: line.quantity, unitCode, name: line.description, category };
  if (inclusive) {
    // EN 16931 prices exclude VAT. A price with VAT taken out is rarely exact per unit, so the line
    // is priced as a whole: its amount without VAT for `quantity` units (BT-149), which gives
    // quantity × price ÷ base quantity = the line's net amount exactly.
    return {
      ...base,
      netAmount: line.excludingTax,
      netPrice: line.excludingTax,
      baseQuantity: line.quantity,
    };
  }
  return {
    ...base,
    netAmount: line.excludingTax,
    netPrice: line.unitPrice,
    ...(isZeroMoney(line.discount) ? {} : { allowance: line.discount }),
  };
}

/**
 * One means of payment (BT-81 holds one code): SEPA direct debit when the tenant collects by direct
 * debit and the customer gave a mandate, else a transfer to the tenant's first account, else card.
 */
function choosePaymentMeans({
  tenant,
  invoice,
}: RenderEInvoiceInput): En16931PaymentMeans | undefined {
  const means = tenant.paymentMeans ?? [];
  const mandate = invoice.customer?.directDebitMandate;
  if (mandate && means.some((entry) => entry.type === "direct_debit")) {
    return {
      kind: "direct_debit",
      code: "59",
      mandateReference: mandate.reference,
      debitedIban: mandate.iban,
    };
  }
  const transfer = means.find((entry) => entry.type === "credit_transfer");
  if (transfer?.type === "credit_transfer") {
    return {
      kind: "credit_transfer",
      code: transfer.sepa === false ? "30" : "58",
      account: {
        iban: transfer.iban,
        ...(transfer.accountName ? { name: transfer.accountName } : {}),
        ...(transfer.bic ? { bic: transfer.bic } : {}),
      },
    };
  }
  if (means.some((entry) => entry.type === "card")) return { kind: "card", code: "48" };
  return undefined;
}
