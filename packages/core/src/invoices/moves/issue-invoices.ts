import { z } from "zod";
import { batchInputFields, progressCallbackSchema } from "../../batch/batch-input-fields";
import { defineBatch } from "../../batch/define-batch";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import type { RemitEvent } from "../../events/remit-event";
import type { Delivery } from "../delivery";
import type { Invoice } from "../invoice";
import { issueAndMaybeSend, issueWithSendSchema } from "./issue-and-send";

/**
 * What one invoice of `issueMany` gives: the same as `issue`.
 * @group Invoices
 */
export type IssuedInvoice = { invoice: Invoice; deliveries?: Delivery[]; events: RemitEvent[] };

export const issueInvoicesInputSchema = z.object({
  ...batchInputFields,
  /** "Save & send" for each: send in the same transaction as its issue. */
  send: issueWithSendSchema.shape.send,
  onProgress: progressCallbackSchema<IssuedInvoice>(),
});

export type IssueInvoicesInput = z.input<typeof issueInvoicesInputSchema>;

// Issued, by another call or long ago: the issue has nothing left to do.
const issuedStatuses: readonly string[] = ["pending_payment", "past_due", "paid"];

/**
 * Issues many invoices, each in its own transaction with a key derived from `batchKey`, as
 * `issue` (with `send`, "save & send" each). An invoice already issued by another call is
 * `skipped` (`already_done`, and not sent by this batch); a cancelled one or one that needs review
 * is `refused` (`invalid_transition`); the others go on.
 */
export const issueInvoices = defineBatch(
  {
    move: "issue invoices",
    actors: ["user"],
    input: issueInvoicesInputSchema,
    alreadyDone: (error) =>
      InvalidTransitionError.isInstance(error) && issuedStatuses.includes(error.status),
  },
  (deps, context, input, item) =>
    issueAndMaybeSend(deps, context, {
      id: item.id,
      idempotencyKey: item.idempotencyKey,
      ...(input.send ? { send: input.send } : {}),
    }) as Promise<IssuedInvoice>,
);
