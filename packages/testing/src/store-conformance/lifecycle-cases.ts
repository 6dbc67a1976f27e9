import { expect, it } from "vitest";
import type { ConformanceHarness } from "./conformance-harness";
import { issuedInvoice, rejectionOf, sampleLines, setupTenant } from "./fixtures";

export function defineLifecycleCases(harness: ConformanceHarness): void {
  it("create - stores revision 1, its event and the event's outbox job in one go", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store());
    const probe = harness.probe();
    // The setup's own moves (tenant, customer) may have stored events and jobs already.
    const before = {
      events: await probe.count("tenant_a", "events"),
      jobs: await probe.count("tenant_a", "jobs"),
    };
    const { invoice, events } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      ...sampleLines(),
    });
    expect(invoice.status).toBe("pending_action");
    expect(invoice.total).toBe("303.93");
    expect(events.map((event) => event.type)).toEqual(["invoice.created"]);
    expect(await probe.invoice("tenant_a", invoice.id)).toMatchObject({
      status: "pending_action",
      version: 1,
      number: null,
    });
    expect(await probe.count("tenant_a", "revisions")).toBe(1);
    expect(await probe.count("tenant_a", "events")).toBe(before.events + 1);
    expect(await probe.count("tenant_a", "jobs")).toBe(before.jobs + 1);
  });

  it("update - stores a new revision and refuses a stale version, changing nothing", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store());
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      ...sampleLines(),
    });
    const updated = await remit.invoices.update(ctx, {
      id: invoice.id,
      expectedVersion: 1,
      memo: "Thanks!",
    });
    expect(updated.invoice).toMatchObject({ version: 2, revision: 2 });
    const refused = await rejectionOf(
      remit.invoices.update(ctx, { id: invoice.id, expectedVersion: 1, memo: "Stale" }),
    );
    expect(refused.code).toBe("version_conflict");
    const probe = harness.probe();
    expect(await probe.invoice("tenant_a", invoice.id)).toMatchObject({ version: 2 });
    expect(await probe.count("tenant_a", "revisions")).toBe(2);
    const details = await remit.invoices.get(ctx, { id: invoice.id });
    expect(details.revisions.map((revision) => revision.revision)).toEqual([1, 2]);
    expect(details.revisions[0]?.content.memo).toBeUndefined();
    expect(details.invoice.content.memo).toBe("Thanks!");
  });

  it("review - submit, request changes, submit again and approve", async () => {
    const { remit, ctx, customer } = await setupTenant(harness.store(), "tenant_a", {
      requireReview: true,
    });
    const { invoice } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      ...sampleLines(),
    });
    expect((await rejectionOf(remit.invoices.issue(ctx, { id: invoice.id }))).code).toBe(
      "invalid_transition",
    );
    await remit.invoices.submit(ctx, { id: invoice.id });
    const back = await remit.invoices.requestChanges(ctx, {
      id: invoice.id,
      reason: "Add the parts receipt",
    });
    expect(back.invoice).toMatchObject({
      status: "pending_action",
      changesRequestedReason: "Add the parts receipt",
    });
    await remit.invoices.submit(ctx, { id: invoice.id });
    const issued = await remit.invoices.issue(ctx, { id: invoice.id });
    expect(issued.invoice).toMatchObject({
      status: "pending_payment",
      number: "INV-0001",
      version: 5,
    });
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({
      status: "pending_payment",
      number: "INV-0001",
    });
  });

  it("payments - partial, then full, then a refund back below the total", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx } = setup;
    const invoice = await issuedInvoice(setup);
    const partial = await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "100.00",
      method: "check",
      reference: "1042",
      idempotencyKey: "pay-1",
    });
    expect(partial.invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "100.00",
      amountDue: "203.93",
    });
    const rest = await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "203.93",
      method: "cash",
      idempotencyKey: "pay-2",
    });
    expect(rest.invoice).toMatchObject({ status: "paid", amountDue: "0.00" });
    expect(rest.events.map((event) => event.type)).toEqual([
      "invoice.payment_recorded",
      "invoice.paid",
    ]);
    const paymentId = String(partial.events[0]?.data.paymentId);
    const refunded = await remit.invoices.refund(ctx, {
      id: invoice.id,
      paymentId,
      amount: "40.00",
      idempotencyKey: "refund-1",
    });
    expect(refunded.invoice).toMatchObject({
      status: "pending_payment",
      amountPaid: "263.93",
      amountDue: "40.00",
    });
    const probe = harness.probe();
    expect(await probe.invoice("tenant_a", invoice.id)).toMatchObject({
      status: "pending_payment",
      amountPaid: "263.93",
    });
    expect(await probe.count("tenant_a", "payments")).toBe(2);
    expect(await probe.count("tenant_a", "refunds")).toBe(1);
  });

  it("payments - the same idempotency key twice is one payment with the first result", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx } = setup;
    const invoice = await issuedInvoice(setup);
    const input = {
      id: invoice.id,
      amount: "50.00",
      method: "check" as const,
      idempotencyKey: "check-77",
    };
    const first = await remit.invoices.recordPayment(ctx, input);
    const again = await remit.invoices.recordPayment(ctx, input);
    expect(again).toEqual(first);
    const other = await rejectionOf(
      remit.invoices.recordPayment(ctx, { ...input, amount: "60.00" }),
    );
    expect(other.code).toBe("idempotency_conflict");
    expect(await harness.probe().count("tenant_a", "payments")).toBe(1);
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({
      amountPaid: "50.00",
    });
  });

  it("overpayment - kept as credit, not lost", async () => {
    const setup = await setupTenant(harness.store());
    const invoice = await issuedInvoice(setup);
    const { invoice: paid } = await setup.remit.invoices.recordPayment(setup.ctx, {
      id: invoice.id,
      amount: "400.00",
      method: "check",
      idempotencyKey: "over",
    });
    expect(paid).toMatchObject({
      status: "paid",
      amountPaid: "400.00",
      amountDue: "0.00",
      credit: "96.07",
    });
  });

  it("cancel - keeps the number, refused while money is recorded", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx } = setup;
    const invoice = await issuedInvoice(setup);
    const cancelled = await remit.invoices.cancel(ctx, { id: invoice.id, reason: "Duplicate" });
    expect(cancelled.invoice).toMatchObject({ status: "cancelled", number: "INV-0001" });
    const second = await issuedInvoice(setup);
    await remit.invoices.recordPayment(ctx, {
      id: second.id,
      amount: "1.00",
      method: "cash",
      idempotencyKey: "k",
    });
    expect(
      (await rejectionOf(remit.invoices.cancel(ctx, { id: second.id, reason: "Oops" }))).code,
    ).toBe("invalid_transition");
    expect(await harness.probe().invoice("tenant_a", second.id)).toMatchObject({
      status: "pending_payment",
      number: "INV-0002",
    });
  });

  it("past due - the sweep moves overdue invoices once; a second run changes nothing", async () => {
    const setup = await setupTenant(harness.store(), "tenant_a", { defaultTerms: "net_15" });
    const { remit, ctx, clock } = setup;
    const invoice = await issuedInvoice(setup);
    expect(invoice.dueDate).toBe("2026-03-17");
    clock.set("2026-03-18T04:59:00Z"); // 23:59 on the 17th in Chicago (CDT since March 8): not yet past due
    expect(
      await remit.invoices.sweepPastDue({ tenantId: "tenant_a", actor: { type: "system" } }),
    ).toEqual({ moved: 0, lateFeesAdded: 0 });
    clock.set("2026-03-18T05:00:00Z"); // midnight on the 18th in Chicago
    expect(
      await remit.invoices.sweepPastDue({ tenantId: "tenant_a", actor: { type: "system" } }),
    ).toEqual({ moved: 1, lateFeesAdded: 0 });
    expect(
      await remit.invoices.sweepPastDue({ tenantId: "tenant_a", actor: { type: "system" } }),
    ).toEqual({ moved: 0, lateFeesAdded: 0 });
    expect(await harness.probe().invoice("tenant_a", invoice.id)).toMatchObject({
      status: "past_due",
    });
    const paid = await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "303.93",
      method: "card",
      idempotencyKey: "late",
    });
    expect(paid.invoice?.status).toBe("paid");
  });

  it("public token - finds an issued invoice, and nothing for an unknown token", async () => {
    const setup = await setupTenant(harness.store());
    const invoice = await issuedInvoice(setup);
    expect(invoice.publicToken?.length).toBeGreaterThanOrEqual(22);
    const found = await setup.remit.invoices.getByPublicToken({ token: invoice.publicToken ?? "" });
    expect(found.id).toBe(invoice.id);
    expect(
      (await rejectionOf(setup.remit.invoices.getByPublicToken({ token: "x".repeat(32) }))).code,
    ).toBe("not_found");
  });

  it("list - filters by status, customer, due date, number and text, with cursor pages", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx, customer } = setup;
    const other = await remit.customers.create(ctx, { name: "Pat Morgan" });
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push((await issuedInvoice(setup)).id);
    const draft = await remit.invoices.create(ctx, { customerId: other.id, ...sampleLines() });
    expect((await remit.invoices.list(ctx, { status: "pending_payment" })).items).toHaveLength(5);
    expect(
      (await remit.invoices.list(ctx, { status: ["pending_action"] })).items.map(
        (invoice) => invoice.id,
      ),
    ).toEqual([draft.invoice.id]);
    expect((await remit.invoices.list(ctx, { customerId: customer.id })).items).toHaveLength(5);
    expect(
      (await remit.invoices.list(ctx, { number: "INV-0003" })).items.map((invoice) => invoice.id),
    ).toEqual([ids[2]]);
    expect((await remit.invoices.list(ctx, { search: "pat mor" })).items).toHaveLength(1);
    expect(
      (await remit.invoices.list(ctx, { dueFrom: "2026-04-01", dueTo: "2026-04-01" })).items,
    ).toHaveLength(5);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await remit.invoices.list(ctx, { limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(...page.items.map((invoice) => invoice.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([draft.invoice.id, ...ids.reverse()]);
  });

  it("send - stores one delivery per channel and its job; a missing contact refuses the whole send", async () => {
    const setup = await setupTenant(harness.store());
    const { remit, ctx } = setup;
    const invoice = await issuedInvoice(setup);
    const sent = await remit.invoices.send(ctx, { id: invoice.id, channels: ["email", "sms"] });
    expect(sent.events.map((event) => event.type)).toEqual(["invoice.sent"]);
    expect(await harness.probe().count("tenant_a", "deliveries")).toBe(2);
    const noPhone = await remit.customers.create(ctx, {
      name: "No Phone",
      email: "np@example.com",
    });
    const created = await remit.invoices.create(ctx, { customerId: noPhone.id, ...sampleLines() });
    await remit.invoices.issue(ctx, { id: created.invoice.id });
    const refused = await rejectionOf(
      remit.invoices.send(ctx, { id: created.invoice.id, channels: ["email", "sms"] }),
    );
    expect(refused).toMatchObject({ code: "missing_contact", channel: "sms" });
    expect(await harness.probe().count("tenant_a", "deliveries")).toBe(2);
  });
}
