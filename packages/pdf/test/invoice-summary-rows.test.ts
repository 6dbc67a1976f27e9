import { formatMoney } from "@remit/core";
import { describe, expect, it } from "vitest";
import { invoiceStatusLabel, invoiceSummaryRows, renderInvoicePdf } from "../src/index";
import { issuedInvoice } from "./support/issued-invoice";
import { readPdf } from "./support/read-pdf";

describe("invoiceSummaryRows", () => {
  it("summary - the rows the PDF prints, in its order, each label and amount on the page", async () => {
    const { invoice, tenant } = await issuedInvoice(
      { name: "Reyes Plumbing", currency: "USD" },
      { paid: "10.00" },
    );
    const rows = invoiceSummaryRows(invoice);
    expect(rows.map((row) => row.kind)).toEqual([
      "subtotal",
      "discounts",
      "fee",
      "tax",
      "total",
      "amountPaid",
      "amountDue",
    ]);
    const { text } = await readPdf(await renderInvoicePdf({ invoice, tenant }));
    for (const row of rows) {
      expect(text).toContain(row.label);
      expect(text).toContain(formatMoney(row.amount, "USD", "en-US").replace(/\s/gu, " "));
    }
  });

  it("summary - a progress stage's retainage is a row of its own, on the PDF too, so the rows add up to the amount due", async () => {
    const { invoice, tenant } = await issuedInvoice({ name: "Reyes Plumbing", currency: "USD" });
    const stage = {
      ...invoice,
      amountDue: "0.00",
      progress: { retained: invoice.total },
    };
    const rows = invoiceSummaryRows(stage);
    expect(rows.find((row) => row.kind === "retained")).toEqual({
      kind: "retained",
      label: "Retainage withheld",
      amount: `-${invoice.total}`,
      emphasis: false,
    });
    expect(invoiceSummaryRows(invoice).map((row) => row.kind)).not.toContain("retained");
    const { text } = await readPdf(await renderInvoicePdf({ invoice: stage, tenant }));
    expect(text).toContain("Retainage withheld");
  });

  it("summary - a cancelled invoice has no amount due; credit left over is a row of its own", async () => {
    const { invoice } = await issuedInvoice({ name: "Reyes Plumbing", currency: "USD" });
    const cancelled = invoiceSummaryRows({ ...invoice, status: "cancelled" });
    expect(cancelled.map((row) => row.kind)).not.toContain("amountDue");
    const overpaid = invoiceSummaryRows({ ...invoice, amountDue: "0.00", credit: "25.00" });
    expect(overpaid.at(-1)).toEqual({
      kind: "credit",
      label: "Credit",
      amount: "25.00",
      emphasis: false,
    });
  });

  it("status - every status has words, those a later version adds included", () => {
    expect(invoiceStatusLabel("pending_payment")).toBe("Awaiting payment");
    expect(invoiceStatusLabel("uncollectible")).toBe("Written off");
    expect(invoiceStatusLabel("on_hold")).toBe("On hold");
    expect(invoiceStatusLabel("paid", { status_paid: "Payée" })).toBe("Payée");
  });
});
