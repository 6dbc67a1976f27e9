import { type InvoiceInput, RemitError, ValidationError } from "@remit/core";
import { describe, expect, it } from "vitest";
import {
  EInvoiceError,
  findEInvoiceIssues,
  type RenderEInvoiceInput,
  renderCii,
  renderUbl,
} from "../src/index";
import { buyer, eInvoiceInput, issuedInvoice, seller } from "./support/e-invoice-fixture";
import { fatalAsserts } from "./support/validate-en16931";

const labor = { description: "Labor", kind: "labor" as const, unitCode: "HUR" };
const standard = { id: "vat", name: "USt", percent: "19", vatCategory: "S" as const };

function issuesOf(input: RenderEInvoiceInput): string[] {
  return findEInvoiceIssues(input).map((issue) => `${issue.rule} ${issue.path}`);
}

function expectValid(input: RenderEInvoiceInput): { ubl: string; cii: string } {
  const ubl = renderUbl(input);
  const cii = renderCii(input);
  expect(fatalAsserts("UBL", ubl)).toEqual([]);
  expect(fatalAsserts("CII", cii)).toEqual([]);
  return { ubl, cii };
}

describe("e-invoices refused, naming what to change", () => {
  it("findEInvoiceIssues - names every missing field at once, and nothing is backfilled", () => {
    const input: InvoiceInput = {
      currency: "EUR",
      lines: [
        { description: "Labor", quantity: "1", unitPrice: "80", taxRateIds: ["vat"] },
        { description: "Permit", quantity: "1", unitPrice: "20", unitCode: "C62" },
      ],
      taxRates: [{ id: "vat", name: "USt", percent: "19" }],
    };
    const bare: RenderEInvoiceInput = {
      invoice: issuedInvoice(input, {
        customer: { id: "cus_2", name: "Dana", email: null, phone: null, billingAddress: null },
      }),
      tenant: { name: "Kessler" },
    };
    expect(issuesOf(bare)).toEqual([
      "BR-06 tenant.legalName",
      "BR-09 tenant.address.country",
      "BR-11 invoice.customer.billingAddress.country",
      "BR-CO-04 invoice.content.taxRates[0].vatCategory",
      "BR-23 invoice.content.lines[0].unitCode",
      "BR-CO-04 tenant.untaxedVatCategory",
      "BR-CO-26 tenant.vatId",
    ]);
    let thrown: unknown;
    try {
      renderUbl(bare);
    } catch (error) {
      thrown = error;
    }
    expect(EInvoiceError.isInstance(thrown)).toBe(true);
    expect(RemitError.isInstance(thrown)).toBe(true);
    const error = thrown as EInvoiceError;
    expect(error.code).toBe("e_invoice_refused");
    expect(error.retryable).toBe(false);
    expect(error.path).toBe("tenant.legalName");
    expect(error.message).toMatch(/^No e-invoice: tenant\.legalName: .* \(and 6 more\)$/);
  });

  it("renderUbl - a draft has no number or issue date", () => {
    const input = eInvoiceInput({
      currency: "EUR",
      lines: [{ ...labor, quantity: "1", unitPrice: "80", taxRateIds: ["vat"] }],
      taxRates: [standard],
    });
    const draft = { ...input, invoice: { ...input.invoice, number: null, issueDate: null } };
    expect(issuesOf(draft)).toEqual(["BR-02 invoice.number", "BR-03 invoice.issueDate"]);
  });

  it("renderUbl - totals that are not the content's are refused, not trusted", () => {
    const input = eInvoiceInput({
      currency: "EUR",
      lines: [{ ...labor, quantity: "1", unitPrice: "80" }],
    });
    const tampered = {
      ...input,
      invoice: { ...input.invoice, totals: { ...input.invoice.totals, total: "1.00" } },
    };
    expect(findEInvoiceIssues(tampered).map((issue) => issue.path)).toEqual(["invoice.totals"]);
  });

  it("renderUbl - input of the wrong shape is a ValidationError naming the field", () => {
    const input = eInvoiceInput({
      currency: "EUR",
      lines: [{ ...labor, quantity: "1", unitPrice: "80" }],
    });
    expect(() => renderUbl({ ...input, invoice: { ...input.invoice, amountPaid: "-5" } })).toThrow(
      expect.objectContaining({ path: "invoice.amountPaid" }),
    );
    expect(() => renderUbl({ ...input, deliveryDate: "yesterday" })).toThrow(ValidationError);
  });
});

