// The input type of every call of the Remit service, by name: import them to type forms and
// request handlers. Each is the zod schema's input type, so it accepts what the call accepts.
import type { issueAndMaybeSend } from "./invoices/moves/issue-and-send";
import type { convertQuoteToWorkOrder } from "./quotes/moves/convert-quote";
import type {
  approveQuote,
  declineQuote,
  recordDeposit,
  refundDeposit,
  sendQuote,
} from "./quotes/moves/quote-moves";
import type { ServiceCall } from "./service/internal/define-move";
import type {
  cancelWorkOrder,
  scheduleWorkOrder,
} from "./work-orders/moves/work-order-status-moves";
import type { draftWorkOrderInvoice, listWorkOrders } from "./work-orders/reads/read-work-orders";

// biome-ignore lint/suspicious/noExplicitAny: any call's output
type InputOf<Call> = Call extends ServiceCall<infer Input, any> ? Input : never;

export type {
  DisconnectPaymentAccountInput,
  FindTenantByPaymentAccountInput,
} from "./api/tenant-payment-accounts";
export type { UpsertTenantInput } from "./api/tenants-api";
export type { ApplyCreditInput } from "./credit-notes/moves/apply-credit";
export type { IssueCreditNoteInput } from "./credit-notes/moves/issue-credit-note";
export type { SendCreditNoteInput } from "./credit-notes/moves/send-credit-note";
export type { CreateCustomerInput, UpdateCustomerInput } from "./customers/customer-input-schema";
export type { ListCustomersInput } from "./customers/reads/read-customers";
export type { ListEventsInput } from "./events/reads/list-events";
export type { CreateInvoiceInput } from "./invoices/moves/create-invoice";
export type { IssueInvoicesInput } from "./invoices/moves/issue-invoices";
export type { RecordPaymentInput } from "./invoices/moves/record-payment";
export type { RefundPaymentInput, ResolveRefundInput } from "./invoices/moves/refund-payment";
export type { ReportDeliveryInput } from "./invoices/moves/report-delivery";
export type { ReportPaymentFailureInput } from "./invoices/moves/report-payment-failure";
export type { SendInvoiceInput } from "./invoices/moves/send-invoice";
export type { SendInvoicesInput } from "./invoices/moves/send-invoices";
export type { InvoiceMoveInput, ReasonedInvoiceMoveInput } from "./invoices/moves/simple-moves";
export type { SweepPastDueInput } from "./invoices/moves/sweep-past-due";
export type { UpdateInvoiceInput } from "./invoices/moves/update-invoice";
export type { ListInvoicesInput } from "./invoices/reads/read-invoices";
export type { CreatePlanInput, UpdatePlanInput } from "./plans/moves/create-plan";
export type { GenerateDueOccurrencesInput } from "./plans/moves/generate-due-occurrences";
export type { PlanMoveInput, SkipPlanOccurrenceInput } from "./plans/moves/plan-status-moves";
export type { ListPlansInput } from "./plans/reads/read-plans";
export type { QuoteInput, ReviseQuoteInput } from "./quotes/moves/create-quote";
export type { ListQuotesInput } from "./quotes/reads/read-quotes";
export type { TenantSettingsInput } from "./tenants/tenant-settings";
export type { BillWorkOrderRetainageInput } from "./work-orders/moves/bill-work-order-retainage";
export type { BillWorkOrderStageInput } from "./work-orders/moves/bill-work-order-stage";
export type { UpdateWorkOrderInput } from "./work-orders/moves/create-work-order";
export type { SubmitWorkOrderInvoiceInput } from "./work-orders/moves/submit-work-order-invoice";
export type { SubmitWorkOrderInvoicesInput } from "./work-orders/moves/submit-work-order-invoices";
export type { WorkOrderMoveInput } from "./work-orders/moves/work-order-status-moves";
export type { WorkOrderInput } from "./work-orders/work-order-input-schema";

/**
 * `remit.invoices.issue`: the invoice, and `send` for "save & send".
 * @group Invoices
 * @interface
 */
export type IssueInvoiceWithSendInput = InputOf<typeof issueAndMaybeSend>;
/**
 * `remit.workOrders.schedule`: date, time window and technician.
 * @group Work orders
 * @interface
 */
export type ScheduleWorkOrderInput = InputOf<typeof scheduleWorkOrder>;
/**
 * `remit.workOrders.cancel`: the work order and a reason.
 * @group Work orders
 * @interface
 */
export type CancelWorkOrderInput = InputOf<typeof cancelWorkOrder>;
/**
 * `remit.workOrders.list`: filters, `limit` and `cursor`.
 * @group Work orders
 */
export type ListWorkOrdersInput = InputOf<typeof listWorkOrders>;
/**
 * `remit.workOrders.draftInvoice`: the work order and how the draft is made.
 * @group Work orders
 * @interface
 */
export type DraftWorkOrderInvoiceInput = InputOf<typeof draftWorkOrderInvoice>;
/**
 * `remit.quotes.send`: the quote, and the channels to send its link on (now or `at`).
 * @group Quotes
 * @interface
 */
export type QuoteMoveInput = InputOf<typeof sendQuote>;
/** @group Quotes @interface */
export type SendQuoteInput = QuoteMoveInput;
/**
 * `remit.quotes.approve`: the quote and who approved it.
 * @group Quotes
 * @interface
 */
export type ApproveQuoteInput = InputOf<typeof approveQuote>;
/**
 * `remit.quotes.decline`: the quote and a reason.
 * @group Quotes
 * @interface
 */
export type DeclineQuoteInput = InputOf<typeof declineQuote>;
/**
 * `remit.quotes.recordDeposit`: amount, method and an idempotency key.
 * @group Quotes
 * @interface
 */
export type RecordDepositInput = InputOf<typeof recordDeposit>;
/**
 * `remit.quotes.refundDeposit`: the deposit payment, amount and an idempotency key.
 * @group Quotes
 * @interface
 */
export type RefundDepositInput = InputOf<typeof refundDeposit>;
/**
 * `remit.quotes.convertToWorkOrder`: the approved quote.
 * @group Quotes
 * @interface
 */
export type ConvertQuoteInput = InputOf<typeof convertQuoteToWorkOrder>;
