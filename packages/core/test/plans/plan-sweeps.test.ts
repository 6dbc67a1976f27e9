import { createMemoryStore, createTestClock } from "@remit/testing";
import { describe, expect, it } from "vitest";
import { createRemit, localDateAt } from "../../src/index";

const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };
const system = { tenantId: "t1", actor: { type: "system" as const } };
const lines = [
  { kind: "service" as const, description: "Visit", quantity: "1", unitPrice: "99.00" },
];

async function setup(timeZone: string, now: string, settings: Record<string, unknown> = {}) {
  const clock = createTestClock(now);
  const remit = createRemit({ store: createMemoryStore(), clock });
  await remit.tenants.upsert(ctx, { timeZone, ...settings });
  const customer = await remit.customers.create(ctx, { name: "Dana", email: "dana@example.com" });
  return { remit, clock, customer };
}

/** Every hour between two instants, as ISO strings. */
function hourly(from: string, to: string): string[] {
  const instants: string[] = [];
  for (let at = Date.parse(from); at <= Date.parse(to); at += 3_600_000)
    instants.push(new Date(at).toISOString());
  return instants;
}

describe("recurring plans", () => {
  it("generateDue - a daily plan across spring-forward and fall-back bills each local date once, never early", async () => {
    for (const [start, from, to, dates] of [
      [
        "2027-03-13",
        "2027-03-13T00:00:00Z",
        "2027-03-16T12:00:00Z",
        ["2027-03-13", "2027-03-14", "2027-03-15", "2027-03-16"],
      ],
      [
        "2027-11-06",
        "2027-11-06T00:00:00Z",
        "2027-11-09T12:00:00Z",
        ["2027-11-06", "2027-11-07", "2027-11-08", "2027-11-09"],
      ],
    ] as const) {
      const { remit, customer } = await setup("America/New_York", from);
      await remit.plans.create(ctx, {
        customerId: customer.id,
        name: "Daily check",
        schedule: { rrule: "FREQ=DAILY", startDate: start },
        lines,
      });
      const generated: string[] = [];
      for (const at of hourly(from, to)) {
        const result = await remit.plans.generateDue(system, { at });
        for (const occurrence of result.generated) {
          // Never before the tenant's local calendar reaches the date.
          expect(occurrence.date <= localDateAt(at, "America/New_York")).toBe(true);
          generated.push(occurrence.date);
        }
      }
      expect(generated).toEqual(dates);
      expect((await remit.invoices.list(ctx, { limit: 50 })).items).toHaveLength(dates.length);
    }
  });

  it("generateDue - a plan on the 31st bills the last day of shorter months (28 February, 29 in a leap year)", async () => {
    const { remit, customer } = await setup("Europe/Berlin", "2027-01-01T08:00:00Z");
    const { plan } = await remit.plans.create(ctx, {
      customerId: customer.id,
      name: "Month-end service",
      schedule: { rrule: "FREQ=MONTHLY;BYMONTHDAY=31", startDate: "2027-01-31" },
      lines,
    });
    expect(plan.nextOccurrenceOn).toBe("2027-01-31");
    const result = await remit.plans.generateDue(system, {
      at: "2028-05-01T08:00:00Z",
      limitPerPlan: 100,
    });
    const dates = result.generated.map((occurrence) => occurrence.date);
    expect(dates.slice(0, 4)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
    expect(dates).toContain("2028-02-29");
    expect(dates).toHaveLength(16);
    // Run again at the same instant: nothing more.
    expect(
      (await remit.plans.generateDue(system, { at: "2028-05-01T08:00:00Z" })).generated,
    ).toEqual([]);
  });

  it("generateDue - far behind, a plan catches up limitPerPlan occurrences per run", async () => {
    const { remit, customer } = await setup("UTC", "2027-01-01T08:00:00Z");
    await remit.plans.create(ctx, {
      customerId: customer.id,
      name: "Weekly",
      schedule: { rrule: "FREQ=WEEKLY;BYDAY=MO", startDate: "2027-01-01" },
      lines,
    });
    const at = "2027-03-01T08:00:00Z";
    const first = await remit.plans.generateDue(system, { at, limitPerPlan: 5 });
    const second = await remit.plans.generateDue(system, { at, limitPerPlan: 5 });
    const third = await remit.plans.generateDue(system, { at, limitPerPlan: 5 });
    expect([first, second, third].map((run) => run.generated.length)).toEqual([5, 4, 0]);
    expect(second.generated.at(-1)?.date).toBe("2027-03-01");
  });

  it("pause, resume, skip and end - paused dates and a skipped one are never billed; an ended plan bills nothing", async () => {
    const { remit, clock, customer } = await setup("America/Chicago", "2027-01-01T15:00:00Z");
    const { plan } = await remit.plans.create(ctx, {
      customerId: customer.id,
      name: "Monthly",
      schedule: {
        rrule: "FREQ=MONTHLY;BYMONTHDAY=1",
        startDate: "2027-01-01",
        endDate: "2027-12-31",
      },
      lines,
    });
    const sweep = async (at: string) =>
      (await remit.plans.generateDue(system, { at })).generated.map(
        (occurrence) => occurrence.date,
      );
    expect(await sweep("2027-01-01T15:00:00Z")).toEqual(["2027-01-01"]);
    await remit.plans.pause(ctx, { id: plan.id });
    expect(await sweep("2027-03-01T15:00:00Z")).toEqual([]);
    clock.set("2027-03-10T15:00:00Z");
    const resumed = await remit.plans.resume(ctx, { id: plan.id });
    expect(resumed.plan).toMatchObject({ status: "active", nextOccurrenceOn: "2027-04-01" });
    const skipped = await remit.plans.skip(ctx, { id: plan.id, date: "2027-05-01" });
    expect(skipped.events.map((event) => event.type)).toEqual(["plan.occurrence_skipped"]);
    await expect(remit.plans.skip(ctx, { id: plan.id, date: "2027-05-02" })).rejects.toMatchObject({
      code: "validation_error",
      path: "date",
    });
    await expect(remit.plans.skip(ctx, { id: plan.id, date: "2027-05-01" })).rejects.toMatchObject({
      code: "invalid_transition",
    });
    expect(await sweep("2027-06-01T15:00:00Z")).toEqual(["2027-04-01", "2027-06-01"]);
    await remit.plans.end(ctx, { id: plan.id });
    expect(await sweep("2027-09-01T15:00:00Z")).toEqual([]);
    await expect(remit.plans.resume(ctx, { id: plan.id })).rejects.toMatchObject({
      code: "invalid_transition",
      status: "ended",
    });
    const details = await remit.plans.get(ctx, { id: plan.id });
    expect(details.occurrences.map((occurrence) => [occurrence.date, occurrence.status])).toEqual([
      ["2027-01-01", "generated"],
      ["2027-04-01", "generated"],
      ["2027-05-01", "skipped"],
      ["2027-06-01", "generated"],
    ]);
  });

  it("update - a price change applies from the next occurrence; issued ones keep their price", async () => {
    const { remit, customer } = await setup("UTC", "2027-01-01T08:00:00Z", { requireReview: true });
    const { plan } = await remit.plans.create(ctx, {
      customerId: customer.id,
      name: "Monthly",
      schedule: { rrule: "FREQ=MONTHLY", startDate: "2027-01-05" },
      lines,
      mode: "issue_and_send",
    });
    const january = await remit.plans.generateDue(system, { at: "2027-01-05T08:00:00Z" });
    await remit.plans.update(ctx, {
      id: plan.id,
      expectedVersion: plan.version + 1,
      lines: [{ kind: "service", description: "Visit", quantity: "1", unitPrice: "109.00" }],
    });
    const february = await remit.plans.generateDue(system, { at: "2027-02-05T08:00:00Z" });
    const first = await remit.invoices.get(ctx, { id: january.generated[0]?.invoiceId ?? "" });
    const second = await remit.invoices.get(ctx, { id: february.generated[0]?.invoiceId ?? "" });
    // The plan is the approval: issued and sent at once, even where the tenant requires review.
    expect(first.invoice).toMatchObject({ status: "pending_payment", total: "99.00" });
    expect(first.deliveries).toHaveLength(1);
    expect(second.invoice).toMatchObject({ status: "pending_payment", total: "109.00" });
    expect(first.events.map((event) => event.actor.type)).toContain("system");
  });

  it("generateDue - review mode makes drafts for review; a refused send leaves an issue_and_send invoice issued", async () => {
    const { remit, customer } = await setup("UTC", "2027-01-01T08:00:00Z");
    const noContact = await remit.customers.create(ctx, { name: "No contact" });
    await remit.plans.create(ctx, {
      customerId: customer.id,
      name: "Drafts",
      schedule: { rrule: "FREQ=MONTHLY", startDate: "2027-01-02" },
      lines,
    });
    await remit.plans.create(ctx, {
      customerId: noContact.id,
      name: "Unsendable",
      schedule: { rrule: "FREQ=MONTHLY", startDate: "2027-01-02" },
      lines,
      mode: "issue_and_send",
      channels: ["sms"],
    });
    const result = await remit.plans.generateDue(system, { at: "2027-01-02T08:00:00Z" });
    expect(result.failed).toEqual([]);
    const statuses = await Promise.all(
      result.generated.map(async (occurrence) => ({
        status: (await remit.invoices.get(ctx, { id: occurrence.invoiceId })).invoice.status,
        sendRefused: occurrence.sendRefused,
      })),
    );
    expect(statuses).toEqual([
      { status: "pending_review", sendRefused: undefined },
      { status: "pending_payment", sendRefused: { code: "missing_contact", channel: "sms" } },
    ]);
  });

  it("create - refuses a bad schedule, lines or customer with each field's path, and writes nothing", async () => {
    const { remit, customer } = await setup("UTC", "2027-01-01T08:00:00Z");
    type Refusal = { code: string; path: string; issues: { path: string }[] };
    const refusal = (input: Record<string, unknown>): Promise<Refusal> =>
      remit.plans
        .create(ctx, { customerId: customer.id, name: "P", lines, ...input } as never)
        .then(
          () => {
            throw new Error("expected a refusal");
          },
          (error: Refusal) => error,
        );
    expect(
      await refusal({ schedule: { rrule: "FREQ=HOURLY", startDate: "2027-01-01" } }),
    ).toMatchObject({ code: "validation_error", path: "schedule.rrule" });
    expect(
      await refusal({
        schedule: { rrule: "FREQ=DAILY;UNTIL=20270101T000000Z", startDate: "2027-01-01" },
      }),
    ).toMatchObject({ path: "schedule.rrule" });
    expect(
      await refusal({ schedule: { rrule: "not a rule", startDate: "2027-01-01" } }),
    ).toMatchObject({
      path: "schedule.rrule",
    });
    expect(
      await refusal({
        schedule: { rrule: "FREQ=DAILY", startDate: "2027-02-01", endDate: "2027-01-01" },
      }),
    ).toMatchObject({ path: "schedule.endDate" });
    expect(
      await refusal({ schedule: { rrule: "FREQ=DAILY", startDate: "2027-02-30" } }),
    ).toMatchObject({ path: "schedule.startDate" });
    const bad = await refusal({
      customerId: "cus_missing",
      schedule: { rrule: "FREQ=DAILY", startDate: "2027-01-01" },
      lines: [{ description: "x", quantity: "one", unitPrice: "1" }],
    });
    expect(bad.issues.map((issue) => issue.path).sort()).toEqual([
      "customerId",
      "lines[0].quantity",
    ]);
    expect((await remit.plans.list(ctx)).items).toEqual([]);
  });

  it("generateDue - concurrent sweeps generate each occurrence once", async () => {
    const { remit, customer } = await setup("UTC", "2027-01-01T08:00:00Z");
    for (let index = 0; index < 3; index++) {
      await remit.plans.create(ctx, {
        customerId: customer.id,
        name: `Plan ${index}`,
        schedule: { rrule: "FREQ=WEEKLY", startDate: "2027-01-01" },
        lines,
      });
    }
    const runs = await Promise.all(
      Array.from({ length: 5 }, () =>
        remit.plans.generateDue(system, { at: "2027-01-29T08:00:00Z" }),
      ),
    );
    expect(runs.reduce((sum, run) => sum + run.generated.length, 0)).toBe(15);
    expect((await remit.invoices.list(ctx, { limit: 100 })).items).toHaveLength(15);
  });
});
