import { describe, expect, it } from "vitest";
import { ctx, demoApp, firstInvoice, getPage, textOf } from "./support/demo-app";

// The back office's aging page, statement PDF and credit notes (issue 19, part 6).

describe("back office reports", () => {
  it("aging - the menu links it; it shows each customer's open balance by bucket and the totals", async () => {
    const { remit, app } = await demoApp();
    const home = await getPage(app, "/");
    expect(home.html).toContain('href="/reports/aging"');
    const report = await remit.reports.aging(ctx, {});
    const { status, html } = await getPage(app, "/reports/aging");
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Aging");
    const [row] = report.customers;
    expect(row).toBeDefined();
    expect(text).toContain(row?.customerName ?? "");
    const [total] = report.totals;
    expect(text).toContain(
      `$${Number(total?.total).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
    );
  });

  it("statement - the customer page links the statement PDF, which is a PDF", async () => {
    const { remit, app } = await demoApp();
    const invoice = await firstInvoice(remit, "pending_payment");
    const customerId = invoice.customer?.id ?? "";
    const { html } = await getPage(app, `/customers/${customerId}`);
    expect(html).toContain(`href="/customers/${customerId}/statement.pdf"`);
    const pdf = await getPage(app, `/customers/${customerId}/statement.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.html.startsWith("%PDF-")).toBe(true);
  });

  it("credit notes - the invoice page lists them, each with its PDF", async () => {
    const { remit, app } = await demoApp();
    const invoice = await firstInvoice(remit, "pending_payment");
    const { creditNote } = await remit.invoices.issueCreditNote(ctx, {
      id: invoice.id,
      amount: "5.00",
      reason: "Goodwill",
    });
    const { html } = await getPage(app, `/invoices/${invoice.id}`);
    expect(textOf(html)).toContain(`${creditNote.number}`);
    expect(textOf(html)).toContain("Goodwill");
    expect(html).toContain(`href="/credit-notes/${creditNote.id}/pdf"`);
    const pdf = await getPage(app, `/credit-notes/${creditNote.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.html.startsWith("%PDF-")).toBe(true);
  });
});
