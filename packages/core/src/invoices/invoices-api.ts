import { bindMoves, defineMove } from "../service/internal/define-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { createInvoice } from "./moves/create-invoice";
import { issueInvoiceInputSchema, issueInvoiceInScope } from "./moves/issue-invoice";
import { recordPayment } from "./moves/record-payment";
import { refundPayment, resolveRefund } from "./moves/refund-payment";
import { reportPaymentFailure } from "./moves/report-payment-failure";
import { sendInvoice, sendInvoiceInputSchema, sendInvoiceInScope } from "./moves/send-invoice";
import { cancelInvoice, requestInvoiceChanges, submitInvoice } from "./moves/simple-moves";
import { type SweepPastDueInput, sweepPastDue } from "./moves/sweep-past-due";
import { updateInvoice } from "./moves/update-invoice";
import {
  getInvoice,
  getInvoiceByPublicToken,
  type ListInvoicesInput,
  listInvoices,
} from "./read-invoices";

const issueWithSendSchema = issueInvoiceInputSchema.extend({
  /** "Save & send": send in the same transaction as the issue. */
  send: sendInvoiceInputSchema
    .omit({ id: true, expectedVersion: true, idempotencyKey: true })
    .optional(),
});

/** `remit.invoices`: every invoice move and read. Each move returns `{ invoice, events }`. */
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

export function createInvoicesApi(deps: RemitDependencies) {
  return {
    ...bindMoves(deps, {
      create: createInvoice,
      update: updateInvoice,
      submit: submitInvoice,
      requestChanges: requestInvoiceChanges,
      issue: issueAndMaybeSend,
      send: sendInvoice,
      recordPayment,
      /** A provider's report of a failed attempt to pay: appends `invoice.payment_failed`. */
      reportPaymentFailure,
      refund: refundPayment,
      /** A provider's (or the worker's) answer to a pending refund. */
      resolveRefund,
      cancel: cancelInvoice,
    }),
    get: (context: unknown, input: { id: string }) => getInvoice(deps, context, input),
    getByPublicToken: (input: { token: string }) => getInvoiceByPublicToken(deps, input),
    list: (context: unknown, input?: ListInvoicesInput) => listInvoices(deps, context, input),
    sweepPastDue: (context: unknown, input?: SweepPastDueInput) =>
      sweepPastDue(deps, context, input),
  };
}

export type InvoicesApi = ReturnType<typeof createInvoicesApi>;
