import { describe, expect, it } from "vitest";
import { createRemitHandler, invoiceMoveResultSchema } from "../src/index";
import { authenticateByTestHeader, createTestRemit, ctx } from "./support/create-test-remit";

describe("hosted invoice page - cancelled", () => {
  it("page - a cancelled invoice says so at the top and shows no amount due nor Pay", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue("250.00");
    await remit.invoices.cancel(ctx, { id: invoice.id, reason: "internal: duplicate of INV-7" });
    const { fetch } = createRemitHandler({ remit, publicUrl: "https://pay.reyes.example" });
    const response = await fetch(new Request(`https://pay.reyes.example/i/${invoice.publicToken}`));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(
      /<p class="error" id="cancelled"[^>]*>This invoice was cancelled[^<]*<\/p>/,
    );
    expect(html).toContain('data-status="cancelled">Cancelled</span>');
    expect(html.indexOf('id="cancelled"')).toBeLessThan(html.indexOf("<table"));
    expect(html).not.toContain('id="amount-due"');
    expect(html).not.toContain("Amount due");
    expect(html).not.toContain('id="pay"');
    expect(html).not.toContain("internal: duplicate"); // the reason is the office's, not the customer's
  });
});

describe("hosted invoice page - a new link", () => {
  it("api - POST /api/invoices/{id}/public-token revokes the link: the old page is 404, the new one shows the invoice", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue();
    const { fetch } = createRemitHandler({
      remit,
      authenticate: authenticateByTestHeader,
      publicUrl: "https://pay.reyes.example",
    });
    const rotated = await fetch(
      new Request(`https://pay.reyes.example/api/invoices/${invoice.id}/public-token`, {
        method: "POST",
        headers: { "x-test-user": "office" },
      }),
    );
    expect(rotated.status).toBe(200);
    const body = invoiceMoveResultSchema.parse(await rotated.json());
    expect(body.events.map((event) => event.type)).toEqual(["invoice.public_token_rotated"]);
    const page = (token: string | null) =>
      fetch(new Request(`https://pay.reyes.example/i/${token}`));
    expect((await page(invoice.publicToken)).status).toBe(404);
    expect((await page(body.invoice.publicToken)).status).toBe(200);
  });
});
