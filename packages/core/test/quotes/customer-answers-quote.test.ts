import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemit } from "../../src/index";

const user = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };
const customer = { tenantId: "t1", actor: { type: "customer" as const, ip: "203.0.113.7" } };

async function sentQuote(expiresOn: string | null = null) {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit = createRemit({ store: createMemoryStore(), clock });
  await remit.tenants.upsert(user, { timeZone: "America/Chicago" });
  const { id: customerId } = await remit.customers.create(user, { name: "Dana Reyes" });
  const { quote } = await remit.quotes.create(user, {
    customerId,
    title: "New water heater",
    expiresOn,
    lines: [{ kind: "material", description: "Heater", quantity: "1", unitPrice: "650.00" }],
  });
  await remit.quotes.send(user, { id: quote.id });
  return { remit, clock, quote };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; status?: string; path?: string };
  }
  throw new Error("expected the move to be refused");
}

describe("the customer answers a quote", () => {
  it("approval keeps the typed name, the time and the IP as the record of acceptance", async () => {
    const { remit, quote } = await sentQuote();
    const approved = await remit.quotes.approve(customer, { id: quote.id, approvedBy: "Dana R." });
    expect(approved.quote).toMatchObject({
      status: "approved",
      approvedBy: "Dana R.",
      approvedAt: "2026-03-02T15:00:00.000Z",
    });
    expect(approved.events).toHaveLength(1);
    expect(approved.events[0]).toMatchObject({
      type: "quote.approved",
      occurredAt: "2026-03-02T15:00:00.000Z",
      actor: { type: "customer", ip: "203.0.113.7" },
      data: { approvedBy: "Dana R.", ip: "203.0.113.7", status: "approved" },
    });
  });

  it("decline keeps the reason and the IP", async () => {
    const { remit, quote } = await sentQuote();
    const declined = await remit.quotes.decline(customer, { id: quote.id, reason: "Too dear" });
    expect(declined.quote).toMatchObject({ status: "declined", declineReason: "Too dear" });
    expect(declined.events[0]).toMatchObject({
      type: "quote.declined",
      data: { reason: "Too dear", ip: "203.0.113.7" },
    });
  });

  it("a quote already decided or expired is refused, and nothing changes", async () => {
    const { remit, quote } = await sentQuote();
    await remit.quotes.approve(customer, { id: quote.id, approvedBy: "Dana" });
    expect(
      await refusal(remit.quotes.decline(customer, { id: quote.id, reason: "Changed my mind" })),
    ).toMatchObject({ code: "invalid_transition", status: "approved" });
    expect((await remit.quotes.get(user, { id: quote.id })).quote.status).toBe("approved");

    const late = await sentQuote("2026-03-05");
    late.clock.set("2026-03-06T06:00:00Z"); // the 6th in Chicago
    expect(
      await refusal(late.remit.quotes.approve(customer, { id: late.quote.id, approvedBy: "Dana" })),
    ).toMatchObject({ code: "invalid_transition", status: "expired" });
    expect((await late.remit.quotes.get(user, { id: late.quote.id })).quote.status).toBe("sent");
  });

  it("a customer may only answer: other quote moves and bad IPs are refused", async () => {
    const { remit, quote } = await sentQuote();
    expect(await refusal(remit.quotes.send(customer, { id: quote.id }))).toMatchObject({
      code: "validation_error",
      path: "actor",
    });
    const noIp = { tenantId: "t1", actor: { type: "customer", ip: "not an ip" } };
    expect(
      await refusal(
        remit.quotes.approve(noIp as unknown as typeof customer, {
          id: quote.id,
          approvedBy: "Dana",
        }),
      ),
    ).toMatchObject({ code: "validation_error" });
    expect((await remit.quotes.get(user, { id: quote.id })).quote.status).toBe("sent");
  });
});
