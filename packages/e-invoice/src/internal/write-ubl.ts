import type {
  En16931Address,
  En16931Invoice,
  En16931Party,
  En16931VatCategory,
} from "./en16931-invoice";
import { text, writeXml, type XmlNode, type XmlTree } from "./xml-tree";

const namespaces = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  creditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
};

/** EN 16931's specification identifier (BT-24) without a CIUS. */
export const en16931Customization = "urn:cen.eu:en16931:2017";

function address(value: En16931Address): XmlTree {
  return {
    "cbc:StreetName": value.line1,
    "cbc:AdditionalStreetName": value.line2,
    "cbc:CityName": value.city,
    "cbc:PostalZone": value.postalCode,
    "cbc:CountrySubentity": value.region,
    "cac:Country": { "cbc:IdentificationCode": value.country },
  };
}

function party(value: En16931Party): XmlTree {
  return {
    "cac:Party": {
      "cbc:EndpointID": value.email ? text(value.email, { schemeID: "EM" }) : undefined,
      "cac:PartyIdentification": value.creditorId
        ? { "cbc:ID": text(value.creditorId, { schemeID: "SEPA" }) }
        : undefined,
      "cac:PartyName": value.tradingName ? { "cbc:Name": value.tradingName } : undefined,
      "cac:PostalAddress": address(value.address),
      "cac:PartyTaxScheme": [
        value.vatId
          ? { "cbc:CompanyID": value.vatId, "cac:TaxScheme": { "cbc:ID": "VAT" } }
          : undefined,
        value.taxRegistrationId
          ? { "cbc:CompanyID": value.taxRegistrationId, "cac:TaxScheme": { "cbc:ID": "FC" } }
          : undefined,
      ],
      "cac:PartyLegalEntity": {
        "cbc:RegistrationName": value.name,
        "cbc:CompanyID": value.legalRegistrationId,
      },
      "cac:Contact":
        value.phone || value.email
          ? { "cbc:Telephone": value.phone, "cbc:ElectronicMail": value.email }
          : undefined,
    },
  };
}

function taxCategory(category: En16931VatCategory, withExemption: boolean): XmlTree {
  return {
    "cbc:ID": category.code,
    "cbc:Percent": category.percent,
    "cbc:TaxExemptionReasonCode": withExemption ? category.exemptionReasonCode : undefined,
    "cbc:TaxExemptionReason": withExemption ? category.exemptionReason : undefined,
    "cac:TaxScheme": { "cbc:ID": "VAT" },
  };
}

/** The EN 16931 model written as a UBL 2.1 `Invoice` (380) or `CreditNote` (381). */
export function writeUbl(invoice: En16931Invoice): string {
  const creditNote = invoice.typeCode === "381";
  const amount = (value: string | undefined): XmlNode =>
    text(value, { currencyID: invoice.currency });
  const means = invoice.paymentMeans;
  const root: XmlTree = {
    "@xmlns": creditNote ? namespaces.creditNote : namespaces.invoice,
    "@xmlns:cac": namespaces.cac,
    "@xmlns:cbc": namespaces.cbc,
    "cbc:CustomizationID": en16931Customization,
    "cbc:ID": invoice.number,
    "cbc:IssueDate": invoice.issueDate,
    "cbc:DueDate": creditNote ? undefined : invoice.dueDate,
    [creditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode"]: invoice.typeCode,
    "cbc:Note": invoice.notes,
    "cbc:DocumentCurrencyCode": invoice.currency,
    "cbc:BuyerReference": invoice.buyerReference,
    "cac:BillingReference": invoice.precedingInvoice
      ? {
          "cac:InvoiceDocumentReference": {
            "cbc:ID": invoice.precedingInvoice.number,
            "cbc:IssueDate": invoice.precedingInvoice.issueDate,
          },
        }
      : undefined,
    "cac:AccountingSupplierParty": party(invoice.seller),
    "cac:AccountingCustomerParty": party(invoice.buyer),
    "cac:Delivery": invoice.delivery
      ? {
          "cbc:ActualDeliveryDate": invoice.delivery.date,
          "cac:DeliveryLocation": invoice.delivery.address
            ? { "cac:Address": address(invoice.delivery.address) }
            : undefined,
        }
      : undefined,
    "cac:PaymentMeans": means
      ? {
          "cbc:PaymentMeansCode": means.code,
          "cbc:PaymentDueDate": creditNote ? invoice.dueDate : undefined,
          "cac:PayeeFinancialAccount":
            means.kind === "credit_transfer"
              ? {
                  "cbc:ID": means.account.iban,
                  "cbc:Name": means.account.name,
                  "cac:FinancialInstitutionBranch": means.account.bic
                    ? { "cbc:ID": means.account.bic }
                    : undefined,
                }
              : undefined,
          "cac:PaymentMandate":
            means.kind === "direct_debit"
              ? {
                  "cbc:ID": means.mandateReference,
                  "cac:PayerFinancialAccount": { "cbc:ID": means.debitedIban },
                }
              : undefined,
        }
      : undefined,
    "cac:PaymentTerms": invoice.paymentTerms ? { "cbc:Note": invoice.paymentTerms } : undefined,
    "cac:AllowanceCharge": invoice.charges.map((charge) => ({
      "cbc:ChargeIndicator": "true",
      "cbc:AllowanceChargeReason": charge.reason,
      "cbc:Amount": amount(charge.amount),
      "cac:TaxCategory": taxCategory(charge.category, false),
    })),
    "cac:TaxTotal": {
      "cbc:TaxAmount": amount(invoice.totals.tax),
      "cac:TaxSubtotal": invoice.vatBreakdown.map((group) => ({
        "cbc:TaxableAmount": amount(group.taxableAmount),
        "cbc:TaxAmount": amount(group.taxAmount),
        "cac:TaxCategory": taxCategory(group.category, true),
      })),
    },
    "cac:LegalMonetaryTotal": {
      "cbc:LineExtensionAmount": amount(invoice.totals.lineNet),
      "cbc:TaxExclusiveAmount": amount(invoice.totals.taxExclusive),
      "cbc:TaxInclusiveAmount": amount(invoice.totals.taxInclusive),
      "cbc:ChargeTotalAmount": amount(invoice.totals.charges),
      "cbc:PrepaidAmount": amount(invoice.totals.prepaid),
      "cbc:PayableAmount": amount(invoice.totals.payable),
    },
    [creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine"]: invoice.lines.map((line) => ({
      "cbc:ID": line.id,
      [creditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity"]: text(line.quantity, {
        unitCode: line.unitCode,
      }),
      "cbc:LineExtensionAmount": amount(line.netAmount),
      "cac:AllowanceCharge": line.allowance
        ? {
            "cbc:ChargeIndicator": "false",
            "cbc:AllowanceChargeReasonCode": "95",
            "cbc:AllowanceChargeReason": "Discount",
            "cbc:Amount": amount(line.allowance),
          }
        : undefined,
      "cac:Item": {
        "cbc:Name": line.name,
        "cac:ClassifiedTaxCategory": taxCategory(line.category, false),
      },
      "cac:Price": {
        "cbc:PriceAmount": amount(line.netPrice),
        "cbc:BaseQuantity": line.baseQuantity
          ? text(line.baseQuantity, { unitCode: line.unitCode })
          : undefined,
      },
    })),
  };
  return writeXml({ [creditNote ? "CreditNote" : "Invoice"]: root });
}
