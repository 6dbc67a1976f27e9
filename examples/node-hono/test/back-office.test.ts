import { createRemit, type Invoice, type PaymentProvider, type Remit } from "@remit/core";
import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { seedDemoData } from "../src/seed-demo-data";

const tenantId = "demo";
const ctx = { tenantId, actor: { type: "user" as const, id: "u_1" } };

async function demo(options: { checkoutProvider?: PaymentProvider } = {}) {
  const remit = createRemit({ store: createMemoryStore() });
  await seedDemoData(remit, tenantId);
  return { remit, app: createApp(remit, { identity: { testHeaders: tenantId }, ...options }) };
}

async function firstInvoice(remit: Remit, status: Invoice["status"]): Promise<Invoice> {
  const [invoice] = (await remit.invoices.list(ctx, { status, limit: 1 })).items;
  if (!invoice) throw new Error(`no ${status} invoice in the demo data`);
  return invoice;
}

function postForm(app: ReturnType<typeof createApp>, path: string, fields: [string, string][]) {
  return app.request(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
  });
}

describe("back office", () => {
  it("seed - puts work orders in every status", async () => {
    const { remit } = await demo();
    const { items } = await remit.workOrders.list(ctx, { limit: 50 });
    expect(new Set(items.map((workOrder) => workOrder.status))).toEqual(
      new Set([
        "open",
        "scheduled",
        "in_progress",
        "complete_invoice_needed",
        "invoiced",
        "cancelled",
      ]),
    );
  });

  it("invoice page - shows revisions, payments, deliveries and events", async () => {
    const { remit, app } = await demo();
    const partial = await firstInvoice(remit, "pending_payment");
    const html = await (await app.request(`/invoices/${partial.id}`)).text();
    for (const section of ['id="revisions"', 'id="payments"', 'id="deliveries"', 'id="events"']) {
      expect(html).toContain(section);
    }
    expect(html).toContain("invoice.issued");
    expect(html).toContain('id="invoice-status" data-status="pending_payment">Awaiting payment<');
  });

  it("forms - edit lines and memo, submit, approve, send and record a check, each redirecting back", async () => {
    const { remit, app } = await demo();
    const draft = await firstInvoice(remit, "pending_action");
    const base = `/invoices/${draft.id}`;
    const edit = await postForm(app, `${base}/edit`, [
      ["version", String(draft.version)],
      ["rowKey", "line-0"],
      ["lineIndex", "0"],
      ["description", "Replace kitchen faucet (Moen)"],
      ["quantity", "2"],
      ["unitPrice", "95.00"],
      ["rowKey", "line-1"],
      ["lineIndex", "1"],
      ["description", "Parts and fittings"],
      ["quantity", "1"],
      ["unitPrice", "35.50"],
      ["remove", "line-1"], // its Remove box ticked: the line goes
      ["rowKey", "new-0"],
      ["lineIndex", ""],
      ["description", "Haul away old fixture"],
      ["quantity", "1"],
      ["unitPrice", "25"],
      ["memo", "Gate code 4411"],
    ]);
    expect(edit.status).toBe(303);
    expect(edit.headers.get("location")).toMatch(new RegExp(`^${base}\\?notice=`));
    const edited = (await remit.invoices.get(ctx, { id: draft.id })).invoice;
    expect(edited.revision).toBe(2);
    expect(edited.content.memo).toBe("Gate code 4411");
    expect(edited.content.lines.map((line) => [line.description, line.quantity])).toEqual([
      ["Replace kitchen faucet (Moen)", "2"],
      ["Haul away old fixture", "1"],
    ]);
    // The edited line keeps its kind and taxes; the new one gets the invoice's tax rates.
    expect(edited.content.lines[0]).toMatchObject({ kind: "labor", taxRateIds: ["tx-sales"] });
    expect(edited.content.lines[1]?.taxRateIds).toEqual(["tx-sales"]);

    const move = async (path: string, fields: [string, string][] = []) => {
      const { invoice } = await remit.invoices.get(ctx, { id: draft.id });
      const response = await postForm(app, `${base}/${path}`, [
        ["version", String(invoice.version)],
        ...fields,
      ]);
      expect(response.status).toBe(303);
      return (await remit.invoices.get(ctx, { id: draft.id })).invoice;
    };
    expect((await move("submit")).status).toBe("pending_review");
    const issued = await move("issue");
    expect(issued).toMatchObject({
      status: "pending_payment",
      number: expect.stringMatching(/^INV-/),
    });
    await move("send", [
      ["channels", "email"],
      ["channels", "sms"],
    ]);
    const deliveries = (await remit.invoices.get(ctx, { id: draft.id })).deliveries;
    expect(deliveries.map((delivery) => delivery.channel).sort()).toEqual(["email", "sms"]);

    const pay = (key: string) =>
      postForm(app, `${base}/payments`, [
        ["amount", issued.amountDue],
        ["reference", "3301"],
        ["idempotencyKey", key],
      ]);
    expect((await pay("check-form-1")).status).toBe(303);
    expect((await pay("check-form-1")).status).toBe(303); // a double submit is one payment
    const paid = await remit.invoices.get(ctx, { id: draft.id });
    expect(paid.invoice.status).toBe("paid");
    expect(paid.payments).toHaveLength(1);
    expect(paid.payments[0]).toMatchObject({ method: "check", reference: "3301" });
  });

  it("forms - a refused move shows its message on the page with the API's status", async () => {
    const { remit, app } = await demo();
    const review = await firstInvoice(remit, "pending_review");
    const stale = await postForm(app, `/invoices/${review.id}/issue`, [
      ["version", String(review.version - 1 || 99)],
    ]);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toMatch(/role="alert">[^<]*version/i);

    const paid = await firstInvoice(remit, "paid");
    const cancel = await postForm(app, `/invoices/${paid.id}/cancel`, [
      ["version", String(paid.version)],
      ["reason", "Customer asked"],
    ]);
    expect(cancel.status).toBe(409);
    expect(await cancel.text()).toContain("That is not possible now for a record that is paid");

    const noReason = await postForm(app, `/invoices/${review.id}/cancel`, [
      ["version", String(review.version)],
      ["reason", ""],
    ]);
    expect(noReason.status).toBe(422);
    const noReasonPage = await noReason.text();
    expect(noReasonPage).toContain("One field needs a change");
    expect(noReasonPage).toMatch(/id="cancel-reason"[^>]*aria-invalid="true"/);
    expect(noReasonPage).toContain('<p class="field-error" id="cancel-reason-error">Required.</p>');
    expect((await remit.invoices.get(ctx, { id: review.id })).invoice.status).toBe(
      "pending_review",
    );
  });

  it("work orders - complete, then review & submit creates the invoice for review", async () => {
    const { remit, app } = await demo();
    const [open] = (await remit.workOrders.list(ctx, { status: "open" })).items;
    if (!open) throw new Error("no open work order");
    const completed = await postForm(app, `/work-orders/${open.id}/complete`, [
      ["version", String(open.version)],
    ]);
    expect(completed.status).toBe(303);
    const review = await app.request(`/work-orders/${open.id}/review`);
    expect(await review.text()).toContain("Submit invoice for review");
    const submitted = await postForm(app, `/work-orders/${open.id}/submit-invoice`, [
      ["version", String(open.version + 1)],
      ["memo", "Thanks!"],
    ]);
    expect(submitted.status).toBe(303);
    const workOrder = await remit.workOrders.get(ctx, { id: open.id });
    expect(workOrder.status).toBe("invoiced");
    expect(submitted.headers.get("location")).toContain(`/invoices/${workOrder.invoiceId}`);
    const { invoice } = await remit.invoices.get(ctx, { id: workOrder.invoiceId ?? "" });
    expect(invoice).toMatchObject({ status: "pending_review", workOrderId: open.id });
    expect(invoice.content.memo).toBe("Thanks!");
    // No lines posted: the draft's lines are kept as they were.
    expect(invoice.totals.lines.map((line) => line.kind)).toEqual(["labor", "material", "fee"]);

    const again = await postForm(app, `/work-orders/${open.id}/submit-invoice`, [
      ["version", String(open.version + 1)],
      ["memo", ""],
    ]);
    expect(again.status).toBe(409); // a second submit bills nothing twice
  });

  it("api - work orders and quotes answer JSON and problem+json", async () => {
    const { app } = await demo();
    const list = await app.request("/api/work-orders?status=complete_invoice_needed");
    const { items } = (await list.json()) as { items: { id: string }[] };
    expect(items).toHaveLength(1);
    const draft = await app.request(`/api/work-orders/${items[0]?.id}/invoice-draft`);
    expect(((await draft.json()) as { lines: unknown[] }).lines).toHaveLength(2);
    expect((await app.request("/api/quotes")).status).toBe(200);
    const missing = await app.request("/api/quotes/q_nope");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("hosted invoice page", () => {
  it("pdf - the download link gives the invoice as a PDF attachment, kept private", async () => {
    const { remit, app } = await demo();
    const invoice = await firstInvoice(remit, "pending_payment");
    const html = await (await app.request(`/i/${invoice.publicToken}`)).text();
    expect(html).toContain(`href="/i/${invoice.publicToken}/pdf"`);
    const pdf = await app.request(`/i/${invoice.publicToken}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(
      `attachment; filename="${invoice.number}.pdf"`,
    );
    expect(pdf.headers.get("referrer-policy")).toBe("no-referrer");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("page - an unknown token is a 404 page that reveals nothing", async () => {
    const { app } = await demo();
    const response = await app.request("/i/AAAAAAAAAAAAAAAAAAAAAAAA", {
      headers: { accept: "text/html" },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Not found");
  });

  it("pay - offers payment instructions, and a card button once the tenant's Stripe account takes charges", async () => {
    const started: { amount: string; successUrl: string }[] = [];
    // A payment provider written against the port, standing in for @remit/adapter-stripe.
    const checkoutProvider: PaymentProvider = {
      specificationVersion: "v1",
      name: "stripe",
      capabilities: { checkout: true, refunds: false },
      async createCheckout(input) {
        started.push({ amount: input.amount, successUrl: input.successUrl });
        return { url: "https://checkout.example/session/cs_1", providerReference: "cs_1" };
      },
    };
    const { remit, app } = await demo({ checkoutProvider });
    const invoice = await firstInvoice(remit, "pending_payment");
    const before = await (await app.request(`/i/${invoice.publicToken}`)).text();
    expect(before).toContain("By check");
    expect(before).not.toContain('id="pay-online"');

    await remit.tenants.upsert(ctx, {
      paymentAccounts: { stripe: { accountId: "acct_1", chargesEnabled: true } },
    });
    const after = await (await app.request(`/i/${invoice.publicToken}`)).text();
    expect(after).toContain('id="pay-online"');
    const pay = await app.request(`/i/${invoice.publicToken}/pay`, { method: "POST" });
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe("https://checkout.example/session/cs_1");
    expect(started).toEqual([
      { amount: invoice.amountDue, successUrl: `http://localhost/i/${invoice.publicToken}?paid=1` },
    ]);
  });
});
