import { invoiceStatuses } from "@remit/core";
import { invoiceSummaryRows } from "@remit/pdf";
import { describe, expect, it } from "vitest";
import { ctx, demoApp, firstInvoice, getPage, postForm, textOf } from "./support/demo-app";

describe("back office pages", () => {
  it("money - the invoice page shows the PDF's rows: line amounts before tax, subtotal, fee, tax rate, total, paid, due", async () => {
    const { remit, app } = await demoApp();
    const invoice = await firstInvoice(remit, "pending_payment");
    const text = textOf((await getPage(app, `/invoices/${invoice.id}`)).html);
    for (const line of invoice.totals.lines.filter((line) => line.kind !== "fee")) {
      expect(text).toContain(
        `${line.description} ${line.quantity} $${line.unitPrice} $${line.gross}`,
      );
    }
    for (const row of invoiceSummaryRows(invoice)) {
      expect(text).toContain(
        `${row.label} $${Number(row.amount).toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
      );
    }
    expect(text).toContain("Texas sales tax 8.25%");
    expect(text).toContain("Awaiting payment");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates and times for people, not ISO
  });

  it("money - a cancelled invoice shows Cancelled and no amount due", async () => {
    const { remit, app } = await demoApp();
    const cancelled = await firstInvoice(remit, "cancelled");
    const { html } = await getPage(app, `/invoices/${cancelled.id}`);
    expect(html).toContain('data-status="cancelled">Cancelled<');
    expect(html).not.toContain('id="amount-due"');
  });

  it("home - what needs attention: to review, past due (count and amount), awaiting payment, paid this month", async () => {
    const { remit, app } = await demoApp();
    const pastDue = await firstInvoice(remit, "past_due");
    const toReview = (await remit.invoices.list(ctx, { status: "pending_review" })).items.length;
    const text = textOf((await getPage(app, "/")).html);
    expect(text).toContain(`To review ${toReview} ${toReview} invoices to approve`);
    expect(text).toContain(`Past due $${pastDue.amountDue} 1 invoice`);
    expect(text).toMatch(/Awaiting payment \$[\d,.]+ 2 invoices/);
    expect(text).toMatch(/Paid this month \$[\d,.]+ 1 invoice/);
  });

  it("lists - empty states, and an unknown filter names the valid ones", async () => {
    const { app } = await demoApp();
    const none = await getPage(app, "/invoices?search=nobody-by-this-name");
    expect(none.html).toContain("No invoices match");
    const bad = await getPage(app, "/invoices?status=unpaid");
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain(
      `There is no invoice status “unpaid”. Pick one of: ${invoiceStatuses.join(", ")}.`,
    );
    const badWorkOrders = await getPage(app, "/work-orders?status=done");
    expect(badWorkOrders.status).toBe(400);
    expect(textOf(badWorkOrders.html)).toContain("Pick one of: open, scheduled");
    expect((await getPage(app, "/customers?search=zzz")).html).toContain("No customers match");
  });

  it("errors - a back-office 404 keeps the menu; a customer's bad link never shows it; API 404s are problem+json", async () => {
    const { app } = await demoApp();
    const office = await getPage(app, "/no-such-page");
    expect(office.status).toBe(404);
    expect(office.html).toContain('aria-label="Back office"');
    for (const path of ["/i", "/i/", "/i/not-a-token/extra"]) {
      const customer = await getPage(app, path);
      expect(customer.status, path).toBe(404);
      expect(customer.html, path).not.toContain("Back office");
      expect(customer.html, path).not.toContain("/work-orders");
    }
    const api = await app.request("/api/no-such-thing", {
      headers: { accept: "application/json" },
    });
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  });

  it("assets - a favicon, and the editor's script served as a file the CSP allows", async () => {
    const { app } = await demoApp();
    const icon = await app.request("/favicon.ico");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    const script = await app.request("/assets/back-office.js");
    expect(script.headers.get("content-type")).toContain("text/javascript");
    const { html, response } = await getPage(app, "/invoices/new");
    expect(html).toContain('<script src="/assets/back-office.js" defer></script>');
    expect(html).not.toMatch(/<script>/); // no inline script
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("customers - created in the UI; their page shows invoices, balance and credit, contacts as links", async () => {
    const { remit, app } = await demoApp();
    const refused = await postForm(app, "/customers/new", [
      ["name", "Ana Ruiz"],
      ["email", "not-an-email"],
      ["phone", ""],
    ]);
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
    expect(refusedHtml).toContain('value="Ana Ruiz"');
    const created = await postForm(app, "/customers/new", [
      ["name", "Ana Ruiz"],
      ["email", "ana@example.com"],
      ["phone", "+1 512 555 0177"],
      ["city", "Austin"],
    ]);
    expect(created.status).toBe(303);
    const page = await getPage(app, created.headers.get("location") ?? "");
    expect(page.html).toContain('href="mailto:ana@example.com"');
    expect(page.html).toContain('href="tel:+15125550177"');
    const dana = (await remit.customers.list(ctx, { search: "Dana" })).items[0];
    const danaPage = textOf((await getPage(app, `/customers/${dana?.id}`)).html);
    expect(danaPage).toMatch(/Balance owed \$[\d,.]+ Credit \$0\.00/);
    expect(danaPage).toMatch(/INV-\d{4}-\d{4}/);
  });

  it("work orders and quotes - created in the UI, linked by name", async () => {
    const { remit, app } = await demoApp();
    const [customer] = (await remit.customers.list(ctx, { limit: 1 })).items;
    const lines: [string, string][] = [
      ["rowKey", "new-0"],
      ["lineIndex", ""],
      ["kind", "service"],
      ["description", "Inspect sump pump"],
      ["quantity", "1"],
      ["unitPrice", "120"],
    ];
    const workOrder = await postForm(app, "/work-orders/new", [
      ["customerId", customer?.id ?? ""],
      ["title", "Sump pump check"],
      ...lines,
    ]);
    expect(workOrder.status).toBe(303);
    const workOrderPage = await getPage(app, workOrder.headers.get("location") ?? "");
    expect(workOrderPage.html).toContain(`>${customer?.name}</a>`);
    expect(textOf(workOrderPage.html)).toContain("Service: Inspect sump pump");
    const quote = await postForm(app, "/quotes/new", [
      ["customerId", customer?.id ?? ""],
      ["title", "New water heater"],
      ...lines,
    ]);
    expect(quote.status).toBe(303);
    const quotePath = quote.headers.get("location")?.split("?")[0] ?? "";
    const { quote: stored } = await remit.quotes.get(ctx, {
      id: decodeURIComponent(quotePath.split("/")[2] ?? ""),
    });
    for (const [move, extra] of [
      ["send", []],
      ["approve", [["approvedBy", "Dana"]]],
      ["convert", []],
    ] as const) {
      const { quote: current } = await remit.quotes.get(ctx, { id: stored.id });
      const moved = await postForm(app, quotePath, [
        ["move", move],
        ["version", String(current.version)],
        ...extra.map(([name, value]): [string, string] => [name, value]),
      ]);
      expect(moved.status, move).toBe(303);
    }
    const converted = (await remit.quotes.get(ctx, { id: stored.id })).quote;
    expect(converted.workOrderId).not.toBeNull();
    expect((await getPage(app, quotePath)).html).toContain(
      `href="/work-orders/${converted.workOrderId}"`,
    );
  });
});
