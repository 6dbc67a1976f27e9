import { calculateInvoice, type InvoiceInput, type TenantSettings } from "@remit/core";
import type { EInvoiceInvoice, EInvoiceTenant, RenderEInvoiceInput } from "../../src/index";

/** A German seller with everything EN 16931 asks for. */
export const seller: EInvoiceTenant = {
  name: "Kessler Haustechnik",
  legalName: "Kessler Haustechnik GmbH",
  email: "rechnung@kessler.example",
  phone: "+49 30 1234567",
  address: { line1: "Hauptstraße 5", city: "Berlin", postalCode: "10115", country: "DE" },
  vatId: "DE123456789",
  taxRegistrationId: "30/123/45678",
  legalRegistrationId: "HRB 12345",
  paymentMeans: [
    { type: "credit_transfer", iban: "DE89370400440532013000", bic: "COBADEFFXXX", sepa: true },
  ],
  untaxedVatCategory: { code: "E", exemptionReason: "Exempt under §4 UStG" },
} satisfies Partial<TenantSettings>;

/** A business customer in France. */
export const buyer = {
  id: "cus_1",
  name: "Atelier Dupont SARL",
  email: "compta@dupont.example",
  phone: null,
  billingAddress: { line1: "12 rue de la Paix", city: "Paris", postalCode: "75002", country: "FR" },
  buyerReference: "PO-4711",
  vatId: "FR40303265045",
};

/** An issued invoice over `content` (any currency), with the totals `calculateInvoice` gives. */
export function issuedInvoice(
  input: InvoiceInput,
  options: { amountPaid?: string; customer?: EInvoiceInvoice["customer"] } = {},
): EInvoiceInvoice {
  const { currency, ...content } = input;
  return {
    currency,
    number: "RE-2026-0042",
    issueDate: "2026-03-02",
    dueDate: "2026-04-01",
    terms: "net_30",
    customer: options.customer === undefined ? buyer : options.customer,
    content: { ...content, memo: "Thank you for your order." } as EInvoiceInvoice["content"],
    totals: calculateInvoice(input),
    amountPaid: options.amountPaid ?? "0",
  };
}

export function eInvoiceInput(
  input: InvoiceInput,
  overrides: Partial<RenderEInvoiceInput> & { amountPaid?: string } = {},
): RenderEInvoiceInput {
  const { amountPaid, ...rest } = overrides;
  return {
    invoice: issuedInvoice(input, amountPaid === undefined ? {} : { amountPaid }),
    tenant: seller,
    ...rest,
  };
}
