import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculateInvoice, draftInvoiceFromWorkOrder } from "../../src/index";
import { workOrderFixture } from "./work-order-fixture";

const decimal = (maxInteger: number, decimals: number, min = 0) =>
  fc
    .tuple(fc.integer({ min, max: maxInteger }), fc.integer({ min: 0, max: 10 ** decimals - 1 }))
    .map(([whole, fraction]) =>
      decimals === 0 ? String(whole) : `${whole}.${String(fraction).padStart(decimals, "0")}`,
    );

const taxed = fc.constantFrom<string[]>([], ["tax"]);

const workOrderArbitrary = fc.record({
  percent: decimal(20, 3),
  labor: fc.array(
    fc.record({
      hours: decimal(12, 2),
      hourlyRate: decimal(200, 2),
      overtimeMultiplier: fc.constantFrom("1", "1.5", "2"),
      taxRateIds: taxed,
    }),
    { maxLength: 4 },
  ),
  materials: fc.array(
    fc.record({
      quantity: decimal(20, 2),
      unitCost: decimal(900, 4),
      markupPercent: decimal(60, 2),
      taxRateIds: taxed,
    }),
    { maxLength: 5 },
  ),
  fees: fc.array(fc.record({ amount: decimal(150, 2), taxRateIds: taxed }), { maxLength: 2 }),
});

const half = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

describe("draftInvoiceFromWorkOrder - properties", () => {
  it("is deterministic, and the invoice total is labor + materials + fees + tax computed by hand", () => {
    fc.assert(
      fc.property(workOrderArbitrary, (generated) => {
        const workOrder = workOrderFixture({
          taxRates: [
            {
              id: "tax",
              name: "Tax",
              percent: generated.percent,
              inclusive: false,
              compound: false,
            },
          ],
          labor: generated.labor.map((entry, index) => ({
            ...entry,
            id: `labor-${index + 1}`,
            technician: "Sam",
            description: "",
          })),
          materials: generated.materials.map((entry, index) => ({
            ...entry,
            id: `material-${index + 1}`,
            description: "Part",
          })),
          fees: generated.fees.map((entry, index) => ({
            ...entry,
            id: `fee-${index + 1}`,
            description: "Fee",
          })),
        });
        const draft = draftInvoiceFromWorkOrder(workOrder);
        expect(draftInvoiceFromWorkOrder(structuredClone(workOrder))).toEqual(draft);

        const rate = new Decimal(generated.percent).div(100);
        let expected = new Decimal(0);
        const charge = (gross: Decimal, taxRateIds: string[]) => {
          expected = expected.plus(gross).plus(taxRateIds.length ? half(gross.times(rate)) : 0);
        };
        for (const entry of generated.labor) {
          if (new Decimal(entry.hours).isZero()) continue;
          charge(
            half(new Decimal(entry.hours).times(entry.hourlyRate).times(entry.overtimeMultiplier)),
            entry.taxRateIds,
          );
        }
        for (const entry of generated.materials) {
          if (new Decimal(entry.quantity).isZero()) continue;
          const unit = half(
            new Decimal(entry.unitCost).times(new Decimal(100).plus(entry.markupPercent)).div(100),
          );
          charge(half(unit.times(entry.quantity)), entry.taxRateIds);
        }
        for (const entry of generated.fees) charge(new Decimal(entry.amount), entry.taxRateIds);
        expect(calculateInvoice(draft).total).toBe(expected.toFixed(2));
      }),
      { numRuns: 500 },
    );
  });
});
