import { createRemit } from "@remit/core";
import { createTestClock } from "@remit/testing";
import { expect, test } from "vitest";
import { createPostgresStore } from "../src/index";
import { migratedSchema } from "./support/migrated-schema";

const { pool, schema } = migratedSchema({ max: 4 });

const ctx = { tenantId: "t-late-fees", actor: { type: "user" as const, id: "usr_1" } };
const system = { tenantId: "t-late-fees", actor: { type: "system" as const } };

test("invoices.late_fee - the rule copied at issue is stored in the row, kept when the tenant's rule changes, and counts the periods charged", async () => {
  const clock = createTestClock("2026-03-02T15:00:00.000Z");
  const remit = createRemit({ store: createPostgresStore({ client: pool, schema }), clock });
  await remit.tenants.upsert(ctx, {
    name: "Acme Plumbing",
    lateFees: {
      charge: { type: "percent", percent: "1.5" },
      repeatEveryDays: 30,
      maxCount: 2,
      taxRates: [{ id: "vat", name: "VAT", percent: "10" }],
    },
  });
  const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
  const { invoice } = await remit.invoices.create(ctx, {
    customerId: customer.id,
    lines: [{ description: "Repair", quantity: "1", unitPrice: "200.00" }],
    issue: true,
  });
  await remit.tenants.upsert(ctx, { lateFees: { charge: { type: "flat", amount: "99" } } });
  const row = async () =>
    (
      await pool.query<{ late_fee: unknown }>(
        `SELECT late_fee FROM "${schema}".invoices WHERE tenant_id = $1 AND id = $2`,
        [ctx.tenantId, invoice.id],
      )
    ).rows[0]?.late_fee;
  expect(await row()).toEqual(invoice.lateFee);
  expect(invoice.lateFee?.rule.charge).toEqual({ type: "percent", percent: "1.5" });

  expect(await remit.invoices.sweepPastDue(system, { at: "2026-06-01T15:00:00.000Z" })).toEqual({
    moved: 1,
    lateFeesAdded: 2,
  });
  const { invoice: charged } = await remit.invoices.get(ctx, { id: invoice.id });
  // 1.5% of 200.00 twice (no fee on a fee), each taxed 10% by the rule's rate.
  expect(
    charged.totals.lines
      .filter((line) => line.kind === "late_fee")
      .map((line) => [line.id, line.net, line.tax]),
  ).toEqual([
    ["late-fee-1", "3.00", "0.30"],
    ["late-fee-2", "3.00", "0.30"],
  ]);
  expect(charged.total).toBe("206.60");
  expect(await row()).toMatchObject({ periodsCharged: 2, rule: invoice.lateFee?.rule });
  const indexes = await pool.query<{ indexname: string }>(
    "SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname = 'invoices_late_fee_idx'",
    [schema],
  );
  expect(indexes.rows).toHaveLength(1);
});
