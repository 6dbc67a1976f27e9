import { describe, expect, it } from "vitest";
import { ctx, demoApp, firstInvoice, getPage, postForm, textOf } from "./support/demo-app";

/** The idempotency key the payment form was rendered with. */
function keyOf(html: string): string {
  return /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? "";
}

describe("payments, refunds and moves in the back office", () => {
  it("overpayment - a $99,999 check on a $487.75 balance asks first, showing the credit; confirmed, the credit shows and a refund is offered", async () => {
    const { remit, app } = await demoApp();
    const partial = (await remit.invoices.list(ctx, { status: "pending_payment" })).items.find(
      (invoice) => invoice.amountPaid !== "0.00",
    );
    if (!partial) throw new Error("no part-paid invoice");
    const path = `/invoices/${partial.id}/payments`;
    const form = await getPage(app, path);
    const fields: [string, string][] = [
      ["amount", "99999"],
      ["method", "check"],
      ["reference", "2041"],
      ["idempotencyKey", keyOf(form.html)],
    ];
    const asked = await postForm(app, path, fields);
    expect(asked.status).toBe(200);
    const askedText = textOf(await asked.text());
    expect(askedText).toContain(`$99,999.00 is more than the $${partial.amountDue} due`);
    const credit = (99999 - Number(partial.amountDue)).toLocaleString("en-US", {
      minimumFractionDigits: 2,
    });
    expect(askedText).toContain(`$${credit} of credit`);
    expect((await remit.invoices.get(ctx, { id: partial.id })).payments).toHaveLength(1); // nothing recorded yet

    const confirmed = await postForm(app, path, [...fields, ["confirmOverpayment", "yes"]]);
    expect(confirmed.status).toBe(303);
    const { invoice } = await remit.invoices.get(ctx, { id: partial.id });
    expect(invoice).toMatchObject({ status: "paid", credit: credit.replaceAll(",", "") });
    const page = await getPage(app, `/invoices/${partial.id}`);
    expect(textOf(page.html)).toContain(`Credit $${credit}`);
    expect(page.html).toContain(`href="/invoices/${partial.id}/refunds"`);

    const refundForm = await getPage(app, `/invoices/${partial.id}/refunds`);
    expect(refundForm.html).toContain(`value="${invoice.credit}"`); // the credit, by default
    const refunded = await postForm(app, `/invoices/${partial.id}/refunds`, [
      [
        "paymentId",
        /name="paymentId"[\s\S]*?<option value="([^"]+)" selected/.exec(refundForm.html)?.[1] ?? "",
      ],
      ["amount", invoice.credit],
      ["reason", "Overpayment returned"],
      ["idempotencyKey", keyOf(refundForm.html)],
    ]);
    expect(refunded.status).toBe(303);
    expect((await remit.invoices.get(ctx, { id: partial.id })).invoice).toMatchObject({
      status: "paid",
      credit: "0.00",
    });
  });

  it("payments - cash, and card with the reader's reference; a card without one is refused on its field", async () => {
    const { remit, app } = await demoApp();
    const invoice = await firstInvoice(remit, "past_due");
    const path = `/invoices/${invoice.id}/payments`;
    const key = keyOf((await getPage(app, path)).html);
    const refused = await postForm(app, path, [
      ["amount", "10"],
      ["method", "card"],
      ["reference", ""],
      ["idempotencyKey", key],
    ]);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="field-reference"[^>]*aria-invalid="true"/);
    expect(html).toContain("Enter the card reader&#39;s reference.");
    expect(html).toMatch(/<option value="card" selected>/); // what was chosen is kept
    expect(
      await postForm(app, path, [
        ["amount", "10"],
        ["method", "card"],
        ["reference", "auth 8812"],
        ["idempotencyKey", key],
      ]),
    ).toHaveProperty("status", 303);
    const cashKey = keyOf((await getPage(app, path)).html);
    expect(
      await postForm(app, path, [
        ["amount", "5.50"],
        ["method", "cash"],
        ["idempotencyKey", cashKey],
      ]),
    ).toHaveProperty("status", 303);
    const { payments } = await remit.invoices.get(ctx, { id: invoice.id });
    expect(payments.map((payment) => [payment.method, payment.amount, payment.reference])).toEqual([
      ["card", "10.00", "auth 8812"],
      ["cash", "5.50", null],
    ]);
  });

  it("issue - “Approve & issue” says the invoice is not sent yet and offers Send; “Approve, issue & send” sends it", async () => {
    const { remit, app } = await demoApp();
    const review = await firstInvoice(remit, "pending_review");
    const page = await getPage(app, `/invoices/${review.id}`);
    expect(page.html).toContain("Approve, issue &amp; send");
    const issued = await postForm(app, `/invoices/${review.id}`, [
      ["move", "issue"],
      ["version", String(review.version)],
    ]);
    expect(issued.status).toBe(303);
    const after = await getPage(app, issued.headers.get("location") ?? "");
    expect(textOf(after.html)).toMatch(
      /Issued as INV-\d{4}-\d{4}\. It has not been sent to the customer yet/,
    );
    expect(after.html).toContain('id="not-sent"');
    expect(after.html).toContain('id="send-invoice"');

    const { items } = await remit.invoices.list(ctx, { status: "pending_action" });
    const draft = items[0];
    if (!draft) throw new Error("no draft");
    await remit.invoices.submit(ctx, { id: draft.id });
    const { invoice: toReview } = await remit.invoices.get(ctx, { id: draft.id });
    const sent = await postForm(app, `/invoices/${draft.id}`, [
      ["move", "issue-and-send"],
      ["version", String(toReview.version)],
      ["channels", "email"],
    ]);
    expect(sent.status).toBe(303);
    expect(decodeURIComponent(sent.headers.get("location") ?? "")).toContain(
      "and sending by email",
    );
    const details = await remit.invoices.get(ctx, { id: draft.id });
    expect(details.invoice.status).toBe("pending_payment");
    expect(details.deliveries.map((delivery) => delivery.purpose)).toContain("invoice");
  });

  it("errors - a refused move is shown at the invoice's own URL with what was typed", async () => {
    const { remit, app } = await demoApp();
    const review = await firstInvoice(remit, "pending_review");
    const response = await postForm(app, `/invoices/${review.id}`, [
      ["move", "request-changes"],
      ["version", String(review.version)],
      ["reason", "   "],
    ]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="request-changes-reason"[^>]*aria-invalid="true"/);
    const stale = await postForm(app, `/invoices/${review.id}`, [
      ["move", "cancel"],
      ["version", "1"],
      ["reason", "Customer moved away"],
    ]);
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("Someone changed this record while you were looking at it");
    expect(staleHtml).toContain('value="Customer moved away"');
  });

  it("work orders - an invoiced work order's review page links to its invoice instead of offering a draft", async () => {
    const { remit, app } = await demoApp();
    const [invoiced] = (await remit.workOrders.list(ctx, { status: "invoiced" })).items;
    if (!invoiced?.invoiceId) throw new Error("no invoiced work order");
    const { html, status } = await getPage(app, `/work-orders/${invoiced.id}/review`);
    expect(status).toBe(200);
    expect(html).toContain('id="already-invoiced"');
    expect(html).toContain(`href="/invoices/${invoiced.invoiceId}"`);
    expect(html).not.toContain('id="submit-invoice"');
  });
});

describe("receipts", () => {
  it("receipts - the tenant turns them on and off in the settings (Remit's outbox sends them)", async () => {
    const { remit, app } = await demoApp();
    const settings = await getPage(app, "/settings/payments");
    expect(settings.html).toContain('name="receiptChannels" value="email"');
    expect((await postForm(app, "/settings/receipts", [["receiptChannels", "email"]])).status).toBe(
      303,
    );
    expect((await remit.tenants.get(ctx)).receiptChannels).toEqual(["email"]);
    expect((await getPage(app, "/settings/payments")).html).toMatch(/value="email" checked/);
    expect((await postForm(app, "/settings/receipts", [])).status).toBe(303);
    expect((await remit.tenants.get(ctx)).receiptChannels).toEqual([]);
  });
});