describe("EN 16931 rounding (BR-CO-17)", () => {
  // Three lines of 0.10 at 5 %: per line 0.01 each, 0.03 in all; on the document 0.015 → 0.02.
  const perLine: InvoiceInput = {
    currency: "EUR",
    lines: [1, 2, 3].map(() => ({ ...labor, quantity: "1", unitPrice: "0.10", taxRateIds: ["r"] })),
    taxRates: [{ id: "r", name: "Reduced", percent: "5", vatCategory: "S" }],
  };

  it("renderUbl - tax rounded per line that differs from BR-CO-17 is refused, naming rounding.tax", () => {
    const issues = findEInvoiceIssues(eInvoiceInput(perLine));
    expect(issues.map((issue) => `${issue.rule} ${issue.path}`)).toEqual([
      "BR-CO-17 invoice.content.rounding.tax",
    ]);
    expect(issues[0]?.message).toContain("0.03");
    expect(issues[0]?.message).toContain("0.02");
    expect(issues[0]?.message).toContain('"per_document"');
  });

  it("renderUbl - the same invoice rounded per document follows EN 16931 exactly", () => {
    const { ubl } = expectValid(eInvoiceInput({ ...perLine, rounding: { tax: "per_document" } }));
    expect(ubl).toContain('<cbc:TaxAmount currencyID="EUR">0.02</cbc:TaxAmount>');
  });

  it("renderUbl - a half cent rounded to even is refused, naming rounding.mode", () => {
    const halfEven: InvoiceInput = {
      ...perLine,
      lines: [{ ...labor, quantity: "1", unitPrice: "0.10", taxRateIds: ["r"] }],
      rounding: { mode: "half_even", tax: "per_document" },
    };
    expect(issuesOf(eInvoiceInput(halfEven))).toEqual(["BR-CO-17 invoice.content.rounding.mode"]);
  });
});

describe("VAT categories and the parties they need", () => {
  const untaxed = (
    tenant: RenderEInvoiceInput["tenant"],
    extra: Partial<RenderEInvoiceInput> = {},
  ) =>
    eInvoiceInput(
      { currency: "EUR", lines: [{ ...labor, quantity: "1", unitPrice: "80" }] },
      {
        tenant,
        ...extra,
      },
    );

  it("renderUbl - outside the scope of VAT (O) cannot mix with other categories (BR-O-11)", () => {
    const input = eInvoiceInput(
      {
        currency: "EUR",
        lines: [
          { ...labor, quantity: "1", unitPrice: "80", taxRateIds: ["vat"] },
          { ...labor, quantity: "1", unitPrice: "20" },
        ],
        taxRates: [standard],
      },
      {
        tenant: {
          ...seller,
          untaxedVatCategory: { code: "O", exemptionReason: "Not subject to VAT" },
        },
      },
    );
    expect(issuesOf(input)).toEqual(["BR-O-11 tenant.untaxedVatCategory"]);
  });

  it("renderUbl - outside the scope of VAT carries no VAT numbers and no rate", () => {
    const { ubl, cii } = expectValid(
      untaxed({
        ...seller,
        untaxedVatCategory: { code: "O", exemptionReason: "Not subject to VAT" },
      }),
    );
    expect(ubl).not.toContain("DE123456789");
    expect(ubl).not.toContain("FR40303265045");
    expect(ubl).not.toContain("<cbc:Percent>");
    expect(cii).not.toContain("RateApplicablePercent");
  });

  it("renderUbl - an intra-community supply (K) needs the delivery date and country (BR-IC-11, BR-IC-12)", () => {
    const tenant = {
      ...seller,
      untaxedVatCategory: { code: "K" as const, exemptionReasonCode: "VATEX-EU-IC" },
    };
    expect(issuesOf(untaxed(tenant))).toEqual(["BR-IC-11 deliveryDate", "BR-IC-12 site.country"]);
    expectValid(
      untaxed(tenant, { deliveryDate: "2026-02-27", site: { city: "Lyon", country: "FR" } }),
    );
  });

  it("renderUbl - reverse charge (AE) needs the customer's VAT or registration number", () => {
    const input = untaxed({
      ...seller,
      untaxedVatCategory: { code: "AE", exemptionReason: "Reverse charge" },
    });
    const { vatId: _, ...withoutVat } = buyer;
    const refused = { ...input, invoice: { ...input.invoice, customer: withoutVat } };
    expect(issuesOf(refused)).toEqual(["BR-AE-02 invoice.customer.vatId"]);
    expectValid(input);
  });

  it("renderUbl - exemption reasons where the category needs one, and none where it takes none", () => {
    const input = eInvoiceInput({
      currency: "EUR",
      lines: [
        { ...labor, quantity: "1", unitPrice: "80", taxRateIds: ["e"] },
        { ...labor, quantity: "1", unitPrice: "80", taxRateIds: ["s"] },
        { ...labor, quantity: "1", unitPrice: "80", taxRateIds: ["z"] },
      ],
      taxRates: [
        { id: "e", name: "Exempt", percent: "0", vatCategory: "E" },
        { id: "s", name: "Standard", percent: "0", vatCategory: "S", vatExemptionReason: "No" },
        { id: "z", name: "Zero", percent: "5", vatCategory: "Z" },
      ],
    });
    expect(issuesOf(input)).toEqual([
      "BR-E-10 invoice.content.taxRates[0].vatExemptionReason",
      "BR-S-05 invoice.content.taxRates[1].percent",
      "BR-S-10 invoice.content.taxRates[1].vatExemptionReason",
      "BR-Z-05 invoice.content.taxRates[2].percent",
    ]);
  });
});

