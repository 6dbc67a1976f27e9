import type { InvoiceStore, Quote, StoreTransaction } from "@remit/core";
import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { setupTenant } from "./fixtures";
import { id, inTenant, issuedInvoiceRecord, quoteRecord } from "./records";

/** The store's optional quote lookup, or a failure naming it (every adapter here implements it). */
function quoteLookup(store: InvoiceStore) {
  const find = store.findQuoteByPublicToken?.bind(store);
  if (!find) throw new Error("The store implements no findQuoteByPublicToken");
  return find;
}

/**
 * Quote public tokens (`@since 0.3.0` of the store port): the hosted quote page's key, kept on the
 * quote, found across tenants, and one space with the invoices' tokens.
 */
export function defineQuoteTokenCases(harness: ConformanceHarness): void {
  const within = <T>(tenantId: string, work: (transaction: StoreTransaction) => Promise<T>) =>
    inTenant(harness.store(), tenantId, work);

  it("findQuoteByPublicToken - finds a quote of any tenant by its exact token, inserted or updated", async () => {
    const inserted = quoteRecord("t2", 1, { status: "sent", publicToken: "qtok_Ab-9_xyz" });
    await within("t2", (transaction) => transaction.quotes.insert({ record: inserted }));
    const draft = quoteRecord("t3", 2, { depositRequired: "150.00" });
    await within("t3", (transaction) => transaction.quotes.insert({ record: draft }));
    const sent: Quote = { ...draft, version: 2, status: "sent", publicToken: "qtok_sent_later" };
    await within("t3", (transaction) =>
      transaction.quotes.update({ record: sent, expectedVersion: 1 }),
    );
    const find = quoteLookup(harness.store());
    expect(await find({ token: "qtok_Ab-9_xyz" })).toEqual(inserted);
    expect(await find({ token: "qtok_sent_later" })).toEqual(sent);
    expect(await find({ token: "qtok_ab-9_xyz" })).toBeUndefined();
    expect(await find({ token: "qtok_Ab-9" })).toBeUndefined();
    expect(await find({ token: "" })).toBeUndefined();
    // The backend itself holds the token and the deposit asked.
    const probe = harness.probe();
    expect(await probe.quote?.("t3", id("quo", 2))).toEqual({
      publicToken: "qtok_sent_later",
      depositRequired: "150.00",
    });
  });

  it("findQuoteByPublicToken - quote and invoice tokens never find each other's record", async () => {
    await within("t1", async (transaction) => {
      await transaction.invoices.insert({
        record: issuedInvoiceRecord("t1", 1, { publicToken: "tok_an_invoice" }),
      });
      await transaction.quotes.insert({
        record: quoteRecord("t1", 2, { status: "sent", publicToken: "tok_a_quote" }),
      });
    });
    const store = harness.store();
    expect(await quoteLookup(store)({ token: "tok_an_invoice" })).toBeUndefined();
    expect(await store.findInvoiceByPublicToken({ token: "tok_a_quote" })).toBeUndefined();
    expect((await quoteLookup(store)({ token: "tok_a_quote" }))?.id).toBe(id("quo", 2));
  });

  it("quotes.insert - a token another quote or an invoice holds, in any tenant, is refused and nothing is written", async () => {
    await within("t1", (transaction) =>
      transaction.invoices.insert({
        record: issuedInvoiceRecord("t1", 1, { publicToken: "tok_taken_by_invoice" }),
      }),
    );
    await within("t1", (transaction) =>
      transaction.quotes.insert({
        record: quoteRecord("t1", 2, { status: "sent", publicToken: "tok_taken_by_quote" }),
      }),
    );
    for (const token of ["tok_taken_by_invoice", "tok_taken_by_quote"]) {
      await expect(
        within("t2", (transaction) =>
          transaction.quotes.insert({
            record: quoteRecord("t2", 3, { status: "sent", publicToken: token }),
          }),
        ),
      ).rejects.toThrow();
    }
    expect(
      await within("t2", (transaction) => transaction.quotes.get({ id: id("quo", 3) })),
    ).toBeUndefined();
  });

  it("quotes.send - the first send makes a token of at least 128 bits, a later send keeps it", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store());
    const { quote } = await remit.quotes.create(ctx, {
      customerId: customer.id,
      title: "Water heater",
      lines: [{ kind: "labor", description: "Install", quantity: "1", unitPrice: "900.00" }],
      depositRequired: "300.00",
    });
    expect(quote).toMatchObject({ publicToken: null, depositRequired: "300.00" });
    const first = await remit.quotes.send(ctx, { id: quote.id });
    const token = first.quote.publicToken ?? "";
    // base64url: 6 bits a character, so 22 characters hold 132 bits.
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const again = await remit.quotes.send(ctx, { id: quote.id });
    expect(again.quote.publicToken).toBe(token);
    const found = await remit.quotes.getByPublicToken({ token });
    expect(found).toMatchObject({ id: quote.id, status: "sent", depositRequired: "300.00" });
    await expect(remit.quotes.getByPublicToken({ token: `${token}x` })).rejects.toMatchObject({
      code: "not_found",
    });
  });
}
