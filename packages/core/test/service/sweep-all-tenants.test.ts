import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemit, sweepAllTenants } from "../../src/index";

describe("sweepAllTenants", () => {
  it("moves each tenant's overdue invoices and expired quotes at that tenant's local date", async () => {
    const clock = createTestClock("2026-03-02T15:00:00.000Z");
    const remit = createRemit({ store: createMemoryStore(), clock });
    const zones = { t_chicago: "America/Chicago", t_auckland: "Pacific/Auckland" };
    for (const [tenantId, timeZone] of Object.entries(zones)) {
      const ctx = { tenantId, actor: { type: "user" as const, id: "u1" } };
      await remit.tenants.upsert(ctx, { timeZone, defaultTerms: "due_on_receipt" });
      const customer = await remit.customers.create(ctx, { name: "Dana" });
      await remit.invoices.create(ctx, {
        customerId: customer.id,
        lines: [{ quantity: "1", unitPrice: "10" }],
        issue: true,
      });
      const { quote } = await remit.quotes.create(ctx, {
        customerId: customer.id,
        title: "Q",
        expiresOn: "2026-03-03",
        lines: [{ quantity: "1", unitPrice: "5" }],
      });
      await remit.quotes.send(ctx, { id: quote.id });
    }
    // Issued at 2026-03-02T15:00Z: due that day in Chicago (09:00 there), due the 3rd in Auckland
    // (04:00 there). At 2026-03-03T12:00Z it is the 3rd in Chicago and already the 4th in Auckland:
    // both invoices are past due, and only Auckland's quote (last day the 3rd) has expired.
    expect(await sweepAllTenants(remit, { at: "2026-03-03T12:00:00Z" })).toEqual({
      tenants: 2,
      pastDue: 2,
      expiredQuotes: 1,
      planOccurrences: 0,
      lateFees: 0,
    });
    expect(await sweepAllTenants(remit, { at: "2026-03-03T12:00:00Z" })).toEqual({
      tenants: 2,
      pastDue: 0,
      expiredQuotes: 0,
      planOccurrences: 0,
      lateFees: 0,
    });
    expect(await sweepAllTenants(remit, { at: "2026-03-04T12:00:00Z" })).toEqual({
      tenants: 2,
      pastDue: 0,
      expiredQuotes: 1,
      planOccurrences: 0,
      lateFees: 0,
    });
  });

  it("generates recurring plans' due occurrences once, at each tenant's local date", async () => {
    const clock = createTestClock("2027-01-01T12:00:00.000Z");
    const remit = createRemit({ store: createMemoryStore(), clock });
    const ctx = { tenantId: "t_plans", actor: { type: "user" as const, id: "u1" } };
    await remit.tenants.upsert(ctx, { timeZone: "Pacific/Auckland" });
    const customer = await remit.customers.create(ctx, { name: "Dana" });
    await remit.plans.create(ctx, {
      customerId: customer.id,
      name: "Weekly",
      schedule: { rrule: "FREQ=WEEKLY", startDate: "2027-01-08" },
      lines: [{ quantity: "1", unitPrice: "40" }],
    });
    // 2027-01-07T12:00Z is already the 8th in Auckland.
    const at = "2027-01-07T12:00:00Z";
    expect((await sweepAllTenants(remit, { at })).planOccurrences).toBe(1);
    expect((await sweepAllTenants(remit, { at })).planOccurrences).toBe(0);
  });

  it("refuses a malformed instant with its path", async () => {
    const remit = createRemit({ store: createMemoryStore() });
    await expect(sweepAllTenants(remit, { at: "yesterday" })).rejects.toMatchObject({
      code: "validation_error",
      path: "at",
    });
  });
});
