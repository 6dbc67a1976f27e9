import type { VatCategoryCode } from "@remit/core";
import type { RenderEInvoiceInput } from "../render-e-invoice-input";
import type { ReportIssue } from "./report-issue";
import type { SourcedCategory } from "./resolve-vat-categories";
import { vatCategoryRules } from "./vat-category-rules";

/**
 * Checks the parties against the VAT categories the invoice uses: the VAT or registration numbers
 * each category needs (BR-x-02), delivery data for intra-community supplies (BR-IC-11, BR-IC-12),
 * category `O` alone (BR-O-11), and a seller that can be identified (BR-CO-26). Returns whether the
 * invoice is outside the scope of VAT, whose document then carries no VAT numbers (BR-O-02).
 */
export function checkParties(
  sources: readonly (SourcedCategory | undefined)[],
  input: RenderEInvoiceInput,
  issue: ReportIssue,
): { outsideScope: boolean } {
  const { tenant } = input;
  const customer = input.invoice.customer;
  const used = new Map<VatCategoryCode, SourcedCategory>();
  for (const sourced of sources) {
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
      if (!input.deliveryDate) {
        issue("deliveryDate", "an intra-community supply (K) needs the delivery date", "BR-IC-11");
      }
      if (!input.site?.country) {
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

  return { outsideScope };
}
