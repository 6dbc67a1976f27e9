import type { Invoice } from "../../../src/index";
import { type Harness, systemContext, userContext } from "./harness";

export type Status =
  | "pending_action"
  | "pending_review"
  | "pending_payment"
  | "past_due"
  | "paid"
  | "uncollectible"
  | "cancelled";

/**
 * An invoice of 100.00 brought to `status` by the moves a tenant would make (terms `net_1`, so a
 * sweep two days later makes it past due). The clock is left where the moves put it.
 */
export async function invoiceIn(harness: Harness, status: Status): Promise<Invoice> {
  const { remit } = harness;
  const draft = await harness.draft({ terms: "net_1" });
  if (status === "pending_action") return draft;
  if (status === "pending_review")
    return (await remit.invoices.submit(userContext, { id: draft.id })).invoice;
  const issued = (await remit.invoices.issue(userContext, { id: draft.id })).invoice;
  switch (status) {
    case "pending_payment":
      return issued;
    case "past_due": {
      harness.clock.advance(2 * 86_400_000);
      await remit.invoices.sweepPastDue(systemContext);
      return (await remit.invoices.get(userContext, { id: draft.id })).invoice;
    }
    case "paid":
      return (await harness.pay(draft.id, "100.00", `pay-${draft.id}`)).invoice as Invoice;
    case "uncollectible":
      return (await remit.invoices.writeOff(userContext, { id: draft.id, reason: "Bad debt" }))
        .invoice;
    case "cancelled":
      return (await remit.invoices.cancel(userContext, { id: draft.id, reason: "Duplicate" }))
        .invoice;
  }
}
