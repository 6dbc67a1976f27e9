import { invoiceStatuses } from "@remit/core";
import { describe, expect, it } from "vitest";
import { createRemitHandler, renderHostedInvoicePage } from "../src/index";
import { createTestRemit, ctx } from "./support/create-test-remit";

/** An invoice as the issue reports it: a taxed line, a taxed part, a trip fee and a discount. */
async function taxedInvoice() {
  const { remit, customer } = await createTestRemit();
  await remit.tenants.upsert(ctx, {
    email: "office@reyes.example",
    phone: "+15125550100",
    defaultTaxRates: [{ id: "tx", name: "Texas sales tax", percent: "8.25" }],
  });
  await remit.customers.update(ctx, { id: customer.id, phone: "+15125550101" });
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines: [
      {
        kind: "labor",
        description: "Install disposal",
        quantity: "4",
        unitPrice: "95.00",
        taxRateIds: ["tx"],
      },
      {
        kind: "material",
        description: "Parts",
        quantity: "1",
        unitPrice: "71.50",
        taxRateIds: ["tx"],
      },
    ],
    fees: [{ id: "trip", description: "Trip charge", type: "amount", value: "49.00" }],
  });
  const issued = (await remit.invoices.issue(ctx, { id: invoice.id })).invoice;
  const { fetch } = createRemitHandler({ remit, publicUrl: "https://pay.example" });
  const view = async () =>
    (await fetch(new Request(`https://pay.example/i/${issued.publicToken}`))).text();
  return { remit, invoice: issued, view };
}

/** The text of the page without tags, spaces made plain. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/gu, " ")
    .trim();

describe("hosted invoice page - money as the PDF shows it", () => {
  it("money - lines show their amount before tax, and the totals list subtotal, each fee, each tax rate, total, paid and due", async () => {
    const { view } = await taxedInvoice();
    const text = textOf(await view());
    // 4 × $95.00 is $380.00 on the line; the tax is its own row, never folded into a line.
    expect(text).toContain("Install disposal 4 $95.00 $380.00");
    expect(text).toContain("Parts 1 $71.50 $71.50");
    expect(text).toContain("Subtotal $451.50");
    expect(text).toContain("Trip charge $49.00");
    expect(text).toContain("Texas sales tax 8.25% $37.25");
    expect(text).toContain("Total $537.75");
    expect(text).toContain("Amount paid $0.00");
    expect(text).toContain("Amount due $537.75");
    // The tax is counted once: no line total already holding it.
    expect(text).not.toContain("$411.35");
    expect(text).not.toMatch(/Tax \$37\.25 · Total/);
  });

  it("money - an overpaid invoice shows the credit left over, as the PDF does", async () => {
    const { remit, invoice, view } = await taxedInvoice();
    await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "600.00",
      method: "check",
      idempotencyKey: "k-over",
    });
    const text = textOf(await view());
    expect(text).toContain("Amount paid $600.00");
    expect(text).toContain("Amount due $0.00");
    expect(text).toContain("Credit $62.25");
  });

  it("words - each status in the PDF's words and its own color, Written off (uncollectible) included; dates and contacts for people", async () => {
    const { invoice, view } = await taxedInvoice();
    const html = await view();
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no raw ISO dates
    expect(html).toContain('href="mailto:office@reyes.example"');
    expect(html).toContain('href="tel:+15125550100"');
    expect(html).toContain('href="tel:+15125550101"');
    const words = new Map<string, string>();
    const colors = new Set<string>();
    for (const status of invoiceStatuses) {
      const page = renderHostedInvoicePage({
        invoice: { ...invoice, status: status as never },
        tenant: { ...(await taxedTenant(invoice.tenantId)) },
        payOnline: false,
        pagePath: "/i/x",
      });
      const badge = /<span class="status status-([a-z_]+)"[^>]*>([^<]+)<\/span>/.exec(page);
      expect(badge?.[1]).toBe(status);
      words.set(status, badge?.[2] ?? "");
      const color = new RegExp(`\\.status-${status}\\{background:(#[0-9a-f]{6})`).exec(page)?.[1];
      expect(color, status).toBeDefined();
      colors.add(color ?? "");
    }
    expect(Object.fromEntries(words)).toEqual({
      pending_action: "Draft",
      pending_review: "In review",
      pending_payment: "Awaiting payment",
      past_due: "Past due",
      paid: "Paid",
      cancelled: "Cancelled",
      uncollectible: "Written off",
    });
    expect(colors.size).toBe(words.size);
  });
});

async function taxedTenant(tenantId: string) {
  const { remit } = await createTestRemit();
  return { ...(await remit.tenants.get(ctx)), id: tenantId };
}
