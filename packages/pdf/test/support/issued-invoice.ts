import { createRemit, type Invoice, type Tenant, type TenantSettingsInput } from "@remit/core";
import { createMemoryStore } from "@remit/testing";

/**
 * A real invoice from the real service on the in-memory store: a tenant, a customer, an invoice
 * with labor, a part at a fractional unit price, a discount, a fee and a tax, issued and part paid.
 */
export async function issuedInvoice(
  settings: TenantSettingsInput,
  options: { paid?: string; issue?: boolean; lines?: number } = {},
): Promise<{ invoice: Invoice; tenant: Tenant }> {
  const remit = createRemit({
    store: createMemoryStore(),
    clock: { specificationVersion: "v1", now: () => "2026-03-02T15:00:00.000Z" },
  });
  const ctx = { tenantId: "tenant-1", actor: { type: "user" as const, id: "u_1" } };
  const tenant = await remit.tenants.upsert(ctx, {
    email: "billing@contractor.example",
    phone: "+15125550199",
    defaultTaxRates: [{ id: "vat", name: "VAT", percent: "10" }],
    ...settings,
  });
  const customer = await remit.customers.create(ctx, {
    name: "Dana Whitfield",
    email: "dana@example.com",
    phone: "+15125550101",
    billingAddress: {
      line1: "4 Elm Street",
      city: "Austin",
      region: "TX",
      postalCode: "78701",
      country: "US",
    },
  });
  const extraLines = Array.from({ length: options.lines ?? 0 }, (_, index) => ({
    kind: "material" as const,
    description: `Fitting no. ${index + 1}`,
    quantity: "1",
    unitPrice: "1000",
    taxRateIds: ["vat"],
  }));
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    terms: "net_15",
    memo: "Thank you! Parts carry a 90-day warranty.",
    lines: [
      {
        kind: "labor",
        description: "Replace water heater",
        quantity: "2.5",
        unitPrice: "85000",
        taxRateIds: ["vat"],
      },
      {
        kind: "material",
        description: "Pressure relief valve",
        quantity: "4",
        unitPrice: "12500.125",
        taxRateIds: ["vat"],
      },
      ...extraLines,
    ],
    discounts: [{ type: "percent", value: "5" }],
    fees: [{ description: "Trip charge", type: "amount", value: "4900" }],
  });
  if (options.issue === false) return { invoice, tenant };
  await remit.invoices.issue(ctx, { id: invoice.id });
  if (options.paid) {
    await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: options.paid,
      method: "check",
      reference: "1042",
      idempotencyKey: "check-1042",
    });
  }
  return { invoice: (await remit.invoices.get(ctx, { id: invoice.id })).invoice, tenant };
}
