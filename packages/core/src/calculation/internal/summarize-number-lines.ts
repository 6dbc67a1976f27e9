import type {
  CalculatedLine,
  CalculatedTax,
  InvoiceCalculation,
  LineTax,
} from "../invoice-calculation";
import type { ParsedInvoiceInput } from "../invoice-input-schema";
import { exact } from "./exact-number-arithmetic";
import type { NumberLine, NumberRate } from "./number-line";

// Calculated lines and line taxes are copies of these templates, not object literals, for the
// reason given in read-common-invoice-input.ts (V8 would make them in the old generation after
// a large invoice).
const lineTaxTemplate: LineTax = { rateId: "", amount: "" };
const calculatedLineTemplate: CalculatedLine = {
  id: "",
  kind: "service",
  description: "",
  quantity: "",
  unitPrice: "",
  gross: "",
  discount: "",
  net: "",
  excludingTax: "",
  tax: "",
  total: "",
  taxes: [],
};

/** 6. Line figures, per-rate totals and invoice totals, from the number engine's lines. */
export function summarizeNumberLines(
  input: ParsedInvoiceInput,
  lines: readonly NumberLine[],
  lineTaxes: readonly number[],
  itemCount: number,
  rates: ReadonlyMap<string, NumberRate>,
  money: (units: number) => string,
): InvoiceCalculation {
  let subtotal = 0;
  let discountTotal = 0;
  let feeTotal = 0;
  let taxTotal = 0;
  let total = 0;

  const calculatedLines: CalculatedLine[] = new Array(lines.length);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as NumberLine;
    const excludingTax = line.net - line.included;
    const rateIds = line.taxRateIds;
    const rateCount = rateIds.length;
    const offset = line.taxOffset;
    const calculatedTaxes: CalculatedLine["taxes"] = new Array(rateCount);
    let tax = 0;
    let addedNonCompound = 0;
    for (let position = 0; position < rateCount; position++) {
      const rateId = rateIds[position] as string;
      const amount = lineTaxes[offset + position] as number;
      const rate = rates.get(rateId);
      tax = exact(tax + amount);
      if (rate && !rate.inclusive && !rate.compound) addedNonCompound += amount;
      const lineTax = { ...lineTaxTemplate };
      lineTax.rateId = rateId;
      lineTax.amount = money(amount);
      calculatedTaxes[position] = lineTax;
    }
    for (let position = 0; position < rateCount; position++) {
      const rate = rates.get(rateIds[position] as string);
      if (!rate) continue;
      rate.used = true;
      rate.taxable = exact(
        rate.taxable + (rate.compound ? excludingTax + addedNonCompound : excludingTax),
      );
      rate.amount = exact(rate.amount + (lineTaxes[offset + position] as number));
    }
    const lineTotal = exact(excludingTax + tax);
    if (index < itemCount) {
      subtotal = exact(subtotal + line.gross);
      discountTotal = exact(discountTotal + line.discount);
    } else {
      feeTotal = exact(feeTotal + line.net);
    }
    taxTotal = exact(taxTotal + tax);
    total = exact(total + lineTotal);
    const calculated = { ...calculatedLineTemplate };
    calculated.id = line.id;
    calculated.kind = line.kind;
    calculated.description = line.description;
    calculated.quantity = line.quantity;
    calculated.unitPrice = line.unitPrice;
    calculated.gross = money(line.gross);
    calculated.discount = money(line.discount);
    calculated.net = money(line.net);
    calculated.excludingTax = money(excludingTax);
    calculated.tax = money(tax);
    calculated.total = money(lineTotal);
    calculated.taxes = calculatedTaxes;
    calculatedLines[index] = calculated;
  }

  const taxes: CalculatedTax[] = [];
  for (const rate of input.taxRates) {
    const totals = rates.get(rate.id);
    if (!totals?.used) continue;
    taxes.push({
      rateId: rate.id,
      name: rate.name,
      percent: rate.percent.text,
      inclusive: rate.inclusive,
      compound: rate.compound,
      taxableAmount: money(totals.taxable),
      amount: money(totals.amount),
    });
  }

  return {
    currency: input.currency,
    lines: calculatedLines,
    taxes,
    subtotal: money(subtotal),
    discountTotal: money(discountTotal),
    feeTotal: money(feeTotal),
    taxTotal: money(taxTotal),
    total: money(total),
  };
}
