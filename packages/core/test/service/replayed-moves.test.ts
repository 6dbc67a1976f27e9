import { describe, expect, it } from "vitest";
import { wasReplayed } from "../../src/index";
import { createHarness, userContext } from "../lifecycle/support/harness";

// A repeat of a keyed move returns the first call's result, equal to it in every way a caller
// compares (the lifecycle contract), and `wasReplayed` tells it apart: what a webhook handler needs
// to say "recorded before" without reading the invoice first.

describe("moves - wasReplayed", () => {
  it("wasReplayed - false for the call that recorded, true for a repeat, whose result equals the first", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const input = {
      id: invoice.id,
      amount: "40.00",
      method: "check" as const,
      reference: "1042",
      idempotencyKey: "check-1042",
    };
    const first = await harness.remit.invoices.recordPayment(userContext, input);
    const again = await harness.remit.invoices.recordPayment(userContext, input);
    expect(wasReplayed(first)).toBe(false);
    expect(wasReplayed(again)).toBe(true);
    expect(again).toEqual(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it("wasReplayed - of concurrent repeats, exactly one recorded", async () => {
    const harness = await createHarness();
    const invoice = await harness.issued();
    const input = {
      id: invoice.id,
      amount: "25.00",
      method: "cash" as const,
      idempotencyKey: "c7",
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => harness.remit.invoices.recordPayment(userContext, input)),
    );
    expect(results.filter((result) => !wasReplayed(result))).toHaveLength(1);
    expect(new Set(results.map((result) => result.payment.id)).size).toBe(1);
  });
});
