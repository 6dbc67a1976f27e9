import { afterEach, describe, expect, it } from "vitest";
import { handleStripeWebhook, StripeAccountMismatchError } from "../src/index";
import { createStripeTest, type StripeTest } from "./support/stripe-test-harness";

let t: StripeTest;
afterEach(() => t?.close());

describe("connect", () => {
  it("connect - creates the tenant's connected account once, with an idempotency key, and stores it", async () => {
    t = await createStripeTest();
    const created = t.fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/accounts");
    expect(created).toEqual([
      expect.objectContaining({
        account: null,
        idempotencyKey: "remit:connect-account:acme",
        body: expect.objectContaining({
          country: "US",
          email: "owner@acme.example",
          controller: {
            stripe_dashboard: { type: "full" },
            fees: { payer: "account" },
            losses: { payments: "stripe" },
            requirement_collection: "stripe",
          },
          capabilities: { card_payments: { requested: "true" }, transfers: { requested: "true" } },
          metadata: { remit_tenant_id: "acme" },
        }),
      }),
    ]);
    const again = await t.payments.connectAccount(t.remit, t.ctx, {
      email: "owner@acme.example",
      country: "US",
    });
    expect(again).toEqual({
      accountId: t.accountId,
      chargesEnabled: true,
      detailsSubmitted: true,
      created: false,
    });
    expect(t.fake.state.accounts.size).toBe(1);
    expect((await t.remit.tenants.get(t.ctx)).paymentAccounts).toEqual({
      stripe: { accountId: t.accountId, chargesEnabled: true, detailsSubmitted: true },
    });
  });

  it("connect - a retry after a crash before the tenant was saved gets the same account", async () => {
    t = await createStripeTest();
    const ctx = { tenantId: "gamma", actor: { type: "user", id: "owner" } } as const;
    const input = { email: "owner@gamma.example", country: "US", businessName: "Gamma HVAC" };
    // Stripe creates the account, then the store fails before the tenant keeps its id.
    t.fake.afterEachRequest((request) => {
      if (request.path === "/v1/accounts") t.setStoreDown(true);
    });
    await expect(t.payments.connectAccount(t.remit, ctx, input)).rejects.toMatchObject({
      code: "store_unavailable",
    });
    t.fake.afterEachRequest(undefined);
    t.setStoreDown(false);
    const before = t.fake.state.accounts.size;
    const retried = await t.payments.connectAccount(t.remit, ctx, input);
    expect(t.fake.state.accounts.size).toBe(before);
    const creates = t.fake.requests.filter((r) => r.path === "/v1/accounts" && r.method === "POST");
    expect(creates.at(-1)).toMatchObject({
      replayed: true,
      idempotencyKey: "remit:connect-account:gamma",
    });
    expect((await t.remit.tenants.get(ctx)).paymentAccounts.stripe?.accountId).toBe(
      retried.accountId,
    );
  });

  it("connect - an onboarding link for the tenant's account", async () => {
    t = await createStripeTest();
    const link = await t.payments.createAccountLink(t.remit, t.ctx, {
      refreshUrl: "https://app.example.com/stripe/refresh",
      returnUrl: "https://app.example.com/stripe/return",
    });
    expect(link.url).toContain(t.accountId);
    expect(link.expiresAt).toBe("2026-03-02T15:05:00.000Z");
    const request = t.fake.requests.find((r) => r.path === "/v1/account_links");
    expect(request).toMatchObject({
      idempotencyKey: expect.stringMatching(new RegExp(`^remit:account-link:${t.accountId}:`)),
      body: {
        account: t.accountId,
        type: "account_onboarding",
        refresh_url: "https://app.example.com/stripe/refresh",
        return_url: "https://app.example.com/stripe/return",
        collection_options: { fields: "eventually_due" },
      },
    });
    const fresh = { tenantId: "new", actor: { type: "user", id: "u" } } as const;
    await expect(
      t.payments.createAccountLink(t.remit, fresh, {
        refreshUrl: "https://app.example.com/r",
        returnUrl: "https://app.example.com/r",
      }),
    ).rejects.toMatchObject({ code: "validation_error", path: "tenant.paymentAccounts.stripe" });
  });

  it("connect - account.updated tracks charges enabled and details submitted; a late old event undoes nothing", async () => {
    t = await createStripeTest();
    const older = t.fake.updateAccount(t.accountId, { charges_enabled: false });
    const newer = t.fake.updateAccount(t.accountId, { charges_enabled: true });
    // Stripe is read again for each event, so the older event arriving last changes nothing.
    const results = await t.deliver([...newer, ...older]);
    expect(results.map((result) => result.outcome)).toEqual(["duplicate", "duplicate"]);
    expect((await t.remit.tenants.get(t.ctx)).paymentAccounts.stripe?.chargesEnabled).toBe(true);

    const disabled = t.fake.updateAccount(t.accountId, {
      charges_enabled: false,
      details_submitted: true,
    });
    const [result] = await t.deliver(disabled);
    expect(result?.outcome).toBe("recorded");
    expect((await t.remit.tenants.get(t.ctx)).paymentAccounts.stripe).toEqual({
      accountId: t.accountId,
      chargesEnabled: false,
      detailsSubmitted: true,
    });
  });

  it("connect - account.updated for a tenant from another account is refused", async () => {
    t = await createStripeTest();
    const other = await t.addTenant("beta");
    const [event] = t.fake.updateAccount(t.accountId, { charges_enabled: false });
    if (!event) throw new Error("no event");
    const forged = structuredClone(event);
    forged.account = other.accountId;
    await expect(handleStripeWebhook(t.remit, t.payments, t.sign(forged))).rejects.toSatisfy(
      (error) => StripeAccountMismatchError.isInstance(error),
    );
    expect((await t.remit.tenants.get(t.ctx)).paymentAccounts.stripe?.chargesEnabled).toBe(true);
  });

  it("connect - validates its input", async () => {
    t = await createStripeTest();
    await expect(
      t.payments.connectAccount(t.remit, t.ctx, { email: "not an email", country: "usa" }),
    ).rejects.toMatchObject({
      code: "validation_error",
      issues: [{ path: "email" }, { path: "country" }],
    });
  });
});
