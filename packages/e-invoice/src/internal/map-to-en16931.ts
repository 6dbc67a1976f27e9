import {
  addMoney,
  calculateParsedInvoice,
  type InvoiceCalculation,
  isZeroMoney,
  minorUnitsOf,
  type ParsedInvoiceInput,
  parseInvoiceInput,
  parseWithSchema,
  roundMoney,
  stableStringify,
  subtractMoney,
} from "@remit/core";
import Decimal from "decimal.js";
import type { EInvoiceIssue } from "../e-invoice-error";
import { type RenderEInvoiceInput, renderEInvoiceInputSchema } from "../render-e-invoice-input";
import { buildVatBreakdown } from "./build-vat-breakdown";
import { checkParties } from "./check-parties";
import { choosePaymentMeans } from "./choose-payment-means";
import type { En16931Address, En16931Charge, En16931Invoice, En16931Line } from "./en16931-invoice";
import { createVatCategoryResolver, type SourcedCategory } from "./resolve-vat-categories";
import { toEn16931Line } from "./to-en16931-line";

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

  const { rateOfLine, categoryOf } = createVatCategoryResolver(parsed, tenant, issue);

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
  const { outsideScope } = checkParties([...lineCategories, ...chargeCategories], rawInput, issue);

  const vatBreakdown = buildVatBreakdown({
    currency,
    rounding: parsed.rounding,
    itemLines,
    feeLines,
    lineCategories,
    chargeCategories,
    issue,
  });

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
