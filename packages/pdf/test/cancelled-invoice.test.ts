import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../src/index";
import { issuedInvoice } from "./support/issued-invoice";
import { readPdf } from "./support/read-pdf";

describe("renderInvoicePdf - cancelled", () => {
  it("render - a cancelled invoice's PDF says Cancelled and shows no amount due", async () => {
    const { invoice, tenant } = await issuedInvoice({ name: "Reyes Plumbing", currency: "USD" });
    const cancelled = { ...invoice, status: "cancelled" as const, cancelledAt: invoice.updatedAt };
    const { text } = await readPdf(await renderInvoicePdf({ invoice: cancelled, tenant }));
    expect(text).toContain("Cancelled");
    expect(text).not.toContain("Amount due");
    const { text: open } = await readPdf(await renderInvoicePdf({ invoice, tenant }));
    expect(open).toContain("Amount due");
  });
});
