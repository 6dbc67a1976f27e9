import { describe, expect, it } from "vitest";
import { calculateInvoice, draftInvoiceFromWorkOrder } from "../../src/index";
import { workOrderFixture } from "./work-order-fixture";

describe("draftInvoiceFromWorkOrder", () => {
  it("labor - hours at the rate times the overtime multiplier", () => {
    const draft = draftInvoiceFromWorkOrder(
      workOrderFixture({
        labor: [
          {
            id: "l1",
            technician: "Sam",
            description: "Install",
            hours: "2.5",
            hourlyRate: "80.00",
            overtimeMultiplier: "1.5",
            taxRateIds: [],
          },
          {
            id: "l2",
            technician: "Ana",
            description: "",
            hours: "1",
            hourlyRate: "95.125",
            overtimeMultiplier: "1",
            taxRateIds: ["tax"],
          },
        ],
      }),
    );
    expect(draft.lines).toEqual([
      {
        id: "l1",
        kind: "labor",
        description: "Install (Sam, overtime ×1.5)",
        quantity: "2.5",
        unitPrice: "120",
        taxRateIds: [],
      },
      {
        id: "l2",
        kind: "labor",
        description: "Labor (Ana)",
        quantity: "1",
        unitPrice: "95.125",
        taxRateIds: ["tax"],
      },
    ]);
    expect(calculateInvoice(draft).lines.map((line) => line.gross)).toEqual(["300.00", "95.13"]);
  });

  it("materials - cost plus markup rounded to the currency's minor unit", () => {
    const usd = draftInvoiceFromWorkOrder(
      workOrderFixture({
        materials: [
          {
            id: "m1",
            description: "Valve",
            quantity: "3",
            unitCost: "12.345",
            markupPercent: "10",
            taxRateIds: [],
          },
          {
            id: "m2",
            description: "Tape",
            quantity: "1",
            unitCost: "0.05",
            markupPercent: "10",
            taxRateIds: [],
          },
        ],
      }),
    );
    // 12.345 × 1.10 = 13.5795 → 13.58; 0.05 × 1.10 = 0.055 → 0.06 (half up)
    expect(usd.lines.map((line) => line.unitPrice)).toEqual(["13.58", "0.06"]);
    const jpy = draftInvoiceFromWorkOrder(
      workOrderFixture({
        currency: "JPY",
        materials: [
          {
            id: "m1",
            description: "Pipe",
            quantity: "2",
            unitCost: "333",
            markupPercent: "15",
            taxRateIds: [],
          },
        ],
      }),
    );
    // 333 × 1.15 = 382.95 → 383 yen
    expect(jpy.lines.map((line) => line.unitPrice)).toEqual(["383"]);
    const kwd = draftInvoiceFromWorkOrder(
      workOrderFixture({
        currency: "KWD",
        materials: [
          {
            id: "m1",
            description: "Pipe",
            quantity: "1",
            unitCost: "1.2345",
            markupPercent: "0",
            taxRateIds: [],
          },
        ],
      }),
    );
    expect(kwd.lines.map((line) => line.unitPrice)).toEqual(["1.235"]);
    const even = draftInvoiceFromWorkOrder(
      workOrderFixture({
        materials: [
          {
            id: "m1",
            description: "Tape",
            quantity: "1",
            unitCost: "0.05",
            markupPercent: "10",
            taxRateIds: [],
          },
        ],
      }),
      { rounding: { mode: "half_even" } },
    );
    expect(even.lines.map((line) => line.unitPrice)).toEqual(["0.06"]);
  });

  it("entries of 0 hours or 0 quantity give no line", () => {
    const draft = draftInvoiceFromWorkOrder(
      workOrderFixture({
        labor: [
          {
            id: "l1",
            technician: "Sam",
            description: "Travel",
            hours: "0",
            hourlyRate: "80",
            overtimeMultiplier: "1",
            taxRateIds: [],
          },
        ],
        materials: [
          {
            id: "m1",
            description: "Unused",
            quantity: "0.000",
            unitCost: "5",
            markupPercent: "0",
            taxRateIds: [],
          },
        ],
        services: [
          {
            id: "s1",
            description: "Inspection",
            quantity: "1",
            unitPrice: "49.00",
            taxRateIds: [],
          },
        ],
      }),
    );
    expect(draft.lines.map((line) => line.id)).toEqual(["s1"]);
  });

  it("fees, taxes, terms and references come from the work order", () => {
    const draft = draftInvoiceFromWorkOrder(
      workOrderFixture({
        quoteId: "quo_9",
        fees: [{ id: "trip", description: "Trip charge", amount: "49.00", taxRateIds: ["tax"] }],
      }),
      { memo: "Thank you" },
    );
    expect(draft).toMatchObject({
      currency: "USD",
      customerId: "cus_1",
      terms: "net_15",
      taxRates: [{ id: "tax", percent: "8.25" }],
      fees: [
        {
          id: "trip",
          description: "Trip charge",
          type: "amount",
          value: "49.00",
          taxRateIds: ["tax"],
        },
      ],
      memo: "Thank you",
      workOrderId: "wo_1",
      quoteId: "quo_9",
    });
    expect(calculateInvoice(draft).total).toBe("53.04");
  });
});
