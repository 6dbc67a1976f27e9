import { createMemoryStore } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { type Context, createRemit, RemitError } from "../../src/index";

const ctx: Context = { tenantId: "rotate", actor: { type: "user", id: "u_office" } };

async function issued() {
  const remit = createRemit({ store: createMemoryStore() });
  await remit.tenants.upsert(ctx, { name: "Rotate Co", currency: "USD" });
  const customer = await remit.customers.create(ctx, { name: "Dana" });
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines: [{ description: "Call", quantity: "1", unitPrice: "90.00" }],
  });
  return {
    remit,
    draft: invoice,
    invoice: (await remit.invoices.issue(ctx, { id: invoice.id })).invoice,
  };
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return RemitError.isInstance(error) ? error.code : String(error);
}

describe("invoices.rotatePublicToken", () => {
  it("rotate public token - gives a new link; the old one stops working; emits invoice.public_token_rotated", async () => {
    const { remit, invoice } = await issued();
    const oldToken = invoice.publicToken ?? "";
    const { invoice: rotated, events } = await remit.invoices.rotatePublicToken(ctx, {
      id: invoice.id,
      expectedVersion: invoice.version,
    });
    expect(rotated.publicToken).toMatch(/^[\w-]{32}$/);
    expect(rotated.publicToken).not.toBe(oldToken);
    expect(rotated).toMatchObject({ status: "pending_payment", version: invoice.version + 1 });
    expect(await codeOf(remit.invoices.getByPublicToken({ token: oldToken }))).toBe("not_found");
    const found = await remit.invoices.getByPublicToken({ token: rotated.publicToken ?? "" });
    expect(found.id).toBe(invoice.id);
    expect(events.map((event) => event.type)).toEqual(["invoice.public_token_rotated"]);
    // The event goes to webhooks: it names neither token.
    expect(JSON.stringify(events)).not.toContain(oldToken);
    expect(JSON.stringify(events)).not.toContain(rotated.publicToken);
  });

  it("rotate public token - works on paid and cancelled invoices too; refused on a draft, which has no link", async () => {
    const { remit, invoice, draft } = await issued();
    await remit.invoices.cancel(ctx, { id: invoice.id, reason: "duplicate" });
    const { invoice: rotated } = await remit.invoices.rotatePublicToken(ctx, { id: invoice.id });
    expect(rotated.status).toBe("cancelled");
    expect(
      await codeOf(remit.invoices.getByPublicToken({ token: invoice.publicToken ?? "" })),
    ).toBe("not_found");
    const other = await remit.invoices.create(ctx, {
      customerId: draft.customer?.id ?? "",
      lines: [{ description: "Call", quantity: "1", unitPrice: "1.00" }],
    });
    expect(await codeOf(remit.invoices.rotatePublicToken(ctx, { id: other.invoice.id }))).toBe(
      "invalid_transition",
    );
    expect(await codeOf(remit.invoices.rotatePublicToken(ctx, { id: "inv_\u0000" }))).toBe(
      "validation_error",
    );
  });
});
