import {
  type Context,
  createRemit,
  IdempotencyKeyTakenError,
  type InvoiceStore,
  type Remit,
} from "@remit/core";
import { expect } from "vitest";
import { createTestClock } from "./test-clock";

/** A user of a tenant, as the host app would pass. */
export function userContext(tenantId: string, userId = "user_1"): Context {
  return { tenantId, actor: { type: "user", id: userId } };
}

/** A Remit on `store` with a clock the test moves, and a tenant with one customer. */
export async function setupTenant(
  store: InvoiceStore,
  tenantId = "tenant_a",
  settings: Record<string, unknown> = {},
) {
  const clock = createTestClock();
  const remit: Remit = createRemit({ store, clock });
  const ctx = userContext(tenantId);
  await remit.tenants.upsert(ctx, {
    name: "Acme Plumbing",
    currency: "USD",
    timeZone: "America/Chicago",
    ...settings,
  });
  const customer = await remit.customers.create(ctx, {
    name: "Dana Reyes",
    email: "dana@example.com",
    phone: "+15551234567",
  });
  return { remit, clock, ctx, customer };
}

/** Two lines, a taxed trip fee: 2 × 95.00 labor + 45.50 parts, 8.25% tax, 49.00 trip → 303.93. */
export function sampleLines() {
  return {
    lines: [
      {
        kind: "labor" as const,
        description: "Labor",
        quantity: "2",
        unitPrice: "95.00",
        taxRateIds: ["tax"],
      },
      {
        kind: "material" as const,
        description: "Parts",
        quantity: "1",
        unitPrice: "45.50",
        taxRateIds: ["tax"],
      },
    ],
    taxRates: [{ id: "tax", name: "Sales tax", percent: "8.25" }],
    fees: [{ id: "trip", description: "Trip charge", type: "amount" as const, value: "49.00" }],
  };
}

/** Creates and issues an invoice for the customer; returns it after issue. */
export async function issuedInvoice(setup: Awaited<ReturnType<typeof setupTenant>>) {
  const { remit, ctx, customer } = setup;
  const created = await remit.invoices.create(ctx, { customerId: customer.id, ...sampleLines() });
  const issued = await remit.invoices.issue(ctx, { id: created.invoice.id });
  return issued.invoice;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; [key: string]: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error("Expected the call to be refused, but it succeeded");
}

/** Asserts that a store refused a write because its idempotency key is taken, as core checks it. */
export function expectIdempotencyKeyTaken(error: unknown, key: string): void {
  expect(
    IdempotencyKeyTakenError.isInstance(error) && error.code === "idempotency_key_taken",
    `expected IdempotencyKeyTakenError, got ${String(error)}`,
  ).toBe(true);
  expect(error).toMatchObject({ key });
}
