import { describe, expect, it } from "vitest";
import { ctx, demoApp, firstInvoice, getPage, postForm, textOf } from "./support/demo-app";

const row = (
  key: string,
  lineIndex: string,
  description: string,
  quantity: string,
  unitPrice: string,
): [string, string][] => [
  ["rowKey", key],
  ["lineIndex", lineIndex],
  ["kind", "labor"],
  ["description", description],
  ["quantity", quantity],
  ["unitPrice", unitPrice],
];

describe("lines editor - nothing lost", () => {
  it("edit - clearing a quantity never drops the line: the row shows an error, values kept, at the form's URL", async () => {
    const { remit, app } = await demoApp();
    const draft = await firstInvoice(remit, "pending_action");
    const path = `/invoices/${draft.id}/edit`;
    const form = await getPage(app, path);
    expect(form.html).toContain(`action="${path}"`); // the form posts to its own URL
    const response = await postForm(app, path, [
      ["version", String(draft.version)],
      ...row("line-0", "0", "Replace kitchen faucet", "", "95.00"), // 6 hours of labor, quantity cleared
      ...row("line-1", "1", "Parts and fittings", "1", "35.50"),
    ]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/<tr class="row-error" data-row="line-0">/);
    expect(html).toMatch(/id="line-0-quantity"[^>]*aria-invalid="true"/);
    expect(html).toContain("Enter a quantity, or tick Remove to take the line off.");
    expect(html).toContain('value="Replace kitchen faucet"'); // what was typed is kept
    const after = (await remit.invoices.get(ctx, { id: draft.id })).invoice;
    expect(after.revision).toBe(draft.revision); // nothing saved
    expect(after.content.lines).toHaveLength(draft.content.lines.length);
  });

  it("edit - a description with no quantity or price, and a quantity with no price, are errors on their rows, never a $0 line", async () => {
    const { remit, app } = await demoApp();
    const draft = await firstInvoice(remit, "pending_action");
    const response = await postForm(app, `/invoices/${draft.id}/edit`, [
      ["version", String(draft.version)],
      ...row("line-0", "0", "Replace kitchen faucet", "1", "95.00"),
      ...row("new-0", "", "Haul away old fixture", "", ""),
      ...row("new-1", "", "Shut-off valve", "2", ""),
    ]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="new-0-quantity"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="new-1-unitPrice"[^>]*aria-invalid="true"/);
    expect(html).toContain("Enter a unit price (0 if there is no charge).");
    expect((await remit.invoices.get(ctx, { id: draft.id })).invoice.revision).toBe(draft.revision);
  });

  it("edit - only a ticked Remove box takes a line off; an empty row adds nothing", async () => {
    const { remit, app } = await demoApp();
    const draft = await firstInvoice(remit, "pending_action");
    const response = await postForm(app, `/invoices/${draft.id}/edit`, [
      ["version", String(draft.version)],
      ...row("line-0", "0", "Replace kitchen faucet", "6", "95.00"),
      ...row("line-1", "1", "Parts and fittings", "1", "35.50"),
      ["remove", "line-1"],
      ...row("new-0", "", "", "", ""),
    ]);
    expect(response.status).toBe(303);
    const { invoice } = await remit.invoices.get(ctx, { id: draft.id });
    expect(invoice.content.lines.map((line) => [line.description, line.quantity])).toEqual([
      ["Replace kitchen faucet", "6"],
    ]);
  });

  it("review - the work order's review form keeps a row whose quantity is cleared, with its error", async () => {
    const { remit, app } = await demoApp();
    const [ready] = (await remit.workOrders.list(ctx, { status: "complete_invoice_needed" })).items;
    if (!ready) throw new Error("no work order ready to invoice");
    const path = `/work-orders/${ready.id}/review`;
    expect((await getPage(app, path)).html).toContain(`action="${path}"`);
    const response = await postForm(app, path, [
      ["version", String(ready.version)],
      ...row("line-0", "0", "Labor", "", "95.00"),
      ["memo", "Thanks!"],
    ]);
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain(
      "Enter a quantity, or tick Remove to take the line off.",
    );
    expect((await remit.workOrders.get(ctx, { id: ready.id })).status).toBe(
      "complete_invoice_needed",
    );
  });

  it("new - an invoice created in the UI, with a customer and lines; a missing customer is highlighted", async () => {
    const { remit, app } = await demoApp();
    const [customer] = (await remit.customers.list(ctx, { limit: 1 })).items;
    const refused = await postForm(app, "/invoices/new", [
      ...row("new-0", "", "Drain cleaning", "1", "150"),
    ]);
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(/id="field-customerId"[^>]*aria-invalid="true"/);
    expect(refusedHtml).toContain('value="Drain cleaning"');
    const created = await postForm(app, "/invoices/new", [
      ["customerId", customer?.id ?? ""],
      ...row("new-0", "", "Drain cleaning", "1", "150"),
    ]);
    expect(created.status).toBe(303);
    const id = decodeURIComponent(
      new URL(created.headers.get("location") ?? "", "http://x").pathname.split("/")[2] ?? "",
    );
    const { invoice } = await remit.invoices.get(ctx, { id });
    expect(invoice).toMatchObject({
      status: "pending_action",
      customer: { id: customer?.id },
      total: "162.38",
    });
  });
});
