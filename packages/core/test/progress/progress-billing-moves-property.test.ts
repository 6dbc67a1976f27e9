import { createMemoryStore, createTestClock } from "@remit/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRemit, type Invoice, toMinorUnits } from "../../src/index";

const cents = (amount: string) => toMinorUnits(amount, 2);
const money = (units: number) => (units / 100).toFixed(2);

/** 1–4 service lines of 0.01–50,000.00, some taxed at 8.25 %, and a fee of up to 500.00. */
const contract = fc.record({
  lines: fc.array(
    fc.record({ price: fc.integer({ min: 1, max: 5_000_000 }), taxed: fc.boolean() }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  fee: fc.integer({ min: 0, max: 50_000 }),
});
/** A stage before the final one: a percent, an amount, or each line's percent complete. */
const stage = fc.oneof(
  fc.record({
    percent: fc.integer({ min: 0, max: 7_000 }).map((hundredths) => (hundredths / 100).toString()),
  }),
  fc.record({ amount: fc.integer({ min: 0, max: 4_000_000 }).map(money) }),
  fc.record({
    lineProgress: fc.dictionary(
      fc.constantFrom("service-1", "service-2", "fee-1"),
      fc.integer({ min: 0, max: 100 }).map(String),
    ),
  }),
);
const step = fc.record({
  stage,
  retainagePercent: fc.constantFrom("0", "5", "10", "12.5"),
  /** Share of the amount due the customer pays before the next stage, in percent. */
  pay: fc.integer({ min: 0, max: 100 }),
});

/** The money identity every invoice keeps, with retainage. */
function expectIdentity(invoice: Invoice): void {
  expect(cents(invoice.amountDue) - cents(invoice.credit)).toBe(
    cents(invoice.total) -
      cents(invoice.creditNoteTotal) -
      cents(invoice.amountPaid) -
      cents(invoice.writtenOff) -
      cents(invoice.progress?.retained ?? "0"),
  );
}

describe("progress billing through the moves", () => {
  it("random stages never bill past 100 % of a line; the final one lands on each remainder; retainage adds up", async () => {
    await fc.assert(
      fc.asyncProperty(
        contract,
        fc.array(step, { maxLength: 5 }),
        fc.constantFrom("0", "10"),
        async (job, steps, finalRetainage) => {
          const remit = createRemit({
            store: createMemoryStore(),
            clock: createTestClock("2026-03-02T15:00:00.000Z"),
          });
          const ctx = { tenantId: "t1", actor: { type: "user" as const, id: "u1" } };
          await remit.tenants.upsert(ctx, { timeZone: "America/Chicago" });
          const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
          const { workOrder } = await remit.workOrders.create(ctx, {
            customerId: customer.id,
            title: "Job",
            taxRates: [{ id: "tax", name: "Sales tax", percent: "8.25" }],
            services: job.lines.map((line) => ({
              description: "Work",
              quantity: "1",
              unitPrice: money(line.price),
              taxRateIds: line.taxed ? ["tax"] : [],
            })),
            fees: job.fee > 0 ? [{ description: "Permit", amount: money(job.fee) }] : [],
          });
          const nets = new Map<string, bigint>(
            job.lines.map((line, index) => [`service-${index + 1}`, BigInt(line.price)]),
          );
          if (job.fee > 0) nets.set("fee-1", BigInt(job.fee));
          const billed = new Map<string, bigint>();
          const stages: Invoice[] = [];
          let payment = 0;
          const bill = async (input: Parameters<typeof remit.workOrders.billStage>[1]) => {
            const { invoice } = await remit.workOrders.billStage(ctx, input);
            stages.push(invoice);
            for (const [lineId, amount] of Object.entries(invoice.progress?.billed ?? {}))
              billed.set(lineId, (billed.get(lineId) ?? 0n) + cents(amount));
            for (const [lineId, net] of nets)
              expect(billed.get(lineId) ?? 0n).toBeLessThanOrEqual(net);
            expectIdentity(invoice);
            // The customer never owes a stage's retained share until the retainage invoice.
            expect(cents(invoice.amountDue)).toBe(
              cents(invoice.total) - cents(invoice.progress?.retained ?? "0"),
            );
            return invoice;
          };
          for (const { stage, retainagePercent, pay } of steps) {
            let invoice: Invoice;
            try {
              invoice = await bill({ id: workOrder.id, stage, retainagePercent });
            } catch (error) {
              // Past 100 %, or a stage of nothing: refused with the math's path, nothing billed.
              expect(error).toMatchObject({ code: "validation_error" });
              expect((error as { issues: { path: string }[] }).issues[0]?.path).toMatch(/^stage/);
              continue;
            }
            if (invoice.progress?.final) break;
            const amount = (cents(invoice.amountDue) * BigInt(pay)) / 100n;
            if (amount > 0n) {
              payment += 1;
              const paid = await remit.invoices.recordPayment(ctx, {
                id: invoice.id,
                amount: money(Number(amount)),
                method: "check",
                idempotencyKey: `pay-${payment}`,
              });
              if (paid.invoice) expectIdentity(paid.invoice);
            }
          }
          if (!stages.at(-1)?.progress?.final)
            await bill({
              id: workOrder.id,
              stage: { final: true },
              retainagePercent: finalRetainage,
            });
          // The final stage lands exactly on each line's net: the stages bill the contract, to the cent.
          for (const [lineId, net] of nets) expect(billed.get(lineId) ?? 0n).toBe(net);
          expect((await remit.workOrders.get(ctx, { id: workOrder.id })).status).toBe("invoiced");

          const withheld = stages.reduce(
            (sum, invoice) => sum + cents(invoice.progress?.retained ?? "0"),
            0n,
          );
          if (withheld === 0n) {
            await expect(
              remit.workOrders.billRetainage(ctx, { id: workOrder.id }),
            ).rejects.toMatchObject({
              code: "validation_error",
            });
            return;
          }
          const { invoice: release } = await remit.workOrders.billRetainage(ctx, {
            id: workOrder.id,
          });
          expect(cents(release.total)).toBe(withheld);
          expectIdentity(release);
          // Stages' amounts due as billed + the retainage invoice = what the stages' totals are.
          const stageTotals = stages.reduce((sum, invoice) => sum + cents(invoice.total), 0n);
          const stageDue = stages.reduce(
            (sum, invoice) => sum + cents(invoice.total) - cents(invoice.progress?.retained ?? "0"),
            0n,
          );
          expect(stageDue + cents(release.total)).toBe(stageTotals);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
