import type { En16931Address, En16931Invoice, En16931Party } from "./en16931-invoice";
import { en16931Customization } from "./write-ubl";
import { text, toDate102, writeXml, type XmlNode, type XmlTree } from "./xml-tree";

const namespaces = {
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
};

function date(value: string | undefined, prefix: "udt" | "qdt" = "udt"): XmlNode {
  if (value === undefined) return undefined;
  return { [`${prefix}:DateTimeString`]: text(toDate102(value), { format: "102" }) };
}

function address(value: En16931Address): XmlTree {
  return {
    "ram:PostcodeCode": value.postalCode,
    "ram:LineOne": value.line1,
    "ram:LineTwo": value.line2,
    "ram:CityName": value.city,
    "ram:CountryID": value.country,
    "ram:CountrySubDivisionName": value.region,
  };
}

function tradeParty(value: En16931Party): XmlTree {
  return {
    "ram:Name": value.name,
    "ram:SpecifiedLegalOrganization":
      value.legalRegistrationId || value.tradingName
        ? { "ram:ID": value.legalRegistrationId, "ram:TradingBusinessName": value.tradingName }
        : undefined,
    "ram:DefinedTradeContact":
      value.phone || value.email
        ? {
            "ram:TelephoneUniversalCommunication": value.phone
              ? { "ram:CompleteNumber": value.phone }
              : undefined,
            "ram:EmailURIUniversalCommunication": value.email
              ? { "ram:URIID": value.email }
              : undefined,
          }
        : undefined,
    "ram:PostalTradeAddress": address(value.address),
    "ram:URIUniversalCommunication": value.email
      ? { "ram:URIID": text(value.email, { schemeID: "EM" }) }
      : undefined,
    "ram:SpecifiedTaxRegistration": [
      value.vatId ? { "ram:ID": text(value.vatId, { schemeID: "VA" }) } : undefined,
      value.taxRegistrationId
        ? { "ram:ID": text(value.taxRegistrationId, { schemeID: "FC" }) }
        : undefined,
    ],
  };
}

