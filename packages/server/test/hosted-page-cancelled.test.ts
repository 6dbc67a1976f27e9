import { describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { createTestRemit, ctx } from "./support/create-test-remit";

describe("hosted invoice page - cancelled", () => {
  it("page - a cancelled invoice says so at the top and shows no amount due nor Pay", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue("250.00");
    await remit.invoices.cancel(ctx, { id: invoice.id, reason: "internal: duplicate of INV-7" });
    const { fetch } = createRemitHandler({ remit, publicUrl: "https://pay.reyes.example" });
    const response = await fetch(new Request(`https://pay.reyes.example/i/${invoice.publicToken}`));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<p class="error" id="cancelled">This invoice was cancelled[^<]*<\/p>/);
    expect(html.indexOf('id="cancelled"')).toBeLessThan(html.indexOf("<table>"));
    expect(html).not.toContain('id="amount-due"');
    expect(html).not.toContain("Amount due");
    expect(html).not.toContain('id="pay"');
    expect(html).not.toContain("internal: duplicate"); // the reason is the office's, not the customer's
  });
});
