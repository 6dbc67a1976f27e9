import type { InvoiceInput, VatCategoryCode } from "@remit/core";
import { convert } from "xmlbuilder2";
import type { RenderEInvoiceInput } from "../../src/index";
import { issuedInvoice } from "./e-invoice-fixture";

type Node = Record<string, unknown>;

const list = (value: unknown): Node[] =>
  value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as Node[]);
const child = (node: unknown, ...names: string[]): Node => {
  let current = node as Node;
  for (const name of names) current = (current?.[name] ?? {}) as Node;
  return current;
};
const textOf = (node: unknown): string | undefined => {
  if (typeof node === "string") return node.trim();
  const value = (node as Node | undefined)?.["#"];
  return typeof value === "string" ? value.trim() : undefined;
};

/** What an official UBL example says, and Remit's reading of it when Remit's model can hold it. */
export type ImportedExample =
  | { maps: false; reason: string }
  | {
      maps: true;
      input: InvoiceInput;
      render: RenderEInvoiceInput;
      expected: { lineNet: string[]; taxExclusive: string; tax: string; taxInclusive: string };
    };

function party(node: Node) {
  const entity = child(node, "cac:Party");
  const country = textOf(
    child(entity, "cac:PostalAddress", "cac:Country")["cbc:IdentificationCode"],
  );
  const vat = list(entity["cac:PartyTaxScheme"]).find(
    (scheme) => textOf(child(scheme, "cac:TaxScheme")["cbc:ID"]) === "VAT",
  );
  return {
    name: textOf(child(entity, "cac:PartyLegalEntity")["cbc:RegistrationName"]) ?? "",
    legalRegistrationId: textOf(child(entity, "cac:PartyLegalEntity")["cbc:CompanyID"]),
    vatId: vat ? textOf(vat["cbc:CompanyID"]) : undefined,
    country: country ?? "",
    city: textOf(child(entity, "cac:PostalAddress")["cbc:CityName"]),
  };
}

/**
 * Reads an official example into Remit's model: lines (quantity, net price, line allowances as a
 * discount), document-level charges as fees, one tax rate per VAT category and rate, rounded per
 * document. It maps when Remit's own math then gives the example's line amounts and totals.
 */
