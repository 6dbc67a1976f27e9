import { convert } from "xmlbuilder2";

/** The figures of an e-invoice, read back from its XML, in the same shape for UBL and CII. */
export type EInvoiceFigures = {
  typeCode: string;
  lines: { id: string; netAmount: string; quantity: string; unitCode: string }[];
  charges: string[];
  groups: { code: string; percent: string | undefined; taxable: string; tax: string }[];
  lineNet: string;
  charge: string | undefined;
  taxExclusive: string;
  tax: string;
  taxInclusive: string;
  prepaid: string | undefined;
  payable: string;
};

type Node = Record<string, unknown>;

function list(value: unknown): Node[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Node[];
}

function child(node: unknown, ...names: string[]): Node {
  let current = node as Node;
  for (const name of names) current = (current?.[name] ?? {}) as Node;
  return current;
}

function textOf(node: unknown): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === "string") return node;
  const value = (node as Node)["#"];
  return typeof value === "string" ? value : undefined;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`no ${what} in the XML`);
  return value;
}

/** Reads a UBL `Invoice` or `CreditNote`. */
export function readUblFigures(xml: string): EInvoiceFigures {
  const document = convert(xml, { format: "object" }) as Node;
  const root = (document.Invoice ?? document.CreditNote) as Node;
  const totals = child(root, "cac:LegalMonetaryTotal");
  const taxTotal = child(root, "cac:TaxTotal");
  const lineKey = root["cac:InvoiceLine"] ? "cac:InvoiceLine" : "cac:CreditNoteLine";
  return {
    typeCode: required(
      textOf(root["cbc:InvoiceTypeCode"] ?? root["cbc:CreditNoteTypeCode"]),
      "type code",
    ),
    lines: list(root[lineKey]).map((line) => {
      const quantity = (line["cbc:InvoicedQuantity"] ?? line["cbc:CreditedQuantity"]) as Node;
      return {
        id: required(textOf(line["cbc:ID"]), "line id"),
        netAmount: required(textOf(line["cbc:LineExtensionAmount"]), "line amount"),
        quantity: required(textOf(quantity), "quantity"),
        unitCode: String(quantity["@unitCode"]),
      };
    }),
    charges: list(root["cac:AllowanceCharge"])
      .filter((charge) => textOf(charge["cbc:ChargeIndicator"]) === "true")
      .map((charge) => required(textOf(charge["cbc:Amount"]), "charge amount")),
    groups: list(taxTotal["cac:TaxSubtotal"]).map((group) => ({
      code: required(textOf(child(group, "cac:TaxCategory")["cbc:ID"]), "category"),
      percent: textOf(child(group, "cac:TaxCategory")["cbc:Percent"]),
      taxable: required(textOf(group["cbc:TaxableAmount"]), "taxable amount"),
      tax: required(textOf(group["cbc:TaxAmount"]), "tax amount"),
    })),
    lineNet: required(textOf(totals["cbc:LineExtensionAmount"]), "BT-106"),
    charge: textOf(totals["cbc:ChargeTotalAmount"]),
    taxExclusive: required(textOf(totals["cbc:TaxExclusiveAmount"]), "BT-109"),
    tax: required(textOf(taxTotal["cbc:TaxAmount"]), "BT-110"),
    taxInclusive: required(textOf(totals["cbc:TaxInclusiveAmount"]), "BT-112"),
    prepaid: textOf(totals["cbc:PrepaidAmount"]),
    payable: required(textOf(totals["cbc:PayableAmount"]), "BT-115"),
  };
}

/** Reads a CII `CrossIndustryInvoice`. */
export function readCiiFigures(xml: string): EInvoiceFigures {
  const document = convert(xml, { format: "object" }) as Node;
  const root = document["rsm:CrossIndustryInvoice"] as Node;
  const transaction = child(root, "rsm:SupplyChainTradeTransaction");
  const settlement = child(transaction, "ram:ApplicableHeaderTradeSettlement");
  const totals = child(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  return {
    typeCode: required(textOf(child(root, "rsm:ExchangedDocument")["ram:TypeCode"]), "type code"),
    lines: list(transaction["ram:IncludedSupplyChainTradeLineItem"]).map((line) => {
      const quantity = child(line, "ram:SpecifiedLineTradeDelivery")["ram:BilledQuantity"] as Node;
      return {
        id: required(
          textOf(child(line, "ram:AssociatedDocumentLineDocument")["ram:LineID"]),
          "line id",
        ),
        netAmount: required(
          textOf(
            child(
              line,
              "ram:SpecifiedLineTradeSettlement",
              "ram:SpecifiedTradeSettlementLineMonetarySummation",
            )["ram:LineTotalAmount"],
          ),
          "line amount",
        ),
        quantity: required(textOf(quantity), "quantity"),
        unitCode: String(quantity["@unitCode"]),
      };
    }),
    charges: list(settlement["ram:SpecifiedTradeAllowanceCharge"])
      .filter((charge) => textOf(child(charge, "ram:ChargeIndicator")["udt:Indicator"]) === "true")
      .map((charge) => required(textOf(charge["ram:ActualAmount"]), "charge amount")),
    groups: list(settlement["ram:ApplicableTradeTax"]).map((group) => ({
      code: required(textOf(group["ram:CategoryCode"]), "category"),
      percent: textOf(group["ram:RateApplicablePercent"]),
      taxable: required(textOf(group["ram:BasisAmount"]), "taxable amount"),
      tax: required(textOf(group["ram:CalculatedAmount"]), "tax amount"),
    })),
    lineNet: required(textOf(totals["ram:LineTotalAmount"]), "BT-106"),
    charge: textOf(totals["ram:ChargeTotalAmount"]),
    taxExclusive: required(textOf(totals["ram:TaxBasisTotalAmount"]), "BT-109"),
    tax: required(textOf(totals["ram:TaxTotalAmount"]), "BT-110"),
    taxInclusive: required(textOf(totals["ram:GrandTotalAmount"]), "BT-112"),
    prepaid: textOf(totals["ram:TotalPrepaidAmount"]),
    payable: required(textOf(totals["ram:DuePayableAmount"]), "BT-115"),
  };
}
