import { describe, expect, it } from "vitest";
import { createRemit } from "../../src/index";
import { userContext } from "../lifecycle/support/harness";
import { olderStore } from "../support/older-store";

// A store written before 0.3 has no creditNotes or creditApplications: the new calls refuse with
// not_supported and change nothing, every other move keeps working (issue 19).
describe("a store without the 0.3 collections", () => {
  it("issueCreditNote and getCredit - not_supported, and nothing is written", async () => {
    const store = olderStore({ collections: ["creditNotes", "creditApplications"] });
    const remit = createRemit({ store });
    const customer = await remit.customers.create(userContext, { name: "Dana Reyes" });
    const { invoice } = await remit.invoices.create(userContext, {
      customerId: customer.id,
      lines: [{ quantity: "1", unitPrice: "10.00" }],
      issue: true,
    });
    await expect(
      remit.invoices.issueCreditNote(userContext, { id: invoice.id, amount: "1.00", reason: "x" }),
    ).rejects.toMatchObject({ code: "not_supported" });
    await expect(remit.customers.getCredit(userContext, { id: customer.id })).rejects.toMatchObject(
      { code: "not_supported" },
    );
    const details = await remit.invoices.get(userContext, { id: invoice.id });
    expect(details.invoice.version).toBe(invoice.version);
    expect(details.creditNotes).toEqual([]);
  });
});
