import { bindCalls } from "../service/internal/bind-calls";
import { defineMove } from "../service/internal/define-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { createInvoice } from "./moves/create-invoice";
import { issueInvoiceInputSchema, issueInvoiceInScope } from "./moves/issue-invoice";
import { recordPayment } from "./moves/record-payment";
import { refundPayment, resolveRefund } from "./moves/refund-payment";
import { reportPaymentFailure } from "./moves/report-payment-failure";
import { sendInvoice, sendInvoiceInputSchema, sendInvoiceInScope } from "./moves/send-invoice";
import { cancelInvoice, requestInvoiceChanges, submitInvoice } from "./moves/simple-moves";
import { sweepPastDue } from "./moves/sweep-past-due";
import { updateInvoice } from "./moves/update-invoice";
import { getInvoice, getInvoiceByPublicToken, listInvoices } from "./read-invoices";

const issueWithSendSchema = issueInvoiceInputSchema.extend({
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

/** `remit.invoices`: every invoice move and read. Each move returns `{ invoice, events }`. */
export function createInvoicesApi(deps: RemitDependencies) {
  return {
    ...bindCalls(deps, {
      create: createInvoice,
      update: updateInvoice,
      submit: submitInvoice,
      requestChanges: requestInvoiceChanges,
      issue: issueAndMaybeSend,
      send: sendInvoice,
      recordPayment,
      reportPaymentFailure,
      refund: refundPayment,
      resolveRefund,
      cancel: cancelInvoice,
      get: getInvoice,
      list: listInvoices,
      sweepPastDue,
    }),
    // The one call without a context: the customer's link carries no tenant.
    getByPublicToken: (input: { token: string }) => getInvoiceByPublicToken(deps, input),
  };
}
