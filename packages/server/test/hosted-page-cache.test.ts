import type { Invoice, InvoiceStore } from "@remit/core";
import { createRemit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { ctx } from "./support/create-test-remit";

const publicUrl = "https://pay.example.com";

/**
 * Remit on a memory store the test can also write to directly, behind Remit's back: a change
 * Remit never commits tells whether a page came from the cache or from the store.
 */
async function setup(hostedPageCache?: { maxEntries?: number }) {
  const store = createMemoryStore();
  const remit = createRemit({ store });
  await remit.tenants.upsert(ctx, { name: "Reyes Plumbing", currency: "USD" });
  const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
  const issue = async (unitPrice: string) => {
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ kind: "labor", description: "Service call", quantity: "1", unitPrice }],
    });
    return (await remit.invoices.issue(ctx, { id: invoice.id })).invoice;
  };
  const { fetch } = createRemitHandler({
    remit,
    publicUrl,
    ...(hostedPageCache ? { hostedPageCache } : {}),
  });
  const view = async (invoice: Invoice) =>
    (await fetch(new Request(`${publicUrl}/i/${invoice.publicToken}`))).text();
  return { store, remit, issue, view };
}

/** Writes a memo into the stored invoice without a move: no event, nothing for a cache to hear. */
async function writeMemoBehindRemit(store: InvoiceStore, invoice: Invoice, memo: string) {
  await store.transaction({
    tenantId: ctx.tenantId,
    work: async (transaction) => {
      const stored = await transaction.invoices.get({ id: invoice.id });
      if (!stored) throw new Error("no invoice");
      await transaction.invoices.update({
        record: { ...stored, content: { ...stored.content, memo }, version: stored.version + 1 },
        expectedVersion: stored.version,
      });
    },
  });
}

describe("hosted invoice page - cache", () => {
  it("cache - without hostedPageCache every view reads the store", async () => {
    const { store, issue, view } = await setup();
    const invoice = await issue("120.00");
    await view(invoice);
    await writeMemoBehindRemit(store, invoice, "Read from the store");
    expect(await view(invoice)).toContain("Read from the store");
  });

  it("cache - keeps the rendered page by token, and a payment in this process replaces it before the payment's call returns", async () => {
    const { store, remit, issue, view } = await setup({});
    const invoice = await issue("120.00");
    const first = await view(invoice);
    expect(first).toContain("pending_payment");
    await writeMemoBehindRemit(store, invoice, "Not yet seen");
    expect(await view(invoice)).toBe(first); // served from the cache

    await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "120.00",
      method: "check",
      idempotencyKey: "check-1001",
    });
    const paid = await view(invoice);
    expect(paid).toContain('data-status="paid">Paid</span>');
    expect(paid).toContain("Not yet seen");
  });

  it("cache - a rotated token's page is gone the moment the rotation returns", async () => {
    const { remit, issue, view } = await setup({});
    const invoice = await issue("120.00");
    expect(await view(invoice)).toContain("pending_payment");
    const { invoice: rotated } = await remit.invoices.rotatePublicToken(ctx, { id: invoice.id });
    expect(await view(invoice)).not.toContain("pending_payment");
    expect(await view(rotated)).toContain("pending_payment");
  });

  it("cache - any move of the tenant (new branding) clears its pages; another tenant's moves do not", async () => {
    const { store, remit, issue, view } = await setup({});
    const invoice = await issue("120.00");
    await view(invoice);
    await writeMemoBehindRemit(store, invoice, "After the other tenant");
    await remit.tenants.upsert(
      { tenantId: "another", actor: { type: "user", id: "u_2" } },
      { name: "Another Business" },
    );
    expect(await view(invoice)).not.toContain("After the other tenant");

    await remit.tenants.upsert(ctx, { branding: { primaryColor: "#0f766e" } });
    const rebranded = await view(invoice);
    expect(rebranded).toContain("--remit-primary:#0f766e");
    expect(rebranded).toContain("After the other tenant");
  });

  it("cache - keeps at most maxEntries pages, dropping the least recently viewed", async () => {
    const { store, issue, view } = await setup({ maxEntries: 2 });
    const [first, second, third] = [await issue("1.00"), await issue("2.00"), await issue("3.00")];
    await view(first);
    await view(second);
    await view(first); // now second is the least recently viewed
    await view(third); // evicts second
    await writeMemoBehindRemit(store, first, "changed first");
    await writeMemoBehindRemit(store, second, "changed second");
    expect(await view(first)).not.toContain("changed first");
    expect(await view(second)).toContain("changed second");
  });

  it("cache - an unknown token is never cached: it is read, and answered 404, each time", async () => {
    const { view } = await setup({});
    const missing = { publicToken: "t".repeat(24) } as Invoice;
    expect(await view(missing)).toContain("404");
  });

  it("options - a changes feed without subscribe is refused when the handler is made", async () => {
    const remit = createRemit({ store: createMemoryStore() });
    expect(() =>
      createRemitHandler({
        remit,
        publicUrl,
        hostedPageCache: { changes: {} as never },
      }),
    ).toThrow(/hostedPageCache\.changes/);
  });
});
