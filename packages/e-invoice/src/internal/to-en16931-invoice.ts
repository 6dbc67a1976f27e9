import { EInvoiceError } from "../e-invoice-error";
import type { RenderEInvoiceInput } from "../render-e-invoice-input";
import type { En16931Invoice } from "./en16931-invoice";
import { mapToEn16931 } from "./map-to-en16931";

/** The EN 16931 model of the input, or an `EInvoiceError` naming every problem. */
export function toEn16931Invoice(input: RenderEInvoiceInput): En16931Invoice {
  const result = mapToEn16931(input);
  if (!result.ok) throw new EInvoiceError({ issues: result.issues });
  return result.invoice;
}
