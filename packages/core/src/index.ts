/**
 * `@remit/core`: exact invoice math, the invoice lifecycle and the ports that adapters implement.
 *
 * @example
 * ```ts
 * import { calculateInvoice, formatMoney } from "@remit/core";
 *
 * const invoice = calculateInvoice({ currency: "USD", lines: [{ quantity: "2", unitPrice: "85.00" }] });
 * formatMoney(invoice.total, "USD", "en-US"); // "$170.00"
 * ```
 *
 * @module
 */
export type {
  BatchCounts,
  BatchItemResult,
  BatchProgress,
  BatchResult,
} from "./batch/batch-result";
export { deriveItemKey } from "./batch/derive-item-key";
export { calculateInvoice, calculateParsedInvoice } from "./calculation/calculate-invoice";
export type {
  CalculatedLine,
  CalculatedTax,
  InvoiceCalculation,
  LineTax,
} from "./calculation/invoice-calculation";
export type { InvoiceLineInput } from "./calculation/invoice-input-schema";
export {
  currencySchema,
  discountSchema,
  feeInputSchema,
  type InvoiceInput,
  invoiceDiscountInputSchema,
  invoiceInputSchema,
  invoiceLimits,
  invoiceLineInputSchema,
  lineKindSchema,
  type ParsedInvoiceInput,
  roundingInputSchema,
  taxRateInputSchema,
} from "./calculation/invoice-input-schema";
export { parseInvoiceInput } from "./calculation/parse-invoice-input";
export { createRemit, type RemitOptions } from "./create-remit";
export {
  type CreditNoteCalculation,
  type CreditNoteRequest,
  calculateCreditNote,
} from "./credit-notes/calculate-credit-note";
export type { CreditApplication } from "./credit-notes/credit-application";
export type { CreditNote, CreditNoteLine, CreditNoteTax } from "./credit-notes/credit-note";
export type {
  CustomerCredit,
  CustomerCreditBalance,
} from "./credit-notes/reads/read-customer-credit";
export type { Address, Customer, CustomerSnapshot } from "./customers/customer";
export {
  type CreateCustomerInput,
  type CustomerInput,
  createCustomerInputSchema,
  customerInputSchema,
  e164PhoneSchema,
  type UpdateCustomerInput,
  updateCustomerInputSchema,
} from "./customers/customer-input-schema";
export {
  buyerReferenceSchema,
  registrationIdSchema,
  vatIdSchema,
} from "./e-invoicing/party-identifiers";
export {
  bicSchema,
  type DirectDebitMandate,
  directDebitMandateSchema,
  ibanSchema,
  type PaymentMeans,
  type PaymentMeansInput,
  paymentMeansSchema,
} from "./e-invoicing/payment-means";
export { unitCodeSchema } from "./e-invoicing/unit-code";
export {
  type UntaxedVatCategory,
  untaxedVatCategorySchema,
  type VatCategoryCode,
  vatCategoryCodeSchema,
  vatCategoryCodes,
  vatExemptionReasonCodeSchema,
  vatExemptionReasonSchema,
} from "./e-invoicing/vat-category";
export * from "./errors/index";
export type { CommitListener, EventHandler } from "./events/event-handlers";
export type {
  PaymentAccountDisconnectedData,
  RemitEvent,
  RemitEventType,
} from "./events/remit-event";
export type { Delivery, DeliveryPurpose, DeliveryStatus } from "./invoices/delivery";
export type {
  Invoice,
  InvoiceContent,
  InvoiceLateFee,
  InvoiceProgress,
  InvoiceRevision,
} from "./invoices/invoice";
export { type InvoiceStatus, invoiceStatuses } from "./invoices/invoice-status";
export { createInvoiceInputSchema } from "./invoices/moves/create-invoice";
export type { IssuedInvoice } from "./invoices/moves/issue-invoices";
export { recordPaymentInputSchema } from "./invoices/moves/record-payment";
export { refundPaymentInputSchema } from "./invoices/moves/refund-payment";
export { reportDeliveryInputSchema } from "./invoices/moves/report-delivery";
export { reportPaymentFailureInputSchema } from "./invoices/moves/report-payment-failure";
export { sendInvoiceInputSchema } from "./invoices/moves/send-invoice";
export type { SentInvoice } from "./invoices/moves/send-invoices";
export { updateInvoiceInputSchema } from "./invoices/moves/update-invoice";
export type { Payment, PaymentMethod, Refund } from "./invoices/payment";
export type { InvoiceDetails } from "./invoices/reads/read-invoices";
export { calculateLateFee } from "./late-fees/calculate-late-fee";
export { countLateFeesDue } from "./late-fees/count-late-fees-due";
export { sumLateFees } from "./late-fees/total-of-late-fees";
export {
  escapeHtml,
  type RenderedMessage,
  renderInvoiceMessage,
} from "./messages/render-invoice-message";
export { type CurrencyCode, currencies, isCurrencyCode, minorUnitsOf } from "./money/currencies";
export { formatMoney } from "./money/format-money";
export {
  addMoney,
  compareMoney,
  fromMinorUnits,
  isMoneyAmount,
  isZeroMoney,
  type MoneyDigits,
  type MoneyRounding,
  roundMoney,
  scaleOfMoney,
  subtractMoney,
  toMinorUnits,
} from "./money/money-arithmetic";
export type { RoundingMode } from "./money/rounding-mode";
export type { OutboxJob, OutboxJobKind, OutboxJobStatus } from "./outbox/outbox-job";
export {
  createOutboxWorker,
  type OutboxRunReport,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from "./outbox/worker/create-outbox-worker";
export {
  type SweepReport,
  sweepAllTenants,
  sweepAllTenantsInputSchema,
} from "./outbox/worker/sweep-all-tenants";
export {
  calculatePlanOccurrences,
  nextPlanOccurrence,
} from "./plans/calculate-plan-occurrences";
export type {
  GenerateDueOccurrencesResult,
  GeneratedOccurrence,
} from "./plans/moves/generate-due-occurrences";
export type { PlanDetails } from "./plans/reads/read-plans";
export type {
  PlanMode,
  PlanOccurrence,
  PlanSchedule,
  PlanStatus,
  ServicePlan,
} from "./plans/service-plan";
export * from "./ports/index";
export {
  calculateProgressStage,
  type ProgressStageCalculation,
} from "./progress/calculate-progress-stage";
export {
  calculateRetainageRelease,
  type RetainageReleaseInput,
  retainageReleaseInputSchema,
} from "./progress/calculate-retainage-release";
export {
  type ProgressStage,
  type ProgressStageInput,
  progressContractLineSchema,
  progressStageInputSchema,
  progressStageSchema,
} from "./progress/progress-stage-input-schema";
export { quoteInputSchema } from "./quotes/moves/create-quote";
export type { Quote, QuoteStatus } from "./quotes/quote";
export type {
  Context,
  CustomersApi,
  DeliveriesApi,
  EventsApi,
  InvoicesApi,
  MoveResult,
  PlansApi,
  QuotesApi,
  Remit,
  ReportsApi,
  TenantsApi,
  WorkOrdersApi,
} from "./remit";
export * from "./remit-input-schemas";
export type * from "./remit-inputs";
export {
  type AgingBucket,
  agingBucketOf,
  agingBuckets,
  daysPastDue,
} from "./reports/aging-buckets";
export type { AgingAmounts, AgingCustomerRow, AgingReport } from "./reports/aging-report";
export type {
  CustomerStatement,
  StatementLine,
  StatementLineKind,
  StatementOpenInvoice,
} from "./reports/customer-statement";
export { type AgingInput, agingInputSchema } from "./reports/reads/read-aging";
export {
  type CustomerStatementInput,
  customerStatementInputSchema,
} from "./reports/reads/read-customer-statement";
export { type Actor, actorSchema, contextSchema } from "./service/actor";
export type { InvoiceMoveHooks, RemitDependencies } from "./service/remit-dependencies";
export { wasReplayed } from "./service/replayed-result";
export { stableStringify } from "./stable-stringify";
export {
  type LateFeeRule,
  type LateFeeRuleInput,
  lateFeeRuleSchema,
} from "./tenants/late-fee-rule";
export { calculateDueDate, type PaymentTerms, paymentTermsSchema } from "./tenants/payment-terms";
export { localDateAt } from "./tenants/tenant-dates";
export {
  type Tenant,
  type TenantBranding,
  type TenantSettings,
  type TenantSettingsInput,
  tenantBrandingSchema,
  tenantSettingsSchema,
} from "./tenants/tenant-settings";
export { isWellFormedText, textSchema } from "./validation/text-schema";
export { parseWithSchema } from "./validation/to-validation-error";
export {
  type DraftInvoiceOptions,
  draftInvoiceFromWorkOrder,
  type InvoiceDraft,
} from "./work-orders/draft-invoice-from-work-order";
export { billWorkOrderRetainageInputSchema } from "./work-orders/moves/bill-work-order-retainage";
export { billWorkOrderStageInputSchema } from "./work-orders/moves/bill-work-order-stage";
export type { SubmittedWorkOrderInvoice } from "./work-orders/moves/submit-work-order-invoices";
export type {
  LaborEntry,
  MaterialEntry,
  ServiceEntry,
  StoredTaxRate,
  WorkOrder,
  WorkOrderFee,
  WorkOrderStatus,
} from "./work-orders/work-order";
export { type WorkOrderInput, workOrderInputSchema } from "./work-orders/work-order-input-schema";
