// Dates in the tenant's time zone: issue and due dates, past due across daylight-saving changes
// and where the tenant's date differs from UTC's, net_N across month ends, year ends and leap days.
import { describe, expect, it } from "vitest";
import { createHarness, systemContext, userContext } from "./support/harness";

/** Issues a net_1 invoice at `issueAt` and sweeps at each instant; returns how many moved. */
async function pastDueAt(timeZone: string, issueAt: string, sweeps: string[]) {
  const harness = await createHarness({ settings: { timeZone }, start: issueAt });
  const invoice = await harness.issued({ terms: "net_1" });
  const moved: number[] = [];
  for (const at of sweeps) {
    moved.push((await harness.remit.invoices.sweepPastDue(systemContext, { at })).moved);
  }
  return { invoice, moved };
}

describe("dates - past due across daylight-saving changes", () => {
  it("past due - America/New_York, spring forward: due Mar 8, past due at 00:00 EDT on Mar 9", async () => {
    // Issued 23:30 EST on Mar 7; midnight on Mar 9 is 04:00Z (EDT), not 05:00Z (EST).
    const { invoice, moved } = await pastDueAt("America/New_York", "2026-03-08T04:30:00Z", [
      "2026-03-09T03:59:59Z",
      "2026-03-09T04:00:00Z",
    ]);
    expect([invoice.issueDate, invoice.dueDate]).toEqual(["2026-03-07", "2026-03-08"]);
    expect(moved).toEqual([0, 1]);
  });

  it("past due - America/New_York, fall back: due Nov 1, past due at 00:00 EST on Nov 2", async () => {
    const { invoice, moved } = await pastDueAt("America/New_York", "2026-10-31T16:00:00Z", [
      "2026-11-02T04:00:00Z",
      "2026-11-02T04:59:59Z",
      "2026-11-02T05:00:00Z",
    ]);
    expect(invoice.dueDate).toBe("2026-11-01");
    expect(moved).toEqual([0, 0, 1]);
  });

  it("past due - Europe/London, clocks go forward: due Mar 29, past due at 23:00Z that day", async () => {
    const { invoice, moved } = await pastDueAt("Europe/London", "2026-03-28T12:00:00Z", [
      "2026-03-29T22:59:59Z",
      "2026-03-29T23:00:00Z",
    ]);
    expect(invoice.dueDate).toBe("2026-03-29");
    expect(moved).toEqual([0, 1]);
  });

  it("past due - Europe/London, clocks go back: due Oct 25, past due at 00:00Z on Oct 26", async () => {
    const { invoice, moved } = await pastDueAt("Europe/London", "2026-10-24T12:00:00Z", [
      "2026-10-25T23:00:00Z",
      "2026-10-25T23:59:59Z",
      "2026-10-26T00:00:00Z",
    ]);
    expect(invoice.dueDate).toBe("2026-10-25");
    expect(moved).toEqual([0, 0, 1]);
  });

  it("due date - net_30 issued just before a DST change is 30 calendar days later", async () => {
    const harness = await createHarness({
      settings: { timeZone: "America/New_York" },
      start: "2026-03-08T04:30:00Z",
    });
    const invoice = await harness.issued({ terms: "net_30" });
    expect([invoice.issueDate, invoice.dueDate]).toEqual(["2026-03-07", "2026-04-06"]);
  });
});

