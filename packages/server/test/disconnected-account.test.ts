import { afterEach, describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { createStripeTestRemit, ctx } from "./support/create-test-remit";

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe("hosted invoice page - a disconnected Stripe account", () => {
  it("page - once the contractor disconnects the platform in Stripe, the page offers no card payment and Pay starts no checkout", async () => {
    const test = await createStripeTestRemit();
    close = test.close;
    const { fetch } = createRemitHandler({
      remit: test.remit,
      payments: { stripe: test.stripe },
      publicUrl: "https://pay.example.com",
    });
    const invoice = await test.issue("95.00");
    const pageUrl = `https://pay.example.com/i/${invoice.publicToken}`;
    expect(await (await fetch(new Request(pageUrl))).text()).toContain('id="pay-online"');

    const accountId = (await test.remit.tenants.get(ctx)).paymentAccounts.stripe?.accountId ?? "";
    for (const event of test.fake.deauthorizeAccount(accountId)) {
      const { body, signature } = test.sign(event);
      const delivered = await fetch(
        new Request("https://pay.example.com/webhooks/stripe", {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": signature },
          body,
        }),
      );
      expect(delivered.status).toBe(200);
      expect(await delivered.json()).toMatchObject({ outcome: "recorded" });
    }

    const html = await (await fetch(new Request(pageUrl))).text();
    expect(html).not.toContain('id="pay-online"');
    expect(html).toContain("By check");
    const pay = await fetch(new Request(`${pageUrl}/pay`, { method: "POST", redirect: "manual" }));
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe(`/i/${invoice.publicToken}`);
    expect(test.fake.state.sessions.size).toBe(0);
  });
});
