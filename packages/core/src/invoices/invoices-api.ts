import { runMove } from "../service/internal/run-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { parseWithSchema } from "../validation/to-validation-error";
import { type CreateInvoiceInput, createInvoice } from "./moves/create-invoice";
import {
  type IssueInvoiceInput,
  issueInvoiceInputSchema,
  issueInvoiceInScope,
} from "./moves/issue-invoice";
import { type RecordPaymentInput, recordPayment } from "./moves/record-payment";
import {
  type RefundPaymentInput,
  type ResolveRefundInput,
  refundPayment,
  resolveRefund,
} from "./moves/refund-payment";
import {
  type ReportPaymentFailureInput,
  reportPaymentFailure,
} from "./moves/report-payment-failure";
import {
  type SendInvoiceInput,
  sendInvoice,
  sendInvoiceInputSchema,
  sendInvoiceInScope,
} from "./moves/send-invoice";
import {
  cancelInvoice,
  type InvoiceMoveInput,
  type ReasonedInvoiceMoveInput,
  requestInvoiceChanges,
  submitInvoice,
} from "./moves/simple-moves";
import { type SweepPastDueInput, sweepPastDue } from "./moves/sweep-past-due";
import { type UpdateInvoiceInput, updateInvoice } from "./moves/update-invoice";
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
export function createInvoicesApi(deps: RemitDependencies) {
  return {
    create: (context: unknown, input: CreateInvoiceInput) => createInvoice(deps, context, input),
    update: (context: unknown, input: UpdateInvoiceInput) => updateInvoice(deps, context, input),
    submit: (context: unknown, input: InvoiceMoveInput) => submitInvoice(deps, context, input),
    requestChanges: (context: unknown, input: ReasonedInvoiceMoveInput) =>
      requestInvoiceChanges(deps, context, input),
    /**
     * Issue (approve). With `send`, this is "save & send": issue and send in one transaction.
     */
    async issue(
      context: unknown,
      rawInput: IssueInvoiceInput & { send?: Omit<SendInvoiceInput, "id"> },
    ) {
      const input = parseWithSchema(issueWithSendSchema, rawInput);
      return runMove(
        deps,
        context,
        {
          move: input.send ? "issue and send" : "issue",
          actors: ["user"],
          idempotencyKey: input.idempotencyKey,
          args: input,
        },
        async (scope) => {
          const issued = await issueInvoiceInScope(scope, input);
          // An invoice that deposits (or a zero total) made paid at issue has nothing to send.
          if (!input.send || issued.status === "paid") return { invoice: issued };
          const sent = await sendInvoiceInScope(scope, { ...input.send, id: issued.id });
          return { invoice: sent.invoice, deliveries: sent.deliveries };
        },
      );
    },
    send: (context: unknown, input: SendInvoiceInput) => sendInvoice(deps, context, input),
    recordPayment: (context: unknown, input: RecordPaymentInput) =>
      recordPayment(deps, context, input),
    /** A provider's report of a failed attempt to pay: appends `invoice.payment_failed`. */
    reportPaymentFailure: (context: unknown, input: ReportPaymentFailureInput) =>
      reportPaymentFailure(deps, context, input),
    refund: (context: unknown, input: RefundPaymentInput) => refundPayment(deps, context, input),
    /** A provider's (or the worker's) answer to a pending refund. */
    resolveRefund: (context: unknown, input: ResolveRefundInput) =>
      resolveRefund(deps, context, input),
    cancel: (context: unknown, input: ReasonedInvoiceMoveInput) =>
      cancelInvoice(deps, context, input),
    get: (context: unknown, input: { id: string }) => getInvoice(deps, context, input),
    getByPublicToken: (input: { token: string }) => getInvoiceByPublicToken(deps, input),
    list: (context: unknown, input?: ListInvoicesInput) => listInvoices(deps, context, input),
    sweepPastDue: (context: unknown, input?: SweepPastDueInput) =>
      sweepPastDue(deps, context, input),
  };
}

export type InvoicesApi = ReturnType<typeof createInvoicesApi>;
