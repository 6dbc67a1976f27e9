import { createMemoryStore, createTestClock } from "@remit/testing";
import { createRemit, type Remit } from "../../src/index";

/** A tenant (no review unless asked), a customer, and a remodel work order worth 15,000.00 net. */
export async function remodelJob(settings: Record<string, unknown> = {}) {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit: Remit = createRemit({ store: createMemoryStore(), clock });
  const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };
  await remit.tenants.upsert(ctx, { timeZone: "America/Chicago", ...settings });
  const customer = await remit.customers.create(ctx, {
    name: "Dana Reyes",
    email: "d@example.com",
  });
  const { workOrder } = await remit.workOrders.create(ctx, {
    customerId: customer.id,
    title: "Kitchen remodel",
    taxRates: [{ id: "tax", name: "Sales tax", percent: "8.25" }],
    services: [
      {
        id: "framing",
        description: "Framing",
        quantity: "1",
        unitPrice: "10000.00",
        taxRateIds: ["tax"],
      },
      { id: "roofing", description: "Roofing", quantity: "1", unitPrice: "4999.99" },
    ],
    fees: [{ id: "permit", description: "Permit", amount: "0.01" }],
  });
  return { remit, ctx, clock, customer, workOrder };
}

/** The error a promise is refused with. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; issues?: { path: string }[]; message: string };
  }
  throw new Error("expected a refusal");
}
