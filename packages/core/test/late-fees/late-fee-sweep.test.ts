import { describe, expect, it } from "vitest";
import { createRemit, renderInvoiceMessage, type TenantSettingsInput } from "../../src/index";
import { createHarness, systemContext, userContext } from "../lifecycle/support/harness";
import { olderStore } from "../support/older-store";

// Late fees (issue 19, part 4): the rule copied at issue, the past-due sweep adding each fee as a
// `late_fee` line in a new revision, once per invoice and period, and what the fee leaves alone.

const monthlyFlat: TenantSettingsInput["lateFees"] = {
  charge: { type: "flat", amount: "25.00" },
  graceDays: 5,
  repeatEveryDays: 30,
  maxCount: 3,
};
// Issued 2026-03-02 with net_30 terms: due 2026-04-01. Fee N is due on 04-07, 05-07, 06-06.
const day = (date: string) => `${date}T12:00:00.000Z`;

async function sweep(harness: Awaited<ReturnType<typeof createHarness>>, date: string) {
  return harness.remit.invoices.sweepPastDue(systemContext, { at: day(date) });
}

describe("late fees", () => {
  it("sweepPastDue - adds each due fee once as a late_fee line in a new revision, with invoice.late_fee_added", async () => {
    const harness = await createHarness({ settings: { lateFees: monthlyFlat } });
    const invoice = await harness.issued({ amount: "200.00" });
    expect(invoice.lateFee).toEqual({
      rule: expect.objectContaining({ charge: { type: "flat", amount: "25.00" }, maxCount: 3 }),
      periodsCharged: 0,
    });
    expect(await sweep(harness, "2026-04-06")).toEqual({ moved: 1, lateFeesAdded: 0 });
    expect(await sweep(harness, "2026-04-07")).toEqual({ moved: 0, lateFeesAdded: 1 });
    expect(await sweep(harness, "2026-04-07")).toEqual({ moved: 0, lateFeesAdded: 0 });
    const details = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(details.invoice).toMatchObject({
      status: "past_due",
      revision: 2,
      total: "225.00",
      amountDue: "225.00",
      lateFee: { periodsCharged: 1 },
    });
    expect(details.invoice.content.lines.at(-1)).toEqual({
      id: "late-fee-1",
      kind: "late_fee",
      description: "Late fee",
      quantity: "1",
      unitPrice: "25.00",
      taxRateIds: [],
    });
    expect(details.revisions.map((revision) => revision.revision)).toEqual([1, 2]);
    expect(details.revisions[1]?.actor).toEqual({ type: "system" });
    const added = details.events.filter((event) => event.type === "invoice.late_fee_added");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: { type: "system" },
      subject: { type: "invoice", id: invoice.id, version: details.invoice.version },
      data: {
        period: 1,
        lineId: "late-fee-1",
        amount: "25.00",
        tax: "0.00",
        revision: 2,
        status: "past_due",
        previousStatus: "past_due",
        total: "225.00",
        amountDue: "225.00",
      },
    });
    // A sweep that missed days catches up, oldest period first, and stops at maxCount.
    expect(await sweep(harness, "2027-01-01")).toEqual({ moved: 0, lateFeesAdded: 2 });
    expect(await sweep(harness, "2028-01-01")).toEqual({ moved: 0, lateFeesAdded: 0 });
    const { invoice: last } = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(last.content.lines.map((line) => line.id)).toEqual([
      "line-1",
      "late-fee-1",
      "late-fee-2",
      "late-fee-3",
    ]);
    expect(last.total).toBe("275.00");
  });

  it("the rule in force at issue stays with the invoice; invoices issued before any rule get none", async () => {
    const harness = await createHarness();
    const before = await harness.issued();
    await harness.remit.tenants.upsert(userContext, { lateFees: monthlyFlat });
    const under = await harness.issued();
    await harness.remit.tenants.upsert(userContext, {
      lateFees: { charge: { type: "flat", amount: "99.00" } },
    });
    expect(before.lateFee).toBeNull();
    await sweep(harness, "2026-04-07");
    const get = async (id: string) =>
      (await harness.remit.invoices.get(userContext, { id })).invoice;
    expect((await get(before.id)).total).toBe("100.00");
    expect((await get(under.id)).total).toBe("125.00");
  });

  it("percent - taken of the balance without earlier late fees, after payments; no fee below the minimum balance or past the cap", async () => {
    const harness = await createHarness({
      settings: {
        lateFees: {
          charge: { type: "percent", percent: "10" },
          repeatEveryDays: 30,
          maxCount: 5,
          minimumBalance: "50.00",
          maximumTotal: "25.00",
        },
      },
    });
    const invoice = await harness.issued({ amount: "200.00" });
    await harness.pay(invoice.id, "50.00", "part");
    await sweep(harness, "2026-04-02"); // fee 1: 10% of 150.00
    await sweep(harness, "2026-05-02"); // fee 2: 10% of 150.00 again (not of 165.00), cut to 10.00
    await sweep(harness, "2026-06-01"); // fee 3: the cap is reached
    const { invoice: charged } = await harness.remit.invoices.get(userContext, { id: invoice.id });
    const fees = charged.totals.lines.filter((line) => line.kind === "late_fee");
    expect(fees.map((line) => line.total)).toEqual(["15.00", "10.00"]);
    expect(charged.amountDue).toBe("175.00");

    const small = await harness.issued({ amount: "40.00" });
    expect(await sweep(harness, "2026-04-02")).toMatchObject({ lateFeesAdded: 0 });
    expect((await harness.remit.invoices.get(userContext, { id: small.id })).invoice.total).toBe(
      "40.00",
    );
  });

  it("taxes - untaxed by default, taxed with the rule's rates when it names them", async () => {
    const harness = await createHarness({
      settings: {
        lateFees: {
          charge: { type: "flat", amount: "20.00" },
          taxRates: [{ id: "vat", name: "VAT", percent: "10" }],
        },
      },
    });
    const invoice = await harness.issued({ amount: "100.00" });
    await sweep(harness, "2026-04-02");
    const { invoice: charged } = await harness.remit.invoices.get(userContext, { id: invoice.id });
    expect(charged.totals.lines.at(-1)).toMatchObject({
      kind: "late_fee",
      tax: "2.00",
      total: "22.00",
    });
    expect(charged.content.taxRates).toEqual([
      { id: "vat", name: "VAT", percent: "10", inclusive: false, compound: false },
    ]);
    expect(charged.total).toBe("122.00");
  });

  it("invoice percent discounts and percent fees leave late_fee lines out", async () => {
    const harness = await createHarness({
      settings: { lateFees: { charge: { type: "flat", amount: "30.00" } } },
    });
    const invoice = await harness.issued({ amount: "100.00" });
    await sweep(harness, "2026-04-02");
    const { invoice: charged } = await harness.remit.invoices.get(userContext, { id: invoice.id });
    const { invoice: edited } = await harness.remit.invoices.update(userContext, {
      id: invoice.id,
      expectedVersion: charged.version,
      discounts: [{ type: "percent", value: "10" }],
      fees: [{ id: "card", description: "Card surcharge", type: "percent", value: "3" }],
    });
    const byId = new Map(edited.totals.lines.map((line) => [line.id, line]));
    expect(byId.get("late-fee-1")).toMatchObject({ discount: "0.00", total: "30.00" });
    expect(byId.get("line-1")).toMatchObject({ discount: "10.00", total: "90.00" });
    expect(byId.get("card")?.total).toBe("2.70"); // 3% of 90.00, not of 120.00
    expect(edited.total).toBe("122.70");
  });

  it("no fee on paid, uncollectible or cancelled invoices", async () => {
    const harness = await createHarness({
      settings: { lateFees: { charge: { type: "flat", amount: "10.00" } } },
    });
    const paid = await harness.issued();
    await harness.pay(paid.id, "100.00", "all");
    const writtenOff = await harness.issued();
    const cancelled = await harness.issued();
    await sweep(harness, "2026-04-01"); // due today: none is past due yet
    await harness.remit.invoices.writeOff(userContext, { id: writtenOff.id, reason: "Gone" });
    await harness.remit.invoices.cancel(userContext, { id: cancelled.id, reason: "Duplicate" });
    expect(await sweep(harness, "2026-05-01")).toEqual({ moved: 0, lateFeesAdded: 0 });
    for (const { id } of [paid, writtenOff, cancelled]) {
      const { invoice } = await harness.remit.invoices.get(userContext, { id });
      expect(invoice.content.lines.some((line) => line.kind === "late_fee")).toBe(false);
    }
  });

  it("the overdue reminder mentions the late fees", async () => {
    const harness = await createHarness({ settings: { lateFees: monthlyFlat } });
    const invoice = await harness.issued({ amount: "200.00" });
    await sweep(harness, "2026-04-07");
    const { invoice: charged } = await harness.remit.invoices.get(userContext, { id: invoice.id });
    const tenant = await harness.remit.tenants.get(userContext);
    const message = renderInvoiceMessage({
      invoice: charged,
      tenant,
      purpose: "reminder",
      url: "https://pay.example/x",
    });
    expect(message.text).toContain("is now past due. It includes late fees of $25.00.");
    expect(message.sms).toContain("is past due. It includes late fees of $25.00. Pay:");
    const before = renderInvoiceMessage({ invoice, tenant, purpose: "reminder", url: "u" });
    expect(before.text).not.toContain("late fee");
  });

  it("a store without late fees - issuing under a rule is not_supported; the sweep still runs", async () => {
    const store = olderStore({ invoiceReads: ["listLateFeeCandidates"] });
    const remit = createRemit({ store });
    const customer = await remit.customers.create(userContext, { name: "Dana Reyes" });
    const { invoice } = await remit.invoices.create(userContext, {
      customerId: customer.id,
      lines: [{ quantity: "1", unitPrice: "10.00" }],
    });
    await remit.tenants.upsert(userContext, {
      lateFees: { charge: { type: "flat", amount: "5" } },
    });
    await expect(remit.invoices.issue(userContext, { id: invoice.id })).rejects.toMatchObject({
      code: "not_supported",
    });
    expect((await remit.invoices.get(userContext, { id: invoice.id })).invoice.status).toBe(
      "pending_action",
    );
    await expect(remit.invoices.sweepPastDue(systemContext)).resolves.toEqual({
      moved: 0,
      lateFeesAdded: 0,
    });
  });
});
