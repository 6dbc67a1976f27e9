import { describe, expect, it } from "vitest";
import { createRemitHandler } from "../src/index";
import { createTestRemit, ctx } from "./support/create-test-remit";

describe("hosted invoice page - credit notes, credit and write-offs (issue 19)", () => {
  it("page - shows the credit notes and the credit; a written-off invoice asks for its balance by check, with no card button", async () => {
    const { remit, issue } = await createTestRemit();
    const invoice = await issue("250.00");
    await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "100.00",
      method: "check",
      idempotencyKey: "chk",
    });
    await remit.invoices.issueCreditNote(ctx, { id: invoice.id, amount: "50.00", reason: "Part" });
    await remit.invoices.writeOff(ctx, { id: invoice.id, reason: "Gone" });
    const { fetch } = createRemitHandler({ remit, publicUrl: "https://pay.reyes.example" });
    const html = await (
      await fetch(new Request(`https://pay.reyes.example/i/${invoice.publicToken}`))
    ).text();
    expect(html).toContain('id="credit-notes"');
    expect(html).toContain("$50.00");
    expect(html).toContain("uncollectible");
    expect(html).toMatch(/<h2>Pay \$100\.00<\/h2>/);
    expect(html).not.toContain('id="pay-online"');
    expect(html).not.toContain('id="credit"');
  });
});
