import { type CalculatedLine, isZeroMoney } from "@remit/core";
import type { En16931Line } from "./en16931-invoice";
import type { SourcedCategory } from "./resolve-vat-categories";

/** A calculated item line as an invoice line (BG-25): its amount without VAT, price and allowance. */
export function toEn16931Line(
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
