import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { issuedInvoice, rejectionOf, setupTenant, userContext } from "./fixtures";

export function defineIsolationCases(harness: ConformanceHarness): void {
  it("tenants - another tenant's id finds nothing and changes nothing", async () => {
    const setup = await setupTenant(harness.store());
    const invoice = await issuedInvoice(setup);
    const intruder = userContext("tenant_b");
    const { remit } = setup;
    expect((await rejectionOf(remit.invoices.get(intruder, { id: invoice.id }))).code).toBe(
      "not_found",
    );
    expect(
      (
        await rejectionOf(
          remit.invoices.update(intruder, {
            id: invoice.id,
            expectedVersion: invoice.version,
            memo: "x",
          }),
        )
      ).code,
    ).toBe("not_found");
    expect(
      (await rejectionOf(remit.invoices.cancel(intruder, { id: invoice.id, reason: "x" }))).code,
    ).toBe("not_found");
    expect(
      (
        await rejectionOf(
          remit.invoices.recordPayment(intruder, {
            id: invoice.id,
            amount: "1.00",
            method: "cash",
            idempotencyKey: "x",
          }),
        )
      ).code,
    ).toBe("not_found");
    expect(
      (await rejectionOf(remit.customers.get(intruder, { id: invoice.customer?.id ?? "" }))).code,
    ).toBe("not_found");
    expect((await remit.invoices.list(intruder)).items).toEqual([]);
    expect((await remit.events.list(intruder)).items).toEqual([]);
    const probe = harness.probe();
    expect(await probe.invoice("tenant_b", invoice.id)).toBeUndefined();
    expect(await probe.count("tenant_b", "payments")).toBe(0);
    expect(await probe.invoice("tenant_a", invoice.id)).toMatchObject({
      version: invoice.version,
      amountPaid: "0.00",
    });
  });

  it("tenants - the same idempotency key in two tenants is two requests", async () => {
    const first = await setupTenant(harness.store(), "tenant_a");
    const second = await setupTenant(harness.store(), "tenant_b");
    const a = await issuedInvoice(first);
    const b = await issuedInvoice(second);
    await first.remit.invoices.recordPayment(first.ctx, {
      id: a.id,
      amount: "5.00",
      method: "cash",
      idempotencyKey: "same",
    });
    await second.remit.invoices.recordPayment(second.ctx, {
      id: b.id,
      amount: "7.00",
      method: "cash",
      idempotencyKey: "same",
    });
    expect(await harness.probe().invoice("tenant_a", a.id)).toMatchObject({ amountPaid: "5.00" });
    expect(await harness.probe().invoice("tenant_b", b.id)).toMatchObject({ amountPaid: "7.00" });
    expect(b.number).toBe("INV-0001");
  });
}
