// The zod schema behind every call of the Remit service that an HTTP API exposes, by a public
// name: a server validates requests and writes its OpenAPI document with the very schemas the
// calls validate with (`@remit/server` does). Their input types are in remit-inputs.ts.
export { applyCreditInputSchema } from "./credit-notes/moves/apply-credit";
export { issueCreditNoteInputSchema } from "./credit-notes/moves/issue-credit-note";
export { sendCreditNoteInputSchema } from "./credit-notes/moves/send-credit-note";
export { listCustomersInputSchema } from "./customers/reads/read-customers";
export { listEventsInputSchema } from "./events/reads/list-events";
export { recordMoveInputSchema as invoiceMoveInputSchema } from "./invoices/internal/move-input-fields";
export { issueWithSendSchema as issueInvoiceWithSendInputSchema } from "./invoices/moves/issue-and-send";
export { issueInvoicesInputSchema } from "./invoices/moves/issue-invoices";
export { sendInvoicesInputSchema } from "./invoices/moves/send-invoices";
export { reasonedMoveInputSchema as reasonedInvoiceMoveInputSchema } from "./invoices/moves/simple-moves";
export { writeOffInvoiceInputSchema } from "./invoices/moves/write-off-invoice";
export { listInvoicesInputSchema } from "./invoices/reads/read-invoices";
export { createPlanInputSchema, updatePlanInputSchema } from "./plans/internal/plan-fields";
export { generateDueOccurrencesInputSchema } from "./plans/moves/generate-due-occurrences";
export {
  planMoveInputSchema,
  skipPlanOccurrenceInputSchema,
} from "./plans/moves/plan-status-moves";
export { listPlansInputSchema } from "./plans/reads/read-plans";
export { convertQuoteInputSchema } from "./quotes/moves/convert-quote";
export { reviseQuoteInputSchema } from "./quotes/moves/create-quote";
export {
  approveQuoteInputSchema,
  declineQuoteInputSchema,
  recordDepositInputSchema,
  refundDepositInputSchema,
  sendQuoteInputSchema,
} from "./quotes/moves/quote-moves";
export { listQuotesInputSchema } from "./quotes/reads/read-quotes";
export { updateWorkOrderInputSchema } from "./work-orders/moves/create-work-order";
export { submitWorkOrderInvoiceInputSchema } from "./work-orders/moves/submit-work-order-invoice";
export { submitWorkOrderInvoicesInputSchema } from "./work-orders/moves/submit-work-order-invoices";
export {
  cancelWorkOrderInputSchema,
  scheduleWorkOrderInputSchema,
} from "./work-orders/moves/work-order-status-moves";
export {
  draftWorkOrderInvoiceInputSchema,
  listWorkOrdersInputSchema,
} from "./work-orders/reads/read-work-orders";
