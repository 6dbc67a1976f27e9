import type { RenderEInvoiceInput } from "../render-e-invoice-input";
import type { En16931PaymentMeans } from "./en16931-invoice";

/**
 * One means of payment (BT-81 holds one code): SEPA direct debit when the tenant collects by direct
 * debit and the customer gave a mandate, else a transfer to the tenant's first account, else card.
 */
export function choosePaymentMeans({
  tenant,
  invoice,
}: RenderEInvoiceInput): En16931PaymentMeans | undefined {
  const means = tenant.paymentMeans ?? [];
  const mandate = invoice.customer?.directDebitMandate;
  if (mandate && means.some((entry) => entry.type === "direct_debit")) {
    return {
      kind: "direct_debit",
      code: "59",
      mandateReference: mandate.reference,
      debitedIban: mandate.iban,
    };
  }
  const transfer = means.find((entry) => entry.type === "credit_transfer");
  if (transfer?.type === "credit_transfer") {
    return {
      kind: "credit_transfer",
      code: transfer.sepa === false ? "30" : "58",
      account: {
        iban: transfer.iban,
        ...(transfer.accountName ? { name: transfer.accountName } : {}),
        ...(transfer.bic ? { bic: transfer.bic } : {}),
      },
    };
  }
  if (means.some((entry) => entry.type === "card")) return { kind: "card", code: "48" };
  return undefined;
}