export function importUblExample(xml: string): ImportedExample {
  const document = convert(xml, { format: "object" }) as Node;
  const root = (document.Invoice ?? document.CreditNote) as Node;
  const creditNote = document.CreditNote !== undefined;
  const currency = textOf(root["cbc:DocumentCurrencyCode"]) as string;
  const lines = list(root[creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine"]);
  const rates = new Map<string, NonNullable<InvoiceInput["taxRates"]>[number]>();
  const rateOf = (category: Node): string => {
    const code = textOf(category["cbc:ID"]) as VatCategoryCode;
    const percent = textOf(category["cbc:Percent"]) ?? "0";
    const key = `${code}|${Number(percent)}`;
    if (!rates.has(key)) {
      const exemption = list(child(root, "cac:TaxTotal")["cac:TaxSubtotal"])
        .map((subtotal) => child(subtotal, "cac:TaxCategory"))
        .find((other) => textOf(other["cbc:ID"]) === code);
      const reason = exemption && textOf(exemption["cbc:TaxExemptionReason"]);
      const reasonCode = exemption && textOf(exemption["cbc:TaxExemptionReasonCode"]);
      rates.set(key, {
        id: `rate-${rates.size + 1}`,
        name: `${code} ${percent}%`,
        percent,
        vatCategory: code,
        ...(reason ? { vatExemptionReason: reason } : {}),
        ...(reasonCode ? { vatExemptionReasonCode: reasonCode } : {}),
      });
    }
    return rates.get(key)?.id as string;
  };
  const inputLines: InvoiceInput["lines"] = [];
  for (const line of lines) {
    const quantityNode = (line["cbc:InvoicedQuantity"] ?? line["cbc:CreditedQuantity"]) as Node;
    const quantity = textOf(quantityNode) as string;
    if (quantity.startsWith("-") || Number(quantity) === 0)
      return { maps: false, reason: "a quantity that is not positive" };
    const base = textOf(child(line, "cac:Price")["cbc:BaseQuantity"]);
    if (base !== undefined && Number(base) !== 1)
      return { maps: false, reason: "a price per a base quantity other than 1" };
    const allowances = list(line["cac:AllowanceCharge"]);
    if (allowances.some((entry) => textOf(entry["cbc:ChargeIndicator"]) === "true")) {
      return { maps: false, reason: "a line-level charge" };
    }
    const discount = allowances.reduce(
      (sum, entry) => sum + Number(textOf(entry["cbc:Amount"])),
      0,
    );
    const category = child(line, "cac:Item", "cac:ClassifiedTaxCategory");
    inputLines.push({
      id: textOf(line["cbc:ID"]),
      description: textOf(child(line, "cac:Item")["cbc:Name"]) ?? "",
      quantity,
      unitPrice: textOf(child(line, "cac:Price")["cbc:PriceAmount"]) as string,
      unitCode: String(quantityNode["@unitCode"]),
      taxRateIds: [rateOf(category)],
      ...(allowances.length > 0
        ? { discount: { type: "amount" as const, value: discount.toFixed(2) } }
        : {}),
    });
  }
  const documentLevel = list(root["cac:AllowanceCharge"]);
  if (documentLevel.some((entry) => textOf(entry["cbc:ChargeIndicator"]) === "false")) {
    return {
      maps: false,
      reason: "a document-level allowance (Remit shares invoice discounts over all lines)",
    };
  }
  const fees = documentLevel.map((charge) => ({
    description: textOf(charge["cbc:AllowanceChargeReason"]) ?? "Charge",
    type: "amount" as const,
    value: textOf(charge["cbc:Amount"]) as string,
    taxRateIds: [rateOf(child(charge, "cac:TaxCategory"))],
  }));
  const input: InvoiceInput = {
    currency,
    lines: inputLines,
    taxRates: [...rates.values()],
    fees,
    rounding: { mode: "half_up", tax: "per_document" },
  };
  const seller = party(child(root, "cac:AccountingSupplierParty"));
  const buyer = party(child(root, "cac:AccountingCustomerParty"));
  const totals = child(root, "cac:LegalMonetaryTotal");
  const invoice = issuedInvoice(input, {
    customer: {
      id: "cus_example",
      name: buyer.name,
      email: null,
      phone: null,
      billingAddress: { country: buyer.country, ...(buyer.city ? { city: buyer.city } : {}) },
      ...(buyer.vatId ? { vatId: buyer.vatId } : {}),
      ...(buyer.legalRegistrationId ? { legalRegistrationId: buyer.legalRegistrationId } : {}),
    },
  });
  return {
    maps: true,
    input,
    render: {
      invoice: {
        ...invoice,
        number: textOf(root["cbc:ID"]) as string,
        issueDate: textOf(root["cbc:IssueDate"]) as string,
      },
      tenant: {
        name: seller.name,
        legalName: seller.name,
        address: { country: seller.country, ...(seller.city ? { city: seller.city } : {}) },
        ...(seller.vatId ? { vatId: seller.vatId } : {}),
        ...(seller.legalRegistrationId ? { legalRegistrationId: seller.legalRegistrationId } : {}),
      },
      ...(creditNote ? { documentType: "credit_note" as const } : {}),
    },
    expected: {
      lineNet: lines.map((line) => textOf(line["cbc:LineExtensionAmount"]) as string),
      taxExclusive: textOf(totals["cbc:TaxExclusiveAmount"]) as string,
      tax: textOf(child(root, "cac:TaxTotal")["cbc:TaxAmount"]) as string,
      taxInclusive: textOf(totals["cbc:TaxInclusiveAmount"]) as string,
    },
  };
}
