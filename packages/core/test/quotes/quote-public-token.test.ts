import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemit, type InvoiceStore, ulidIdGenerator } from "../../src/index";
import { olderStore } from "../support/older-store";

const user = (tenantId: string) => ({ tenantId, actor: { type: "user" as const, id: "u1" } });
const customer = { tenantId: "t1", actor: { type: "customer" as const, ip: "203.0.113.7" } };

/** A Remit whose tokens are counted, so a test can tell which send made one. */
function remitOn(store: InvoiceStore = createMemoryStore()) {
  let tokens = 0;
  const remit = createRemit({
    store,
    clock: createTestClock("2026-03-02T15:00:00.000Z"),
    ids: {
      ...ulidIdGenerator,
      newPublicToken: () => {
        tokens += 1;
        return ulidIdGenerator.newPublicToken();
      },
    },
  });
  return { remit, tokensMade: () => tokens };
}

async function draftQuote(
  remit: ReturnType<typeof remitOn>["remit"],
  tenantId = "t1",
  extra: Record<string, unknown> = {},
) {
  await remit.tenants.upsert(user(tenantId), { timeZone: "America/Chicago" });
  const { id: customerId } = await remit.customers.create(user(tenantId), { name: "Dana Reyes" });
  const { quote } = await remit.quotes.create(user(tenantId), {
    customerId,
    title: "New water heater",
    lines: [{ kind: "material", description: "Heater", quantity: "1", unitPrice: "650.00" }],
    ...extra,
  });
  return quote;
}

describe("a quote's public token", () => {
  it("is made by the ids' public-token generator on the first send and kept by later sends", async () => {
    const { remit, tokensMade } = remitOn();
    const quote = await draftQuote(remit);
    expect(quote.publicToken).toBeNull();
    expect(tokensMade()).toBe(0);
    const sent = await remit.quotes.send(user("t1"), { id: quote.id });
    expect(tokensMade()).toBe(1);
    const token = sent.quote.publicToken ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 192 bits, base64url, as an invoice's
    expect(sent.events[0]).toMatchObject({ type: "quote.sent", data: { publicToken: token } });
    const again = await remit.quotes.send(user("t1"), { id: quote.id });
    expect(again.quote.publicToken).toBe(token);
    expect(tokensMade()).toBe(1);
    const revised = await remit.quotes.revise(user("t1"), {
      id: quote.id,
      expectedVersion: again.quote.version,
      title: "Water heater, 50 gallons",
    });
    expect(revised.quote.publicToken).toBe(token);
  });

  it("getByPublicToken finds the quote of any tenant by its exact token, and nothing else", async () => {
    const { remit } = remitOn();
    const first = await draftQuote(remit, "t1");
    const second = await draftQuote(remit, "t2");
    const sentFirst = (await remit.quotes.send(user("t1"), { id: first.id })).quote;
    const sentSecond = (await remit.quotes.send(user("t2"), { id: second.id })).quote;
    expect(
      await remit.quotes.getByPublicToken({ token: sentFirst.publicToken ?? "" }),
    ).toMatchObject({ id: first.id, tenantId: "t1" });
    expect(
      await remit.quotes.getByPublicToken({ token: sentSecond.publicToken ?? "" }),
    ).toMatchObject({ id: second.id, tenantId: "t2" });
    await expect(
      remit.quotes.getByPublicToken({ token: (sentFirst.publicToken ?? "").toLowerCase() }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(remit.quotes.getByPublicToken({ token: "short" })).rejects.toMatchObject({
      code: "validation_error",
    });
  });

  it("the customer who opened the link approves the quote it found", async () => {
    const { remit } = remitOn();
    const quote = await draftQuote(remit);
    const { publicToken } = (await remit.quotes.send(user("t1"), { id: quote.id })).quote;
    const found = await remit.quotes.getByPublicToken({ token: publicToken ?? "" });
    const approved = await remit.quotes.approve(
      { ...customer, tenantId: found.tenantId },
      { id: found.id, expectedVersion: found.version, approvedBy: "Dana Reyes" },
    );
    expect(approved.quote).toMatchObject({ status: "approved", approvedBy: "Dana Reyes" });
    expect(approved.events[0]).toMatchObject({
      actor: { type: "customer", ip: "203.0.113.7" },
      data: { approvedBy: "Dana Reyes", ip: "203.0.113.7" },
    });
  });

  it("a store written before quote tokens refuses getByPublicToken with not_supported", async () => {
    const { remit } = remitOn(olderStore({ storeReads: ["findQuoteByPublicToken"] }));
    await expect(
      remit.quotes.getByPublicToken({ token: "a-token-of-twenty-chars" }),
    ).rejects.toMatchObject({ code: "not_supported" });
  });
});

describe("a quote's deposit required", () => {
  it("is kept as asked, at most the total, changed by a revision", async () => {
    const { remit } = remitOn();
    const quote = await draftQuote(remit, "t1", { depositRequired: "200" });
    expect(quote.depositRequired).toBe("200");
    const revised = await remit.quotes.revise(user("t1"), {
      id: quote.id,
      expectedVersion: quote.version,
      depositRequired: null,
    });
    expect(revised.quote.depositRequired).toBeNull();
    expect((await draftQuote(remit, "t1")).depositRequired).toBeNull();
  });

  it("more than the total, more decimals than the currency, or a total lowered below it is refused", async () => {
    const { remit } = remitOn();
    await expect(draftQuote(remit, "t1", { depositRequired: "650.01" })).rejects.toMatchObject({
      code: "validation_error",
      issues: [{ path: "depositRequired", message: "must be at most the quote's total, 650.00" }],
    });
    await expect(draftQuote(remit, "t1", { depositRequired: "10.005" })).rejects.toMatchObject({
      issues: [{ path: "depositRequired" }],
    });
    await expect(draftQuote(remit, "t1", { depositRequired: "0" })).rejects.toMatchObject({
      issues: [{ path: "depositRequired" }],
    });
    const quote = await draftQuote(remit, "t1", { depositRequired: "600.00" });
    await expect(
      remit.quotes.revise(user("t1"), {
        id: quote.id,
        expectedVersion: quote.version,
        lines: [{ kind: "material", description: "Heater", quantity: "1", unitPrice: "500.00" }],
      }),
    ).rejects.toMatchObject({ issues: [{ path: "depositRequired" }] });
  });
});
