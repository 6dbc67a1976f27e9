import { defineMove } from "../../service/internal/define-move";
import { issueInvoiceInputSchema, issueInvoiceInScope } from "./issue-invoice";
import { sendInvoiceInputSchema, sendInvoiceInScope } from "./send-invoice";

/** @group Invoices */
export const issueWithSendSchema = issueInvoiceInputSchema.extend({
  /** "Save & send": send in the same transaction as the issue. */
  send: sendInvoiceInputSchema
    .omit({ id: true, expectedVersion: true, idempotencyKey: true })
    .optional(),
});

/**
 * Issue (approve). With `send`, this is "save & send": issue and send in one transaction, as two
 * moves. An invoice that deposits (or a zero total) made paid at issue has nothing to send.
 */
export const issueAndMaybeSend = defineMove(
  { move: "issue", actors: ["user"], input: issueWithSendSchema },
  async (scope, input) => {
    const issued = await issueInvoiceInScope(scope, input);
    if (!input.send || issued.status === "paid") return { invoice: issued };
    const sent = await sendInvoiceInScope(scope, { ...input.send, id: issued.id });
    return { invoice: sent.invoice, deliveries: sent.deliveries };
  },
);