/** The EN 16931 model written as a UN/CEFACT Cross Industry Invoice (D16B), as Factur-X embeds it. */
export function writeCii(invoice: En16931Invoice): string {
  const means = invoice.paymentMeans;
  const root: XmlTree = {
    "@xmlns:rsm": namespaces.rsm,
    "@xmlns:ram": namespaces.ram,
    "@xmlns:udt": namespaces.udt,
    "@xmlns:qdt": namespaces.qdt,
    "rsm:ExchangedDocumentContext": {
      "ram:GuidelineSpecifiedDocumentContextParameter": { "ram:ID": en16931Customization },
    },
    "rsm:ExchangedDocument": {
      "ram:ID": invoice.number,
      "ram:TypeCode": invoice.typeCode,
      "ram:IssueDateTime": date(invoice.issueDate),
      "ram:IncludedNote": invoice.notes.map((note) => ({ "ram:Content": note })),
    },
    "rsm:SupplyChainTradeTransaction": {
      "ram:IncludedSupplyChainTradeLineItem": invoice.lines.map((line) => ({
        "ram:AssociatedDocumentLineDocument": { "ram:LineID": line.id },
        "ram:SpecifiedTradeProduct": { "ram:Name": line.name },
        "ram:SpecifiedLineTradeAgreement": {
          "ram:NetPriceProductTradePrice": {
            "ram:ChargeAmount": line.netPrice,
            "ram:BasisQuantity": line.baseQuantity
              ? text(line.baseQuantity, { unitCode: line.unitCode })
              : undefined,
          },
        },
        "ram:SpecifiedLineTradeDelivery": {
          "ram:BilledQuantity": text(line.quantity, { unitCode: line.unitCode }),
        },
        "ram:SpecifiedLineTradeSettlement": {
          "ram:ApplicableTradeTax": {
            "ram:TypeCode": "VAT",
            "ram:CategoryCode": line.category.code,
            "ram:RateApplicablePercent": line.category.percent,
          },
          "ram:SpecifiedTradeAllowanceCharge": line.allowance
            ? {
                "ram:ChargeIndicator": { "udt:Indicator": "false" },
                "ram:ActualAmount": line.allowance,
                "ram:ReasonCode": "95",
                "ram:Reason": "Discount",
              }
            : undefined,
          "ram:SpecifiedTradeSettlementLineMonetarySummation": {
            "ram:LineTotalAmount": line.netAmount,
          },
        },
      })),
      "ram:ApplicableHeaderTradeAgreement": {
        "ram:BuyerReference": invoice.buyerReference,
        "ram:SellerTradeParty": tradeParty(invoice.seller),
        "ram:BuyerTradeParty": tradeParty(invoice.buyer),
      },
      "ram:ApplicableHeaderTradeDelivery": {
        "ram:ShipToTradeParty": invoice.delivery?.address
          ? { "ram:PostalTradeAddress": address(invoice.delivery.address) }
          : undefined,
        "ram:ActualDeliverySupplyChainEvent": invoice.delivery?.date
          ? { "ram:OccurrenceDateTime": date(invoice.delivery.date) }
          : undefined,
      },
      "ram:ApplicableHeaderTradeSettlement": {
        "ram:CreditorReferenceID": invoice.seller.creditorId,
        "ram:InvoiceCurrencyCode": invoice.currency,
        "ram:SpecifiedTradeSettlementPaymentMeans": means
          ? {
              "ram:TypeCode": means.code,
              "ram:PayerPartyDebtorFinancialAccount":
                means.kind === "direct_debit" ? { "ram:IBANID": means.debitedIban } : undefined,
              "ram:PayeePartyCreditorFinancialAccount":
                means.kind === "credit_transfer"
                  ? { "ram:IBANID": means.account.iban, "ram:AccountName": means.account.name }
                  : undefined,
              "ram:PayeeSpecifiedCreditorFinancialInstitution":
                means.kind === "credit_transfer" && means.account.bic
                  ? { "ram:BICID": means.account.bic }
                  : undefined,
            }
          : undefined,
        "ram:ApplicableTradeTax": invoice.vatBreakdown.map((group) => ({
          "ram:CalculatedAmount": group.taxAmount,
          "ram:TypeCode": "VAT",
          "ram:ExemptionReason": group.category.exemptionReason,
          "ram:BasisAmount": group.taxableAmount,
          "ram:CategoryCode": group.category.code,
          "ram:ExemptionReasonCode": group.category.exemptionReasonCode,
          "ram:RateApplicablePercent": group.category.percent,
        })),
        "ram:SpecifiedTradeAllowanceCharge": invoice.charges.map((charge) => ({
          "ram:ChargeIndicator": { "udt:Indicator": "true" },
          "ram:ActualAmount": charge.amount,
          "ram:Reason": charge.reason,
          "ram:CategoryTradeTax": {
            "ram:TypeCode": "VAT",
            "ram:CategoryCode": charge.category.code,
            "ram:RateApplicablePercent": charge.category.percent,
          },
        })),
        "ram:SpecifiedTradePaymentTerms":
          invoice.paymentTerms || invoice.dueDate || means?.kind === "direct_debit"
            ? {
                "ram:Description": invoice.paymentTerms,
                "ram:DueDateDateTime": date(invoice.dueDate),
                "ram:DirectDebitMandateID":
                  means?.kind === "direct_debit" ? means.mandateReference : undefined,
              }
            : undefined,
        "ram:SpecifiedTradeSettlementHeaderMonetarySummation": {
          "ram:LineTotalAmount": invoice.totals.lineNet,
          "ram:ChargeTotalAmount": invoice.totals.charges,
          "ram:TaxBasisTotalAmount": invoice.totals.taxExclusive,
          "ram:TaxTotalAmount": text(invoice.totals.tax, { currencyID: invoice.currency }),
          "ram:GrandTotalAmount": invoice.totals.taxInclusive,
          "ram:TotalPrepaidAmount": invoice.totals.prepaid,
          "ram:DuePayableAmount": invoice.totals.payable,
        },
        "ram:InvoiceReferencedDocument": invoice.precedingInvoice
          ? {
              "ram:IssuerAssignedID": invoice.precedingInvoice.number,
              "ram:FormattedIssueDateTime": date(invoice.precedingInvoice.issueDate, "qdt"),
            }
          : undefined,
      },
    },
  };
  return writeXml({ "rsm:CrossIndustryInvoice": root });
}
