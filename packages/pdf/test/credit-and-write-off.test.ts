import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../src/index";
import { issuedInvoice } from "./support/issued-invoice";
import { readPdf } from "./support/read-pdf";

describe("renderInvoicePdf - credit notes and write-offs (issue 19)", () => {
  it("render - credit notes are taken off, a written-off balance is shown, and the status reads Written off", async () => {
    const { invoice, tenant } = await issuedInvoice({ name: "Reyes Plumbing", currency: "USD" });
    const written = {
      ...invoice,
      status: "uncollectible" as const,
      creditNoteTotal: "10.00",
      writtenOff: "25.00",
      amountDue: "0.00",
    };
    const { text } = await readPdf(await renderInvoicePdf({ invoice: written, tenant }));
    expect(text).toContain("Written off");
    expect(text).toContain("Credit notes");
    expect(text).toContain("-$10.00");
    expect(text).toContain("$25.00");
    // An invoice of an older version, without the new fields, prints as before.
    const { text: older } = await readPdf(await renderInvoicePdf({ invoice, tenant }));
    expect(older).not.toContain("Credit notes");
    expect(older).not.toContain("Written off");
  });
});
