import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  createRemitHandler,
  creditNoteResponseSchema,
  customerCreditResponseSchema,
  invoiceDetailsResponseSchema,
  invoiceMoveResultSchema,
  invoicePageSchema,
  problemSchema,
} from "../src/index";
import { authenticateByTestHeader, createTestRemit } from "./support/create-test-remit";

// The REST operations of issue 19: credit notes, write-off, customer credit.

async function bodyOf<Schema extends z.ZodType>(response: Response, schema: Schema) {
  const body: unknown = await response.json();
  const checked = schema.safeParse(body);
  if (!checked.success) throw new Error(`response does not match its schema: ${checked.error}`);
  return checked.data;
}

async function handler() {
  const test = await createTestRemit();
  const { fetch } = createRemitHandler({
    remit: test.remit,
    authenticate: authenticateByTestHeader,
    publicUrl: "https://pay.reyes.example",
  });
  const call = (path: string, init: RequestInit = {}) =>
    fetch(
      new Request(`https://pay.reyes.example${path}`, {
        ...init,
        headers: {
          ...(init.body ? { "content-type": "application/json" } : {}),
          "x-test-user": "office",
        },
      }),
    );
  const post = (path: string, body: unknown) =>
    call(path, { method: "POST", body: JSON.stringify(body) });
  const issued = async (unitPrice: string) => {
    const created = await bodyOf(
      await post("/api/invoices", {
        customerId: test.customer.id,
        lines: [{ quantity: "1", unitPrice }],
      }),
      invoiceMoveResultSchema,
    );
    return (
      await bodyOf(
        await post(`/api/invoices/${created.invoice.id}/issue`, {}),
        invoiceMoveResultSchema,
      )
    ).invoice;
  };
  return { ...test, call, post, issued };
}

describe("REST API - after the invoice is out (issue 19)", () => {
  it("api - credit note, customer credit applied to another invoice, and a write-off; each answer matches its schema", async () => {
    const { call, post, issued, customer } = await handler();
    const first = await issued("100.00");
    const second = await issued("40.00");
    await post(`/api/invoices/${first.id}/payments`, {
      amount: "100.00",
      method: "check",
      idempotencyKey: "chk-1",
    });
    const credited = await bodyOf(
      await post(`/api/invoices/${first.id}/credit-notes`, {
        amount: "30.00",
        reason: "Part returned",
        idempotencyKey: "cn-1",
      }),
      invoiceMoveResultSchema,
    );
    expect(credited.invoice).toMatchObject({ creditNoteTotal: "30.00", credit: "30.00" });
    expect(credited.creditNote).toMatchObject({ number: "CN-0001", total: "30.00" });
    const note = await bodyOf(
      await call(`/api/credit-notes/${credited.creditNote?.id}`),
      creditNoteResponseSchema,
    );
    expect(note.invoiceId).toBe(first.id);

    const credit = await bodyOf(
      await call(`/api/customers/${customer.id}/credit`),
      customerCreditResponseSchema,
    );
    expect(credit.balances).toMatchObject([{ currency: "USD", amount: "30.00" }]);
    const applied = await bodyOf(
      await post(`/api/invoices/${first.id}/credit-applications`, { toInvoiceId: second.id }),
      invoiceMoveResultSchema,
    );
    expect(applied.toInvoice).toMatchObject({ id: second.id, amountDue: "10.00" });
    expect(applied.creditApplication).toMatchObject({ amount: "30.00" });

    const written = await bodyOf(
      await post(`/api/invoices/${second.id}/write-off`, { reason: "Gone" }),
      invoiceMoveResultSchema,
    );
    expect(written.invoice).toMatchObject({ status: "uncollectible", writtenOff: "10.00" });
    const page = await bodyOf(await call("/api/invoices?status=uncollectible"), invoicePageSchema);
    expect(page.items.map((invoice) => invoice.id)).toEqual([second.id]);
    const details = await bodyOf(
      await call(`/api/invoices/${first.id}`),
      invoiceDetailsResponseSchema,
    );
    expect(details.creditNotes).toHaveLength(1);
    expect(details.creditApplications).toHaveLength(1);
  });

  it("api - a credit note for more than is left is a 422 naming the field", async () => {
    const { post, issued } = await handler();
    const invoice = await issued("10.00");
    const response = await post(`/api/invoices/${invoice.id}/credit-notes`, {
      amount: "10.01",
      reason: "Too much",
    });
    expect(response.status).toBe(422);
    expect(await bodyOf(response, problemSchema)).toMatchObject({
      code: "validation_error",
      path: "amount",
    });
  });
});
