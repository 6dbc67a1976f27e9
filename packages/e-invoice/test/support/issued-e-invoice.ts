import { createRemit, type Invoice, type Tenant } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { buyer, seller } from "./e-invoice-fixture";

/**
 * A real invoice from the real service on the in-memory store, with every e-invoicing field set
 * through the public calls (tenant settings, customer, tax rates, units), issued and part paid.
 */
export async function issuedEInvoice(): Promise<{ invoice: Invoice; tenant: Tenant }> {
  const remit = createRemit({
    store: createMemoryStore(),
    clock: { specificationVersion: "v1", now: () => "2026-03-02T15:00:00.000Z" },
  });
  const ctx = { tenantId: "tenant-1", actor: { type: "user" as const, id: "u_1" } };
  const tenant = await remit.tenants.upsert(ctx, {
    ...seller,
    currency: "EUR",
    timeZone: "Europe/Berlin",
    locale: "de-DE",
    numberFormat: "RE-{YYYY}-{SEQ:4}",
  });
  const customer = await remit.customers.create(ctx, {
    name: buyer.name,
    email: buyer.email,
    billingAddress: buyer.billingAddress,
    buyerReference: buyer.buyerReference,
    vatId: buyer.vatId,
  });
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    terms: "net_14",
    memo: "Vielen Dank für Ihren Auftrag.",
    lines: [
      {
        kind: "labor",
        description: "Heizungswartung",
        quantity: "2.5",
        unitPrice: "78.00",
        unitCode: "HUR",
        taxRateIds: ["ust"],
      },
      {
        kind: "material",
        description: "Thermostatventil",
        quantity: "3",
        unitPrice: "24.99",
        unitCode: "C62",
        taxRateIds: ["ust"],
        discount: { type: "percent", value: "10" },
      },
    ],
    taxRates: [{ id: "ust", name: "USt", percent: "19", vatCategory: "S" }],
    fees: [{ description: "Anfahrt", type: "amount", value: "35.00", taxRateIds: ["ust"] }],
    rounding: { tax: "per_document" },
  });
  const issued = await remit.invoices.issue(ctx, { id: invoice.id });
  const paid = await remit.invoices.recordPayment(ctx, {
    id: invoice.id,
    amount: "100.00",
    method: "bank_transfer",
    idempotencyKey: "payment-1",
  });
  return { invoice: paid.invoice ?? issued.invoice, tenant };
}
