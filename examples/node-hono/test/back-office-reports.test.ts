import { describe, expect, it } from "vitest";
import { ctx, demoApp, firstInvoice, getPage, postForm, textOf } from "./support/demo-app";

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

  it("credit notes - Email sends it from the invoice page and the page says so; a technician may not", async () => {
    const { remit, app } = await demoApp();
    const invoice = await firstInvoice(remit, "pending_payment");
    const { creditNote } = await remit.invoices.issueCreditNote(ctx, {
      id: invoice.id,
      amount: "5.00",
      reason: "Goodwill",
    });
    const before = await getPage(app, `/invoices/${invoice.id}`);
    expect(before.html).toContain(`action="/credit-notes/${creditNote.id}/send"`);
    expect(textOf(before.html)).toContain("Not sent");

    const sent = await postForm(app, `/credit-notes/${creditNote.id}/send`, [
      ["channels", "email"],
    ]);
    expect(sent.status).toBe(303);
    const location = sent.headers.get("location") ?? "";
    expect(location).toContain(`/invoices/${invoice.id}?notice=`);
    expect(decodeURIComponent(location)).toContain(
      `Sending credit note ${creditNote.number} by email`,
    );
    const details = await remit.invoices.get(ctx, { id: invoice.id });
    expect(
      details.deliveries.filter((delivery) => delivery.purpose === "credit_note"),
    ).toMatchObject([{ channel: "email", creditNoteId: creditNote.id }]);
    const after = textOf((await getPage(app, `/invoices/${invoice.id}`)).html);
    expect(after).toContain("Emailed");
    expect(after).toContain(`Credit note ${creditNote.number}`); // the history names the message

    const asTechnician = await app.request(`/credit-notes/${creditNote.id}/send`, {
      method: "POST",
      body: new URLSearchParams([["channels", "sms"]]),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html",
        "x-role": "technician",
      },
    });
    expect(asTechnician.status).toBe(403);
    const technicianPage = await app.request(`/invoices/${invoice.id}`, {
      headers: { accept: "text/html", "x-role": "technician" },
    });
    expect(await technicianPage.text()).not.toContain(`/credit-notes/${creditNote.id}/send`);
  });

  it("credit notes - a customer without a phone: Text is refused in plain words on the invoice page, nothing queued", async () => {
    const { remit, app } = await demoApp();
    const customer = await remit.customers.create(ctx, {
      name: "No Phone",
      email: "np@example.com",
    });
    const { invoice: draft } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ kind: "labor", description: "Repair", quantity: "1", unitPrice: "80.00" }],
    });
    // The demo tenant requires review: submit, then approve (issue).
    const { invoice: submitted } = await remit.invoices.submit(ctx, { id: draft.id });
    await remit.invoices.issue(ctx, { id: submitted.id });
    const { creditNote } = await remit.invoices.issueCreditNote(ctx, {
      id: draft.id,
      amount: "10.00",
      reason: "Discount",
    });
    const refused = await postForm(app, `/credit-notes/${creditNote.id}/send`, [
      ["channels", "sms"],
    ]);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const text = textOf(await refused.text());
    expect(text).toContain(`Credit note ${creditNote.number} was not sent`);
    const details = await remit.invoices.get(ctx, { id: draft.id });
    expect(details.deliveries).toEqual([]);
  });
});
