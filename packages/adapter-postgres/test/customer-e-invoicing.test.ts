import { createRemit } from "@remit/core";
import { expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { migratedSchema } from "./support/migrated-schema";

const { pool, schema } = migratedSchema();

const ctx = { tenantId: "t-e-invoicing", actor: { type: "user" as const, id: "usr_1" } };

test("customers - the e-invoicing fields round-trip through e_invoicing, and stay absent when unset", async () => {
  const remit = createRemit({ store: createPostgresStore({ client: pool, schema }) });
  await remit.tenants.upsert(ctx, {
    name: "Kessler Haustechnik",
    legalName: "Kessler Haustechnik GmbH",
    vatId: "DE123456789",
    address: { city: "Berlin", country: "DE" },
    paymentMeans: [{ type: "credit_transfer", iban: "DE89370400440532013000" }],
    untaxedVatCategory: { code: "E", exemptionReason: "Exempt under §4 UStG" },
  });
  const tenant = await remit.tenants.get(ctx);
  expect(tenant.legalName).toBe("Kessler Haustechnik GmbH");
  expect(tenant.paymentMeans).toEqual([
    { type: "credit_transfer", iban: "DE89370400440532013000", sepa: true },
  ]);

  const plain = await remit.customers.create(ctx, { name: "Dana Reyes" });
  expect(await remit.customers.get(ctx, { id: plain.id })).toEqual(plain);
  expect(Object.keys(plain)).not.toContain("vatId");

  const business = await remit.customers.create(ctx, {
    name: "Atelier Dupont SARL",
    billingAddress: { city: "Paris", country: "FR" },
    buyerReference: "PO-4711",
    vatId: "FR40303265045",
    directDebitMandate: { reference: "MANDATE-1", iban: "DE89370400440532013000" },
  });
  expect(await remit.customers.get(ctx, { id: business.id })).toEqual(business);
  expect(business.buyerReference).toBe("PO-4711");

  // The invoice's customer snapshot carries them, and the content keeps units and VAT categories.
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: business.id,
    lines: [
      { description: "Labor", quantity: "2", unitPrice: "95", unitCode: "HUR", taxRateIds: ["s"] },
    ],
    taxRates: [{ id: "s", name: "USt", percent: "19", vatCategory: "S" }],
  });
  const { invoice: stored } = await remit.invoices.get(ctx, { id: invoice.id });
  expect(stored.customer?.vatId).toBe("FR40303265045");
  expect(stored.content.lines[0]?.unitCode).toBe("HUR");
  expect(stored.content.taxRates?.[0]?.vatCategory).toBe("S");

  // null clears a field.
  const cleared = await remit.customers.update(ctx, { id: business.id, vatId: null });
  const read = await remit.customers.get(ctx, { id: business.id });
  expect(read).toEqual({ ...cleared, vatId: undefined });
  expect(read?.buyerReference).toBe("PO-4711");
});
