import { describe, expect, it } from "vitest";
import {
  type Invoice,
  renderInvoiceMessage,
  type Tenant,
  tenantSettingsSchema,
} from "../../src/index";

const tenant: Tenant = {
  ...tenantSettingsSchema.parse({
    name: "Müller & Söhne <Sanitär>",
    currency: "EUR",
    locale: "de-DE",
  }),
  id: "t1",
  version: 1,
  createdAt: "2026-03-02T15:00:00.000Z",
  updatedAt: "2026-03-02T15:00:00.000Z",
};

const invoice = {
  number: "RE-0007",
  currency: "EUR",
  status: "pending_payment",
  total: "1234.50",
  amountDue: "1234.50",
  amountPaid: "0.00",
  dueDate: "2026-04-01",
  customer: {
    id: "c1",
    name: "Anna <script>",
    email: "anna@example.com",
    phone: null,
    billingAddress: null,
  },
} as Invoice;

describe("renderInvoiceMessage", () => {
  it("fills amounts in the tenant's locale and escapes values in HTML only", () => {
    const message = renderInvoiceMessage({
      invoice,
      tenant,
      purpose: "invoice",
      url: "https://pay.example/i/tok",
    });
    expect(message.subject).toBe("Invoice RE-0007 from Müller & Söhne <Sanitär>");
    expect(message.text).toContain("1.234,50\u00a0€");
    expect(message.html).toContain("Anna &lt;script&gt;");
    expect(message.html).not.toContain("<script>");
    expect(message.sms).toContain("https://pay.example/i/tok");
  });

  it("is the same for the same data, and uses the tenant's own templates", () => {
    const custom = {
      ...tenant,
      templates: { invoiceSentSms: "{{business}} · {{number}} · {{amountDue}}" },
    };
    const first = renderInvoiceMessage({ invoice, tenant: custom, purpose: "invoice", url: "u" });
    expect(renderInvoiceMessage({ invoice, tenant: custom, purpose: "invoice", url: "u" })).toEqual(
      first,
    );
    expect(first.sms).toBe("Müller & Söhne <Sanitär> · RE-0007 · 1.234,50\u00a0€");
  });

  it("speaks of a past-due invoice's reminder as overdue", () => {
    const reminder = renderInvoiceMessage({
      invoice: { ...invoice, status: "past_due" },
      tenant,
      purpose: "reminder",
      url: "u",
    });
    expect(reminder.subject).toBe("Past due: invoice RE-0007 from Müller & Söhne <Sanitär>");
    const early = renderInvoiceMessage({ invoice, tenant, purpose: "reminder", url: "u" });
    expect(early.subject).toBe("Reminder: invoice RE-0007 from Müller & Söhne <Sanitär>");
  });
});