describe("dates - where the tenant's date differs from UTC", () => {
  it("issue - Pacific/Auckland is already the next day: issueDate is the local date", async () => {
    // 15:00Z on Mar 2 is 04:00 on Mar 3 in Auckland (NZDT, +13).
    const { invoice, moved } = await pastDueAt("Pacific/Auckland", "2026-03-02T15:00:00Z", [
      "2026-03-04T10:59:59Z",
      "2026-03-04T11:00:00Z",
    ]);
    expect([invoice.issueDate, invoice.dueDate]).toEqual(["2026-03-03", "2026-03-04"]);
    expect(moved).toEqual([0, 1]);
  });

  it("past due - Pacific/Auckland: a payment after local midnight is past_due while UTC is still on the due date", async () => {
    const harness = await createHarness({
      settings: { timeZone: "Pacific/Auckland" },
      start: "2026-03-02T15:00:00Z",
    });
    const invoice = await harness.issued({ terms: "due_on_receipt" });
    expect(invoice.dueDate).toBe("2026-03-03");
    harness.clock.set("2026-03-03T10:59:00Z"); // 23:59 on Mar 3 in Auckland
    expect((await harness.pay(invoice.id, "10.00", "p1")).invoice?.status).toBe("pending_payment");
    harness.clock.set("2026-03-03T11:00:00Z"); // 00:00 on Mar 4 in Auckland, Mar 3 in UTC
    expect((await harness.pay(invoice.id, "10.00", "p2")).invoice?.status).toBe("past_due");
  });

  it("issue - Pacific/Honolulu is still the previous day: issueDate is the local date", async () => {
    // 05:00Z on Mar 3 is 19:00 on Mar 2 in Honolulu (-10).
    const { invoice, moved } = await pastDueAt("Pacific/Honolulu", "2026-03-03T05:00:00Z", [
      "2026-03-04T00:00:00Z", // UTC is past the due date; Honolulu is still on it
      "2026-03-04T09:59:59Z",
      "2026-03-04T10:00:00Z",
    ]);
    expect([invoice.issueDate, invoice.dueDate]).toEqual(["2026-03-02", "2026-03-03"]);
    expect(moved).toEqual([0, 0, 1]);
  });

  it("past due - the sweep reads the tenant's time zone at the sweep's instant", async () => {
    const auckland = await createHarness({
      settings: { timeZone: "Pacific/Auckland" },
      start: "2026-03-02T15:00:00Z",
    });
    const invoice = await auckland.issued({ terms: "due_on_receipt" });
    // The same instant: Mar 4 in Auckland (past due), Mar 3 in UTC.
    await auckland.remit.tenants.upsert(userContext, { timeZone: "UTC" });
    expect(
      (await auckland.remit.invoices.sweepPastDue(systemContext, { at: "2026-03-03T12:00:00Z" }))
        .moved,
    ).toBe(0);
    await auckland.remit.tenants.upsert(userContext, { timeZone: "Pacific/Auckland" });
    expect(
      (await auckland.remit.invoices.sweepPastDue(systemContext, { at: "2026-03-03T12:00:00Z" }))
        .moved,
    ).toBe(1);
    expect(
      (await auckland.remit.invoices.get(userContext, { id: invoice.id })).invoice.status,
    ).toBe("past_due");
  });
});

describe("dates - net_N across month ends, year ends and leap days", () => {
  it.each([
    ["2026-01-31", "net_30", "2026-03-02"],
    ["2026-12-31", "net_1", "2027-01-01"],
    ["2026-12-15", "net_30", "2027-01-14"],
    ["2027-02-28", "net_1", "2027-03-01"],
    ["2028-01-31", "net_29", "2028-02-29"],
    ["2028-02-28", "net_1", "2028-02-29"],
    ["2028-02-29", "net_1", "2028-03-01"],
    ["2028-02-29", "net_365", "2029-02-28"],
  ] as const)("due date - issued %s with %s is due %s", async (issueDate, terms, dueDate) => {
    const harness = await createHarness({ start: `${issueDate}T12:00:00Z` });
    const invoice = await harness.issued({ terms });
    expect([invoice.issueDate, invoice.dueDate]).toEqual([issueDate, dueDate]);
  });

  it("due date - a leap-day due date goes past due on Mar 1", async () => {
    const { invoice, moved } = await pastDueAt("UTC", "2028-02-28T12:00:00Z", [
      "2028-02-29T23:59:59Z",
      "2028-03-01T00:00:00Z",
    ]);
    expect(invoice.dueDate).toBe("2028-02-29");
    expect(moved).toEqual([0, 1]);
  });
});

describe("dates - reminders at 09:00 local time", () => {
  it.each([
    ["America/New_York", "net_10", "2026-03-09T13:00:00.000Z"], // 09:00 EDT, the day after the change
    ["Europe/London", "net_30", "2026-03-29T08:00:00.000Z"], // 09:00 BST, the day of the change
    ["Pacific/Auckland", "net_7", "2026-03-06T20:00:00.000Z"], // 09:00 NZDT on Mar 7
  ] as const)("reminder - in %s with %s runs at %s", async (timeZone, terms, runAt) => {
    const harness = await createHarness({
      settings: { timeZone, reminders: [{ daysFromDueDate: -3, channels: ["email"] }] },
    });
    const invoice = await harness.issued({ terms });
    const reminders = [...harness.store.state.jobs.all()].filter((job) => job.kind === "reminder");
    expect(reminders.map((job) => [job.payload.invoiceId, job.runAt])).toEqual([
      [invoice.id, runAt],
    ]);
  });
});