describe("payment means, credit notes, VAT included", () => {
  const input: InvoiceInput = {
    currency: "EUR",
    lines: [{ ...labor, quantity: "2", unitPrice: "80", taxRateIds: ["vat"] }],
    taxRates: [standard],
  };

  it("renderUbl - SEPA direct debit when the tenant collects and the customer gave a mandate", () => {
    const base = eInvoiceInput(input, {
      tenant: {
        ...seller,
        paymentMeans: [{ type: "direct_debit", creditorId: "DE98ZZZ09999999999" }],
      },
    });
    const withMandate = {
      ...base,
      invoice: {
        ...base.invoice,
        customer: {
          ...buyer,
          directDebitMandate: { reference: "MANDATE-7", iban: "FR1420041010050500013M02606" },
        },
      },
    };
    const { ubl, cii } = expectValid(withMandate);
    expect(ubl).toContain("<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>");
    expect(ubl).toContain("MANDATE-7");
    expect(ubl).toContain('<cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID>');
    expect(cii).toContain("<ram:DirectDebitMandateID>MANDATE-7</ram:DirectDebitMandateID>");
    expect(cii).toContain("<ram:CreditorReferenceID>DE98ZZZ09999999999</ram:CreditorReferenceID>");
  });

  it("renderUbl - card payment is code 48", () => {
    const { ubl } = expectValid(
      eInvoiceInput(input, { tenant: { ...seller, paymentMeans: [{ type: "card" }] } }),
    );
    expect(ubl).toContain("<cbc:PaymentMeansCode>48</cbc:PaymentMeansCode>");
  });

  it("renderUbl - a credit note is a UBL CreditNote referring to the invoice it corrects", () => {
    const { ubl, cii } = expectValid(
      eInvoiceInput(input, {
        documentType: "credit_note",
        precedingInvoice: { number: "RE-2026-0041", issueDate: "2026-02-27" },
      }),
    );
    expect(ubl).toMatch(
      /^<\?xml[^>]*>\s*<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/,
    );
    expect(ubl).toContain("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>");
    expect(ubl).toContain('<cbc:CreditedQuantity unitCode="HUR">2</cbc:CreditedQuantity>');
    expect(cii).toContain("<ram:TypeCode>381</ram:TypeCode>");
    expect(cii).toContain("<ram:IssuerAssignedID>RE-2026-0041</ram:IssuerAssignedID>");
  });

  it("renderUbl - a VAT-included line is priced as a whole, without VAT, to the cent", () => {
    const { ubl } = expectValid(
      eInvoiceInput({
        currency: "EUR",
        lines: [{ ...labor, quantity: "3", unitPrice: "10.00", taxRateIds: ["vat"] }],
        taxRates: [{ ...standard, inclusive: true }],
      }),
    );
    // 30.00 with 19 % included: 4.79 VAT, 25.21 without; 3 units at 25.21 per 3.
    expect(ubl).toContain(
      '<cbc:LineExtensionAmount currencyID="EUR">25.21</cbc:LineExtensionAmount>',
    );
    expect(ubl).toContain('<cbc:PriceAmount currencyID="EUR">25.21</cbc:PriceAmount>');
    expect(ubl).toContain('<cbc:BaseQuantity unitCode="HUR">3</cbc:BaseQuantity>');
  });
});
