import { describe, expect, it } from "vitest";
import {
  type Invoice,
  renderInvoiceMessage,
  type Tenant,
  tenantSettingsSchema,
} from "../../src/index";

const tenant: Tenant = {
  ...tenantSettingsSchema.parse({
    name: "Reyes & Co",
    currency: "USD",
    templates: {
      invoiceSentBody:
        'Hi {{customer}} <a href="https://evil.example">pay here</a><script>steal()</script> & {{url}}',
    },
  }),
  id: "t1",
  version: 1,
  createdAt: "2026-03-02T15:00:00.000Z",
  updatedAt: "2026-03-02T15:00:00.000Z",
};

const invoice = {
  number: "INV-1",
  currency: "USD",
  status: "pending_payment",
  total: "10.00",
  amountDue: "10.00",
  amountPaid: "0.00",
  dueDate: "2026-04-01",
  customer: { id: "c1", name: "Ana <b>", email: null, phone: null, billingAddress: null },
} as Invoice;

describe("renderInvoiceMessage - the tenant's template", () => {
  it("templates - a tenant's HTML body is escaped before the values go in: no markup of its own", () => {
    const message = renderInvoiceMessage({
      invoice,
      tenant,
      purpose: "invoice",
      url: "https://pay.example/i/tok?a=1&b=2",
    });
    const body = /<div[^>]*>([\s\S]*)<\/div>/.exec(message.html)?.[1] ?? "";
    expect(body).toBe(
      "Hi Ana &lt;b&gt; &lt;a href=&quot;https://evil.example&quot;&gt;pay here&lt;/a&gt;&lt;script&gt;steal()&lt;/script&gt; &amp; https://pay.example/i/tok?a=1&amp;b=2",
    );
    expect(message.text).toBe(
      'Hi Ana <b> <a href="https://evil.example">pay here</a><script>steal()</script> & https://pay.example/i/tok?a=1&b=2',
    );
  });
});
