import { describe, expect, it } from "vitest";
import { draftInvoiceFromWorkOrder } from "../../src/index";
import { workOrderFixture } from "./work-order-fixture";

// The material markup is rounded with the invoice's rounding mode. A cost of 0.05 at 10 % gives
// 0.055, which rounds to 0.06 either way; this case is a real tie whose two modes differ.

describe("draftInvoiceFromWorkOrder - material markup rounding", () => {
  const workOrder = workOrderFixture({
    materials: [
      {
        id: "m1",
        description: "Washer",
        quantity: "4",
        unitCost: "0.15",
        markupPercent: "10",
        taxRateIds: [],
      },
    ],
  });

  it("materials - a markup landing on a half cent rounds to the even cent with half_even", () => {
    // 0.15 × 1.10 = 0.165 exactly: half_even keeps the even 0.16.
    const draft = draftInvoiceFromWorkOrder(workOrder, { rounding: { mode: "half_even" } });
    expect(draft.lines.map((line) => line.unitPrice)).toEqual(["0.16"]);
  });

  it("materials - the same half cent rounds up with half_up, the default", () => {
    expect(
      draftInvoiceFromWorkOrder(workOrder, { rounding: { mode: "half_up" } }).lines.map(
        (line) => line.unitPrice,
      ),
    ).toEqual(["0.17"]);
    expect(draftInvoiceFromWorkOrder(workOrder).lines.map((line) => line.unitPrice)).toEqual([
      "0.17",
    ]);
  });
});
