import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { type Context, createRemit, type InvoiceStore } from "../../src/index";

const owner = (tenantId: string): Context => ({ tenantId, actor: { type: "user", id: "owner" } });
const stripe: Context["actor"] = { type: "provider", name: "stripe" };

async function twoConnectedTenants(store: InvoiceStore) {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit = createRemit({ store, clock });
  await remit.tenants.upsert(owner("acme"), {
    paymentAccounts: { stripe: { accountId: "acct_acme", chargesEnabled: true } },
  });
  await remit.tenants.upsert(owner("bolt"), {
    paymentAccounts: { stripe: { accountId: "acct_bolt", chargesEnabled: true } },
  });
  await remit.tenants.upsert(owner("no-account"), { name: "No account" });
  return { remit, clock };
}

describe("tenants - payment accounts", () => {
  it("findByPaymentAccount - the tenant that holds the account, across tenants; null for any other", async () => {
    const { remit } = await twoConnectedTenants(createMemoryStore());
    expect(
      await remit.tenants.findByPaymentAccount({ provider: "stripe", accountId: "acct_bolt" }),
    ).toMatchObject({ id: "bolt", paymentAccounts: { stripe: { accountId: "acct_bolt" } } });
    expect(
      await remit.tenants.findByPaymentAccount({ provider: "stripe", accountId: "acct_none" }),
    ).toBeNull();
    expect(
      await remit.tenants.findByPaymentAccount({ provider: "other", accountId: "acct_bolt" }),
    ).toBeNull();
    await expect(
      remit.tenants.findByPaymentAccount({ provider: "stripe", accountId: "" }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });

  it("findByPaymentAccount - a store without the lookup (written before it) is walked tenant by tenant", async () => {
    const memory = createMemoryStore();
    const { findTenantByPaymentAccount: _left, ...older } = memory;
    const { remit } = await twoConnectedTenants(older);
    expect(
      await remit.tenants.findByPaymentAccount({ provider: "stripe", accountId: "acct_bolt" }),
    ).toMatchObject({ id: "bolt" });
    expect(
      await remit.tenants.findByPaymentAccount({ provider: "stripe", accountId: "acct_none" }),
    ).toBeNull();
  });

  it("disconnectPaymentAccount - marks the account, stops its charges, and emits payments.account_disconnected once", async () => {
    const { remit, clock } = await twoConnectedTenants(createMemoryStore());
    clock.advance(60_000);
    const context: Context = { tenantId: "acme", actor: stripe };
    const input = {
      provider: "stripe",
      accountId: "acct_acme",
      reason: "account.application.deauthorized",
    };
    const { tenant, events } = await remit.tenants.disconnectPaymentAccount(context, input);
    expect(tenant.paymentAccounts.stripe).toEqual({
      accountId: "acct_acme",
      chargesEnabled: false,
      detailsSubmitted: false,
      disconnectedAt: "2026-03-02T15:01:00.000Z",
    });
    expect(events.map((event) => [event.type, event.subject, event.data])).toEqual([
      [
        "tenant.updated",
        { type: "tenant", id: "acme", version: 2 },
        { changed: ["paymentAccounts"] },
      ],
      [
        "payments.account_disconnected",
        { type: "tenant", id: "acme", version: 2 },
        {
          provider: "stripe",
          accountId: "acct_acme",
          disconnectedAt: "2026-03-02T15:01:00.000Z",
          reason: "account.application.deauthorized",
        },
      ],
    ]);
    expect(await remit.tenants.get(owner("acme"))).toEqual(tenant);
    // Again (a redelivered webhook): nothing changes, no event.
    const again = await remit.tenants.disconnectPaymentAccount(context, input);
    expect(again.events).toEqual([]);
    expect(again.tenant).toEqual(tenant);
    // The other tenant's account is untouched, and still found by its account.
    expect((await remit.tenants.get(owner("bolt"))).paymentAccounts.stripe?.chargesEnabled).toBe(
      true,
    );
    expect(
      await remit.tenants.findByPaymentAccount({ provider: "stripe", accountId: "acct_acme" }),
    ).toMatchObject({
      id: "acme",
      paymentAccounts: {
        stripe: { disconnectedAt: tenant.paymentAccounts.stripe?.disconnectedAt },
      },
    });
  });

  it("disconnectPaymentAccount - an account the tenant does not hold is not_found, and nothing is written", async () => {
    const { remit } = await twoConnectedTenants(createMemoryStore());
    await expect(
      remit.tenants.disconnectPaymentAccount(
        { tenantId: "acme", actor: stripe },
        { provider: "stripe", accountId: "acct_bolt", reason: "test" },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      remit.tenants.disconnectPaymentAccount(
        { tenantId: "no-account", actor: stripe },
        { provider: "stripe", accountId: "acct_acme", reason: "test" },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await remit.tenants.get(owner("acme"))).version).toBe(1);
  });
});
