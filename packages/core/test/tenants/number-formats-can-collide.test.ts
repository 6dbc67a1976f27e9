import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { type Context, createRemit, RemitError } from "../../src/index";
import { numberFormatsCanCollide } from "../../src/tenants/number-formats-can-collide";

describe("number formats - can two formats print the same number", () => {
  it.each([
    ["INV-{SEQ:4}", "INV-{YYYY}{SEQ:4}", true], // INV-20260001 is also sequence 20260001
    ["INV-{SEQ}", "INV-{YYYY}-{SEQ}", false], // the dash after the year sets them apart
    ["INV-{SEQ:4}", "A-{SEQ:4}", false],
    ["{SEQ}", "{YY}{MM}{SEQ}", true],
    ["INV-{YYYY}-{SEQ:4}", "INV-{YY}-{SEQ:4}", false], // four digits before the dash, or two
    ["INV-{YYYY}-{SEQ:4}", "INV-{YYYY}/{SEQ:4}", false],
    ["Q{SEQ}", "{SEQ}", false], // a letter never reads as a digit
    ["{SEQ:6}", "{SEQ:2}", true],
  ])("%s and %s → %s", (a, b, expected) => {
    expect(numberFormatsCanCollide(a, b)).toBe(expected);
    expect(numberFormatsCanCollide(b, a)).toBe(expected);
  });
});

describe("tenants.upsert - a number format that could repeat an earlier one's numbers", () => {
  const ctx: Context = { tenantId: "tenant_numbers", actor: { type: "user", id: "u_1" } };

  async function tenantWithIssuedInvoice(numberFormat: string) {
    const remit = createRemit({ store: createMemoryStore(), clock: createTestClock() });
    await remit.tenants.upsert(ctx, { name: "Acme", currency: "USD", numberFormat });
    const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "100.00" }],
    });
    await remit.invoices.issue(ctx, { id: invoice.id });
    return remit;
  }

  it("upsert - refused at numberFormat once an invoice was numbered, and nothing is saved", async () => {
    const remit = await tenantWithIssuedInvoice("INV-{SEQ:4}");
    const error = await remit.tenants
      .upsert(ctx, { numberFormat: "INV-{YYYY}{SEQ:4}" })
      .catch((caught: unknown) => caught);
    expect(RemitError.isInstance(error) && error.code).toBe("validation_error");
    expect(error).toMatchObject({ path: "numberFormat" });
    expect((await remit.tenants.get(ctx)).numberFormat).toBe("INV-{SEQ:4}");
  });

  it("upsert - a format set apart is saved and the old one is remembered; going back is refused", async () => {
    const remit = await tenantWithIssuedInvoice("INV-{SEQ:4}");
    const saved = await remit.tenants.upsert(ctx, { numberFormat: "INV-{YYYY}-{SEQ:4}" });
    expect(saved.earlierNumberFormats).toEqual(["INV-{SEQ:4}"]);
    // INV-{SEQ} continues INV-{SEQ:4}'s own series, so it is allowed.
    await remit.tenants.upsert(ctx, { numberFormat: "INV-{SEQ}" });
    await expect(
      remit.tenants.upsert(ctx, { numberFormat: "INV-{YYYY}{SEQ}" }),
    ).rejects.toMatchObject({ code: "validation_error", path: "numberFormat" });
  });

  it("upsert - before any invoice is numbered, any format may replace another", async () => {
    const remit = createRemit({ store: createMemoryStore(), clock: createTestClock() });
    await remit.tenants.upsert(ctx, { numberFormat: "INV-{SEQ:4}" });
    const saved = await remit.tenants.upsert(ctx, { numberFormat: "INV-{YYYY}{SEQ:4}" });
    expect(saved.earlierNumberFormats).toEqual([]);
  });

  it("upsert - earlierNumberFormats cannot be set by the app", async () => {
    const remit = createRemit({ store: createMemoryStore(), clock: createTestClock() });
    await expect(
      remit.tenants.upsert(ctx, { earlierNumberFormats: [] } as never),
    ).rejects.toMatchObject({ code: "validation_error", path: "earlierNumberFormats" });
  });
});
