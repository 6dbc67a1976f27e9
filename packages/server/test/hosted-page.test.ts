import type { PaymentProvider } from "@remit/core";
import { describe, expect, it } from "vitest";
import { createRemitHandler, renderHostedInvoicePage } from "../src/index";
import { createTestRemit, ctx } from "./support/create-test-remit";

describe("hosted invoice page", () => {
  it("page - shows the tenant's logo, colors and locale (Intl), with links under the public URL's path", async () => {
    const { remit, issue } = await createTestRemit();
    await remit.tenants.upsert(ctx, {
      locale: "de-DE",
      branding: { logoUrl: "https://cdn.reyes.example/logo.png", primaryColor: "#0f766e" },
    });
    const invoice = await issue("1234.50");
    const { fetch } = createRemitHandler({ remit, publicUrl: "https://example.com/billing" });
    const response = await fetch(new Request(`https://example.com/i/${invoice.publicToken}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).toContain('<html lang="de-DE">');
    expect(html).toContain(
      '<img src="https://cdn.reyes.example/logo.png" alt="Reyes Plumbing" id="logo">',
    );
    expect(html).toContain("--remit-primary:#0f766e");
    expect(html).toContain("1.234,50\u00a0$"); // German digits, the invoice's currency
    expect(html).toContain(`href="/billing/i/${invoice.publicToken}/pdf"`);
    expect(html).toContain(
      '<span class="status status-pending_payment" id="status" data-status="pending_payment">Awaiting payment</span>',
    );
  });

  it("page - a tenant on its own domain: publicUrl as a function of the tenant gives Stripe's return URLs", async () => {
    const started: { successUrl: string; cancelUrl: string }[] = [];
    const checkout: PaymentProvider = {
      specificationVersion: "v1",
      name: "stripe",
      capabilities: { checkout: true, refunds: false },
      async createCheckout(input) {
        started.push({ successUrl: input.successUrl, cancelUrl: input.cancelUrl });
        return { url: "https://checkout.example/cs_1", providerReference: "cs_1" };
      },
    };
    const { remit, issue } = await createTestRemit();
    await remit.tenants.upsert(ctx, {
      paymentAccounts: { stripe: { accountId: "acct_1", chargesEnabled: true } },
    });
    const invoice = await issue();
    const { fetch } = createRemitHandler({
      remit,
      payments: { stripe: checkout as never },
      publicUrl: (tenant) => `https://pay.${tenant.id}.example`,
    });
    const page = await (
      await fetch(new Request(`http://internal:8080/i/${invoice.publicToken}`))
    ).text();
    expect(page).toContain(`action="/i/${invoice.publicToken}/pay"`);
    // The request came in on another host: the URLs still use the tenant's public one.
    const pay = await fetch(
      new Request(`http://internal:8080/i/${invoice.publicToken}/pay`, {
        method: "POST",
        headers: { host: "evil.example" },
      }),
    );
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe("https://checkout.example/cs_1");
    const url = `https://pay.reyes.example/i/${invoice.publicToken}`;
    expect(started).toEqual([{ successUrl: `${url}?paid=1`, cancelUrl: url }]);
  });

  it("page - the PDF downloads, kept private", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const { fetch } = createRemitHandler({ remit, publicUrl: "https://pay.reyes.example" });
    const pdf = await fetch(new Request(`https://pay.reyes.example/i/${invoice.publicToken}/pdf`));
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(
      `attachment; filename="${invoice.number}.pdf"`,
    );
    expect(pdf.headers.get("cache-control")).toBe("private, no-store");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("page - an unknown token is a 404 page for a browser and problem+json for a client", async () => {
    const { remit } = await createTestRemit();
    const { fetch } = createRemitHandler({ remit, publicUrl: "https://pay.reyes.example" });
    const url = "https://pay.reyes.example/i/AAAAAAAAAAAAAAAAAAAAAAAA";
    const page = await fetch(new Request(url, { headers: { accept: "text/html" } }));
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Not found");
    const json = await fetch(new Request(url));
    expect(json.status).toBe(404);
    expect(json.headers.get("content-type")).toBe("application/problem+json");
  });

  it("render - the page is one pure function of its data: the same data gives the same bytes", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const tenant = await remit.tenants.get(ctx);
    const data = { invoice, tenant, payOnline: false, pagePath: `/i/${invoice.publicToken}` };
    expect(renderHostedInvoicePage(data)).toBe(renderHostedInvoicePage(data));
    const marked = renderHostedInvoicePage({
      ...data,
      tenant: { ...tenant, name: "<script>x</script>", branding: { primaryColor: "red;}body{x" } },
    });
    expect(marked).not.toContain("<script>x");
    expect(marked).not.toContain("red;}");
  });
});
