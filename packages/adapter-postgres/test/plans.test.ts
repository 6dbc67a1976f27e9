// Recurring plans on PostgreSQL and PGlite: the sweep bills each occurrence once however many
// processes run it at once (the plan's row lock, then the occurrence's unique key), on the
// tenant's calendar dates across a DST change and month ends.
import { createRemit, type Remit } from "@remit/core";
import { createTestClock } from "@remit/testing";
import { expect, it } from "vitest";
import { createPostgresStore } from "../src/index";
import { describeBackends } from "./support/backends";

const ctx = { tenantId: "t_plans", actor: { type: "user" as const, id: "office_1" } };
const system = { tenantId: "t_plans", actor: { type: "system" as const } };
const lines = [
  { kind: "service" as const, description: "Visit", quantity: "1", unitPrice: "89.00" },
];

describeBackends((backend) => {
  it("generateDue - sweeps run at once by several processes generate each occurrence once", async () => {
    const { kind, schema, store, query } = backend();
    const processes = Array.from({ length: kind === "postgres" ? 4 : 2 }, () =>
      createRemit({
        store:
          kind === "postgres"
            ? createPostgresStore({ client: backend().newPool(3), schema })
            : store,
        clock: createTestClock("2027-02-01T12:00:00Z"),
      }),
    ) as [Remit, ...Remit[]];
    const [first] = processes;
    await first.tenants.upsert(ctx, { timeZone: "America/New_York", requireReview: false });
    const customer = await first.customers.create(ctx, { name: "Dana", email: "dana@example.com" });
    const plans: string[] = [];
    for (const [rrule, startDate] of [
      ["FREQ=DAILY", "2027-03-12"],
      ["FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-31"],
      ["FREQ=WEEKLY;BYDAY=SU", "2027-03-07"],
    ] as const) {
      const { plan } = await first.plans.create(ctx, {
        customerId: customer.id,
        name: rrule,
        schedule: { rrule, startDate },
        lines,
        mode: "issue_and_send",
      });
      plans.push(plan.id);
    }
    // Every process sweeps every 3 hours through the spring-forward night (14 March 2027 in New
    // York), all at once each time.
    const generated: string[] = [];
    for (let at = Date.parse("2027-03-11T00:00:00Z"); at <= Date.parse("2027-04-01T06:00:00Z"); ) {
      const instant = new Date(at).toISOString();
      const runs = await Promise.all(
        processes.map((remit) => remit.plans.generateDue(system, { at: instant })),
      );
      for (const run of runs) {
        expect(run.failed).toEqual([]);
        generated.push(
          ...run.generated.map((occurrence) => `${occurrence.planId} ${occurrence.date}`),
        );
      }
      // Hours near local midnight matter most; jump the quiet middle of the month.
      at += at < Date.parse("2027-03-17T00:00:00Z") ? 3 * 3_600_000 : 24 * 3_600_000;
    }
    expect(new Set(generated).size).toBe(generated.length);
    const [daily, monthEnd, sundays] = plans;
    const datesOf = (planId: string | undefined) =>
      generated.filter((entry) => entry.startsWith(`${planId} `)).map((entry) => entry.slice(-10));
    expect(datesOf(daily)).toHaveLength(20); // 12 … 31 March (the last sweep is 31 March, 20:00 local)
    expect(datesOf(monthEnd)).toEqual(["2027-02-28", "2027-03-31"]);
    expect(datesOf(sundays)).toEqual(["2027-03-07", "2027-03-14", "2027-03-21", "2027-03-28"]);
    const [counts] = await query<{ invoices: number; occurrences: number; sent: number }>(
      `SELECT (SELECT count(*)::int FROM "${schema}".invoices WHERE tenant_id = $1) AS invoices,
              (SELECT count(*)::int FROM "${schema}".plan_occurrences WHERE tenant_id = $1) AS occurrences,
              (SELECT count(*)::int FROM "${schema}".deliveries WHERE tenant_id = $1) AS sent`,
      [ctx.tenantId],
    );
    expect(counts).toEqual({ invoices: 26, occurrences: 26, sent: 26 });
  });
});
