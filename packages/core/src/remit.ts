import type { BatchResult } from "./batch/batch-result";
import type { CreditApplication } from "./credit-notes/credit-application";
import type { CreditNote } from "./credit-notes/credit-note";
import type { CustomerCredit } from "./credit-notes/reads/read-customer-credit";
import type { Customer } from "./customers/customer";
import type { CommitListener, EventHandler } from "./events/event-handlers";
import type { RemitEvent, RemitEventType } from "./events/remit-event";
import type { Delivery } from "./invoices/delivery";
import type { Invoice } from "./invoices/invoice";
import type { IssuedInvoice } from "./invoices/moves/issue-invoices";
import type { SentInvoice } from "./invoices/moves/send-invoices";
import type { Payment, Refund } from "./invoices/payment";
import type { InvoiceDetails } from "./invoices/reads/read-invoices";
import type { GenerateDueOccurrencesResult } from "./plans/moves/generate-due-occurrences";
import type { PlanDetails } from "./plans/reads/read-plans";
import type { ServicePlan } from "./plans/service-plan";
import type { Clock } from "./ports/clock";
import type { EventPage, Page } from "./ports/store/index";
import type { Quote } from "./quotes/quote";
import type {
  ApplyCreditInput,
  ApproveQuoteInput,
  BillWorkOrderRetainageInput,
  BillWorkOrderStageInput,
  CancelWorkOrderInput,
  ConvertQuoteInput,
  CreateCustomerInput,
  CreateInvoiceInput,
  CreatePlanInput,
  DeclineQuoteInput,
  DisconnectPaymentAccountInput,
  DraftWorkOrderInvoiceInput,
  FindTenantByPaymentAccountInput,
  GenerateDueOccurrencesInput,
  InvoiceMoveInput,
  IssueCreditNoteInput,
  IssueInvoicesInput,
  IssueInvoiceWithSendInput,
  ListCustomersInput,
  ListEventsInput,
  ListInvoicesInput,
  ListPlansInput,
  ListQuotesInput,
  ListWorkOrdersInput,
  PlanMoveInput,
  QuoteInput,
  QuoteMoveInput,
  ReasonedInvoiceMoveInput,
  RecordDepositInput,
  RecordPaymentInput,
  RefundDepositInput,
  RefundPaymentInput,
  ReportDeliveryInput,
  ReportPaymentFailureInput,
  ResolveRefundInput,
  ReviseQuoteInput,
  ScheduleWorkOrderInput,
  SendCreditNoteInput,
  SendInvoiceInput,
  SendInvoicesInput,
  SkipPlanOccurrenceInput,
  SubmitWorkOrderInvoiceInput,
  SubmitWorkOrderInvoicesInput,
  SweepPastDueInput,
  UpdateCustomerInput,
  UpdateInvoiceInput,
  UpdatePlanInput,
  UpdateWorkOrderInput,
  UpsertTenantInput,
  WorkOrderInput,
  WorkOrderMoveInput,
} from "./remit-inputs";
import type { AgingReport } from "./reports/aging-report";
import type { CustomerStatement } from "./reports/customer-statement";
import type { AgingInput } from "./reports/reads/read-aging";
import type { CustomerStatementInput } from "./reports/reads/read-customer-statement";
import type { Actor } from "./service/actor";
import type { Tenant } from "./tenants/tenant-settings";
import type { InvoiceDraft } from "./work-orders/draft-invoice-from-work-order";
import type { SubmittedWorkOrderInvoice } from "./work-orders/moves/submit-work-order-invoices";
import type { WorkOrder } from "./work-orders/work-order";

/**
 * The first argument of every call: whose records (`tenantId`, one contractor business) and who
 * is acting. Checked on every call; a bad context is a `ValidationError` at `tenantId` or `actor`.
 *
 * @example
 * ```ts
 * const ctx: Context = { tenantId: "acme-plumbing", actor: { type: "user", id: "u_1" } };
 * ```
 * @group Service
 */
export type Context = {
  /** The tenant (one contractor business) whose records the call reads or changes; 1 to 64 characters. */
  tenantId: string;
  /**
   * Who is acting: `{ type: "user", id }` (a person in your app), `{ type: "system" }` (Remit
   * itself: sweeps, scheduled sends) or `{ type: "provider", name }` (a payment or SMS provider
   * reporting back). Each move says which actors may make it; another is a `ValidationError` at
   * `actor`.
   */
  actor: Actor;
};

/**
 * What a move returns: the records it changed and the events it appended, in order.
 * @group Service
 */
export type MoveResult<Records> = Records & { events: RemitEvent[] };

/**
 * The Remit service, as `createRemit` returns it: one object per area. Every call takes a
 * {@link Context} first and one input object.
 *
 * Every **move** (a call that changes something) runs in one store transaction, checks its input
 * with zod and takes an optional `idempotencyKey` (required for payments and refunds). Besides the
 * errors each call lists, any move may throw:
 *
 * - `ValidationError` (`validation_error`): the input, the context or the actor is not allowed;
 *   `issues` names every bad field. Nothing was written.
 * - `IdempotencyError` (`idempotency_conflict`): the `idempotencyKey` was used before with other
 *   input. A repeat with the same input instead returns the first result and writes nothing.
 * - `StoreUnavailableError` (`store_unavailable`, retryable): the store could not be reached or
 *   timed out. Nothing was written.
 * - `OutcomeUnknownError` (`outcome_unknown`): the connection was lost at commit; retry with the
 *   same `idempotencyKey`, or read the record first.
 *
 * Events are appended in the move's transaction; the outbox worker hands them to handlers
 * registered with {@link EventsApi.on | remit.events.on}.
 *
 * @group Service
 */
export type Remit = {
  /** One contractor business's settings. */
  readonly tenants: TenantsApi;
  /** The people and companies a tenant bills. */
  readonly customers: CustomersApi;
  /** Every invoice move and read. */
  readonly invoices: InvoicesApi;
  /** Jobs from first call to invoice. */
  readonly workOrders: WorkOrdersApi;
  /** Offers before the work, and their deposits. */
  readonly quotes: QuotesApi;
  /**
   * Recurring service plans.
   * @since 0.2.0
   */
  readonly plans: PlansApi;
  /** The tenant's event log, and handlers the outbox worker runs. */
  readonly events: EventsApi;
  /** Deliveries of emails and texts. */
  readonly deliveries: DeliveriesApi;
  /**
   * Reads across the tenant's invoices for the back office: the aging report.
   * @since 0.3.0
   */
  readonly reports: ReportsApi;
  /** The service's clock (the `Clock` port it was created with), for adapters that need "now". */
  readonly clock: Clock;
};

/**
 * `remit.tenants`: one contractor business's settings. They apply to later moves only.
 * @group Service
 */
export interface TenantsApi {
  /**
   * Saves settings: fields left out keep their current (or default) value; the whole result is
   * validated. A `user`, `system` or `provider` actor may save them.
   *
   * @param settings Any of {@link TenantSettingsInput}'s fields, and an `idempotencyKey`.
   * @returns The tenant's settings after the change.
   * @throws `ValidationError` when a field is invalid, or a new `numberFormat` could repeat an
   *   earlier format's numbers; `ConcurrencyError` (`version_conflict`) when `expectedVersion` is
   *   given and the settings changed since they were read.
   * @emits `tenant.updated`, with `{ changed }`: the names of the fields that changed.
   * @example
   * ```ts
   * await remit.tenants.upsert(ctx, { currency: "USD", timeZone: "America/Chicago" });
   * ```
   */
  upsert(context: Context, settings: UpsertTenantInput): Promise<Tenant>;
  /**
   * The tenant's settings; the defaults before any were saved.
   * @returns The settings, with every default filled in.
   */
  get(context: Context): Promise<Tenant>;
  /**
   * The tenant whose settings hold `accountId` as its account at `provider`, across tenants
   * (no context: a provider's webhook names the account, not the tenant).
   *
   * @param input {@link FindTenantByPaymentAccountInput}.
   * @returns The tenant, or `null` when no tenant holds the account.
   * @since 0.2.0
   * @example
   * ```ts
   * const tenant = await remit.tenants.findByPaymentAccount({ provider: "stripe", accountId });
   * ```
   */
  findByPaymentAccount(input: FindTenantByPaymentAccountInput): Promise<Tenant | null>;
  /**
   * Records that the owner of the tenant's account at `provider` took the platform's access away:
   * the account keeps its id, gets `disconnectedAt` and `chargesEnabled: false`, and no online
   * payment is offered through it. An account already disconnected is left as it is.
   *
   * @param input {@link DisconnectPaymentAccountInput}.
   * @returns `{ tenant, events }`; `events` is empty when the account was already disconnected.
   * @throws `NotFoundError` when the tenant does not hold that account.
   * @emits `tenant.updated` and `payments.account_disconnected`
   *   ({@link PaymentAccountDisconnectedData}), once.
   * @since 0.2.0
   */
  disconnectPaymentAccount(
    context: Context,
    input: DisconnectPaymentAccountInput,
  ): Promise<MoveResult<{ tenant: Tenant }>>;
}

/**
 * `remit.customers`: the people and companies a tenant bills. Changed by a `user` actor.
 * @group Service
 */
export interface CustomersApi {
  /**
   * Adds a customer; the phone number is normalized to E.164.
   * @param input {@link CreateCustomerInput}.
   * @returns The customer.
   * @throws `ValidationError` for a bad email or phone number.
   * @emits `customer.created`.
   */
  create(context: Context, input: CreateCustomerInput): Promise<Customer>;
  /**
   * Changes the fields sent.
   * @param input {@link UpdateCustomerInput}.
   * @returns The customer after the change.
   * @throws `NotFoundError` for an unknown customer; `ConcurrencyError` (`version_conflict`) when
   *   `expectedVersion` is given and the customer changed since it was read.
   * @emits `customer.updated`, with `{ changed }`: the fields that changed.
   */
  update(context: Context, input: UpdateCustomerInput): Promise<Customer>;
  /**
   * One customer.
   * @throws `NotFoundError` when the tenant has no such customer.
   */
  get(context: Context, input: { id: string }): Promise<Customer>;
  /**
   * By id, one page at a time; `search` matches name, email or phone, case-insensitively.
   * @param input {@link ListCustomersInput}.
   * @returns A page: `items` and `nextCursor` (`null` on the last page).
   */
  list(context: Context, input?: ListCustomersInput): Promise<Page<Customer>>;
  /**
   * The customer's credit: per currency, the credit its invoices hold (overpayments, and what
   * credit notes took below the amount paid), and the entries that moved credit between its
   * invoices (`invoices.applyCredit`).
   * @returns `{ customerId, balances: [{ currency, amount, invoices }], applications }`.
   * @throws `NotFoundError` for an unknown customer.
   * @since 0.3.0
   * @example
   * ```ts
   * const { balances } = await remit.customers.getCredit(ctx, { id: customer.id });
   * ```
   */
  getCredit(context: Context, input: { id: string }): Promise<CustomerCredit>;
}

/**
 * `remit.invoices`: every invoice move and read. Moves return `{ invoice, events }` and more where
 * said. Which move is allowed from which status is in the guide's "The invoice lifecycle"; any
 * other is refused with `InvalidTransitionError` (`invalid_transition`) and changes nothing.
 * @group Service
 */
export interface InvoicesApi {
  /**
   * A new invoice in `pending_action`, revision 1, calculated exactly. With `issue: true`
   * ("save & issue") it is issued in the same transaction.
   *
   * @param input {@link CreateInvoiceInput}.
   * @returns `{ invoice, events }`.
   * @throws `NotFoundError` for an unknown `customerId`; `ValidationError` for lines, taxes or
   *   discounts that do not add up (see the invoice math guide).
   * @emits `invoice.created` (and `invoice.issued` with `issue: true`).
   * @example
   * ```ts
   * const { invoice } = await remit.invoices.create(ctx, {
   *   customerId: customer.id,
   *   lines: [{ kind: "labor", description: "Unclog drain", quantity: "1.5", unitPrice: "95.00" }],
   * });
   * ```
   */
  create(context: Context, input: CreateInvoiceInput): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Edits an invoice; every edit is a new revision. After issue it keeps the number and issue
   * date and refuses a new currency or customer. An issued invoice with payments (a paid one too)
   * can be edited while its new total less credit notes stays at least the amount paid less
   * refunds, and no credited line drops below what was credited; the status follows the money
   * rule.
   *
   * @param input {@link UpdateInvoiceInput}.
   * @returns `{ invoice, events }`, the invoice at its new revision.
   * @throws `NotFoundError`; `ConcurrencyError` (`version_conflict`) when `expectedVersion`
   *   (required) is not the invoice's version; `InvalidTransitionError` when uncollectible or
   *   cancelled; `ValidationError` at `lines` when the total would fall below the amount paid
   *   (issue a credit note instead) or a credited line below what was credited.
   * @emits `invoice.updated` (and `invoice.paid` when nothing is left due).
   */
  update(context: Context, input: UpdateInvoiceInput): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Sends a draft for a manager's review: `pending_action` → `pending_review`.
   * @param input {@link InvoiceMoveInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`; `ValidationError` when the invoice has no
   *   customer or no line.
   * @emits `invoice.submitted`.
   */
  submit(context: Context, input: InvoiceMoveInput): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Sends a reviewed invoice back with a reason: `pending_review` → `pending_action`.
   * @param input {@link ReasonedInvoiceMoveInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `invoice.changes_requested`.
   */
  requestChanges(
    context: Context,
    input: ReasonedInvoiceMoveInput,
  ): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Issues (approves) the invoice: its gapless number, due date and public token, →
   * `pending_payment` (or `paid` when quote deposits cover it). From `pending_action` only when
   * the tenant needs no review. With `send` ("save & send") it is also sent in the same
   * transaction.
   *
   * @param input {@link IssueInvoiceWithSendInput}.
   * @returns `{ invoice, events }`, and `deliveries` with `send`.
   * @throws `NotFoundError`; `InvalidTransitionError`; `ValidationError` when the invoice has no
   *   customer or no line; `DeliveryError` (`missing_contact`) with `send` to a customer without
   *   an email or phone.
   * @emits `invoice.issued` (and `invoice.paid` when deposits cover it, `invoice.sent` with
   *   `send`).
   */
  issue(
    context: Context,
    input: IssueInvoiceWithSendInput,
  ): Promise<MoveResult<{ invoice: Invoice; deliveries?: Delivery[] }>>;
  /**
   * Sends an issued invoice by email and/or text, now or at `at`. The move stores the deliveries;
   * the outbox worker sends them.
   *
   * @param input {@link SendInvoiceInput}.
   * @returns `{ invoice, deliveries, events }`.
   * @throws `NotFoundError`; `InvalidTransitionError` unless `pending_payment` or `past_due`;
   *   `DeliveryError` (`missing_contact`) when the customer has no address for a channel,
   *   (`recipient_opted_out`) when the customer opted out of it.
   * @emits `invoice.sent`.
   */
  send(
    context: Context,
    input: SendInvoiceInput,
  ): Promise<MoveResult<{ invoice: Invoice; deliveries: Delivery[] }>>;
  /**
   * Records money received (check, cash, card via a provider). Partial payments lower
   * `amountDue`; the full amount makes the invoice `paid`; more is kept as `credit`. A
   * provider's payment that matches no invoice, or in another currency, is stored as unmatched
   * (`invoice: null`). Requires an `idempotencyKey`: the same key recorded twice is one payment.
   *
   * @param input {@link RecordPaymentInput}.
   * @returns `{ invoice, payment, events }`; `invoice` is `null` for an unmatched payment.
   * @throws `NotFoundError` (a user's payment for an unknown invoice); `InvalidTransitionError`
   *   (not issued, or cancelled and not from a provider); `ValidationError` for an amount with
   *   more decimals than the currency has, or a user's payment in another currency.
   * @emits `invoice.payment_recorded`, and `invoice.paid` when nothing is left due;
   *   `payment.unmatched` for an unmatched payment.
   */
  recordPayment(
    context: Context,
    input: RecordPaymentInput,
  ): Promise<MoveResult<{ invoice: Invoice | null; payment: Payment }>>;
  /**
   * A provider's report of a failed attempt to pay (a declined card). The invoice and its version
   * are left as they are.
   * @param input {@link ReportPaymentFailureInput}.
   * @throws `NotFoundError`.
   * @emits `invoice.payment_failed`.
   */
  reportPaymentFailure(
    context: Context,
    input: ReportPaymentFailureInput,
  ): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Refunds (part of) a payment, at most its unrefunded amount. Through a provider that moves
   * money (Stripe) the refund is stored `pending` and requested by the outbox worker; otherwise it
   * counts at once. A paid invoice refunded below its total goes back to `pending_payment` or
   * `past_due`. Requires an `idempotencyKey`.
   *
   * @param input {@link RefundPaymentInput}.
   * @returns `{ invoice, refund, kept, events }`: `kept` is the part of `amount` the provider
   *   could not refund (left on the invoice), or `null`.
   * @throws `NotFoundError` for an unknown invoice, or a payment not on it;
   *   `InvalidTransitionError`; `ValidationError` when `amount` is more than is left to refund,
   *   or nothing of it fits the provider's units.
   * @emits `invoice.refunded`.
   */
  refund(
    context: Context,
    input: RefundPaymentInput,
  ): Promise<
    MoveResult<{
      invoice: Invoice;
      refund: Refund;
      /**
       * The part of `amount` the provider could not refund, left on the invoice (counted as
       * paid), with why; `null` when all of it is refunded.
       * @since 0.2.0
       */
      kept: { amount: string; reason: string } | null;
    }>
  >;
  /**
   * A provider's (or the worker's) answer to a pending refund: succeeded (it counts now) or
   * failed (the money stays paid).
   * @param input {@link ResolveRefundInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `invoice.refunded` when it succeeded.
   */
  resolveRefund(
    context: Context,
    input: ResolveRefundInput,
  ): Promise<MoveResult<{ invoice: Invoice; refund: Refund }>>;
  /**
   * Withdraws an invoice for a reason; it keeps its number. Quote deposits go back to the quote.
   * @param input {@link ReasonedInvoiceMoveInput}.
   * @throws `NotFoundError`; `InvalidTransitionError` when paid or cancelled, or while money other
   *   than deposits is recorded (refund it first).
   * @emits `invoice.cancelled`.
   */
  cancel(
    context: Context,
    input: ReasonedInvoiceMoveInput,
  ): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Revokes the customer's link and makes a new one: the old token stops finding the invoice.
   * Any issued invoice, paid and cancelled included.
   * @param input {@link InvoiceMoveInput}.
   * @throws `NotFoundError`; `InvalidTransitionError` before issue.
   * @emits `invoice.public_token_rotated` (its data names neither token).
   * @since 0.2.0
   */
  rotatePublicToken(
    context: Context,
    input: InvoiceMoveInput,
  ): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Credits part of an issued invoice (`pending_payment`, `past_due`, `paid`, `uncollectible`):
   * an `amount` with tax shared over the lines by largest remainder, or chosen `lines`, with the
   * taxes reversed in the proportions charged; never more than the total less earlier credit
   * notes. Numbered in the tenant's credit-note series (`creditNoteNumberFormat`). The amount due
   * drops; what falls below the amount paid becomes credit.
   *
   * @param input {@link IssueCreditNoteInput}.
   * @returns `{ invoice, creditNote, events }`.
   * @throws `NotFoundError`; `InvalidTransitionError`; `ValidationError` at `amount` or
   *   `lines[i]` when more is asked than is left to credit.
   * @emits `credit_note.issued` and `invoice.credited` (and `invoice.paid`).
   * @since 0.3.0
   * @example
   * ```ts
   * const { creditNote } = await remit.invoices.issueCreditNote(ctx, {
   *   id: invoice.id,
   *   amount: "25.00",
   *   reason: "Goodwill: late arrival",
   *   idempotencyKey: "cn-1",
   * });
   * ```
   */
  issueCreditNote(
    context: Context,
    input: IssueCreditNoteInput,
  ): Promise<MoveResult<{ invoice: Invoice; creditNote: CreditNote }>>;
  /**
   * One credit note.
   * @throws `NotFoundError`.
   * @since 0.3.0
   */
  getCreditNote(context: Context, input: { id: string }): Promise<CreditNote>;
  /**
   * Sends a credit note to the invoice's customer by email and/or SMS, now or at `at`, like
   * `send` does an invoice: one `credit_note` delivery per channel (with `creditNoteId`), sent by
   * the outbox worker with the tenant's `creditNote*` templates; the email adapter attaches the
   * credit note's PDF. Sent whatever the invoice's status; can repeat.
   *
   * @param input {@link SendCreditNoteInput}.
   * @returns `{ creditNote, deliveries, events }`.
   * @throws `NotFoundError`; `DeliveryError` (`missing_contact`, `recipient_opted_out`), storing
   *   nothing.
   * @emits `credit_note.sent`.
   * @since 0.3.0
   * @example
   * ```ts
   * await remit.invoices.sendCreditNote(ctx, { id: creditNote.id, channels: ["email"] });
   * ```
   */
  sendCreditNote(
    context: Context,
    input: SendCreditNoteInput,
  ): Promise<MoveResult<{ creditNote: CreditNote; deliveries: Delivery[] }>>;
  /**
   * Writes an invoice's balance off as bad debt: `pending_payment` or `past_due` →
   * `uncollectible`, the amount in `writtenOff`. Later payments shrink it (fully paid → `paid`);
   * no reminders, no past-due sweep.
   * @param input {@link ReasonedInvoiceMoveInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `invoice.written_off`.
   * @since 0.3.0
   */
  writeOff(
    context: Context,
    input: ReasonedInvoiceMoveInput,
  ): Promise<MoveResult<{ invoice: Invoice }>>;
  /**
   * Applies credit held on invoice `id` to `toInvoiceId`, an open invoice of the same customer
   * and currency, in one transaction: at most the credit and what the other owes (both by
   * default).
   * @param input {@link ApplyCreditInput}.
   * @returns `{ invoice, toInvoice, creditApplication, events }`.
   * @throws `NotFoundError`; `InvalidTransitionError`; `ValidationError` at `toInvoiceId` (another
   *   customer or currency) or `amount` (more than the credit or than is owed).
   * @emits `invoice.credit_applied` and `invoice.credit_received` (and `invoice.paid`).
   * @since 0.3.0
   */
  applyCredit(
    context: Context,
    input: ApplyCreditInput,
  ): Promise<
    MoveResult<{ invoice: Invoice; toInvoice: Invoice; creditApplication: CreditApplication }>
  >;
  /**
   * One invoice with its revisions, payments, refunds, deliveries, events, credit notes and
   * credit applications.
   * @throws `NotFoundError`.
   */
  get(context: Context, input: { id: string }): Promise<InvoiceDetails>;
  /**
   * The invoice behind a customer's hosted-page link, across tenants; no context.
   * @throws `NotFoundError` for an unknown or rotated token.
   */
  getByPublicToken(input: { token: string }): Promise<Invoice>;
  /**
   * Newest first, filtered by status, customer and dates, one page at a time (`nextCursor`).
   * @param input {@link ListInvoicesInput}.
   * @returns A page: `items` and `nextCursor` (`null` on the last page).
   */
  list(context: Context, input?: ListInvoicesInput): Promise<Page<Invoice>>;
  /**
   * Moves each `pending_payment` invoice due before the tenant's local date to `past_due`, one
   * batch per transaction, then charges the late fees due on `past_due` invoices under the rule
   * each carries from its issue (tenant setting `lateFees`): each fee a `late_fee` line in a new
   * revision, one transaction per fee, exactly once per invoice and period however often and by
   * however many workers the sweep runs. Idempotent; `sweepAllTenants` runs it for every tenant.
   * @param input {@link SweepPastDueInput}.
   * @returns How many invoices it moved, and how many late fees it added (`@since 0.3.0`).
   * @emits `invoice.past_due` for each move, `invoice.late_fee_added` for each fee.
   */
  sweepPastDue(
    context: Context,
    input?: SweepPastDueInput,
  ): Promise<{ moved: number; lateFeesAdded: number }>;
  /**
   * Issues many invoices ("save & send" each with `send`), each in its own transaction with an
   * idempotency key derived from `batchKey`, at most `concurrency` at once (default 4). Running it
   * again with the same key issues nothing twice.
   * @param input {@link IssueInvoicesInput}.
   * @returns One result per id, in order: `done`, `skipped` (already issued; or done by an
   *   earlier run of this batch) or `refused` with its typed error; and the counts.
   * @throws `ValidationError` for a bad batch as a whole (no ids, an id twice, no `batchKey`).
   * @emits Each item's own `invoice.issued` (and `invoice.sent`).
   * @since 0.2.0
   * @example
   * ```ts
   * const { counts } = await remit.invoices.issueMany(ctx, {
   *   ids: selected,
   *   batchKey: "issue-2026-12-04-morning",
   *   onProgress: ({ completed, total }) => console.log(`${completed}/${total}`),
   * });
   * ```
   */
  issueMany(context: Context, input: IssueInvoicesInput): Promise<BatchResult<IssuedInvoice>>;
  /**
   * "Send selected": sends many issued invoices on the same channels, each in its own
   * transaction with a key derived from `batchKey`. A retried batch sends nothing twice; a
   * missing contact refuses that invoice only.
   * @param input {@link SendInvoicesInput}.
   * @returns One result per id, in order, and the counts.
   * @emits Each item's own `invoice.sent`.
   * @since 0.2.0
   */
  sendMany(context: Context, input: SendInvoicesInput): Promise<BatchResult<SentInvoice>>;
}

/**
 * `remit.workOrders`: jobs from first call to invoice. Moves return `{ workOrder, events }`; which
 * is allowed from which status is in the work orders guide, any other is
 * `InvalidTransitionError`.
 * @group Service
 */
export interface WorkOrdersApi {
  /**
   * A job in `open`, with its labor, materials, services and fees.
   * @param input {@link WorkOrderInput}.
   * @throws `NotFoundError` for an unknown customer.
   * @emits `work_order.created`.
   */
  create(context: Context, input: WorkOrderInput): Promise<MoveResult<{ workOrder: WorkOrder }>>;
  /**
   * Changes the fields sent, before the job is invoiced. Requires `expectedVersion`.
   * @param input {@link UpdateWorkOrderInput}.
   * @throws `NotFoundError`; `ConcurrencyError` (`version_conflict`); `InvalidTransitionError`
   *   once invoiced or cancelled.
   * @emits `work_order.updated`.
   */
  update(
    context: Context,
    input: UpdateWorkOrderInput,
  ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
  /**
   * Books a date, a time window and a technician: `open` or `scheduled` → `scheduled`.
   * @param input {@link ScheduleWorkOrderInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `work_order.scheduled`.
   */
  schedule(
    context: Context,
    input: ScheduleWorkOrderInput,
  ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
  /**
   * The technician starts: → `in_progress`.
   * @param input {@link WorkOrderMoveInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `work_order.started`.
   */
  start(context: Context, input: WorkOrderMoveInput): Promise<MoveResult<{ workOrder: WorkOrder }>>;
  /**
   * Work done: → `complete_invoice_needed`, ready for review & submit.
   * @param input {@link WorkOrderMoveInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `work_order.completed`.
   */
  complete(
    context: Context,
    input: WorkOrderMoveInput,
  ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
  /**
   * Withdraws the job for a reason; refused once it is invoiced (cancel the invoice first).
   * @param input {@link CancelWorkOrderInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `work_order.cancelled`.
   */
  cancel(
    context: Context,
    input: CancelWorkOrderInput,
  ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
  /**
   * One work order.
   * @throws `NotFoundError`.
   */
  get(context: Context, input: { id: string }): Promise<WorkOrder>;
  /**
   * Newest first, by status and customer, one page at a time.
   * @param input {@link ListWorkOrdersInput}.
   * @returns A page: `items` and `nextCursor` (`null` on the last page).
   */
  list(context: Context, input?: ListWorkOrdersInput): Promise<Page<WorkOrder>>;
  /**
   * The invoice draft for "review & submit": show it, let the user change it, then
   * `submitInvoice`. Writes nothing.
   * @param input {@link DraftWorkOrderInvoiceInput}.
   * @throws `NotFoundError`.
   */
  draftInvoice(context: Context, input: DraftWorkOrderInvoiceInput): Promise<InvoiceDraft>;
  /**
   * "Review & submit": creates the invoice from the draft with the user's `changes` and submits
   * it for review (or issues it where the tenant needs none), in one transaction:
   * `complete_invoice_needed` → `invoiced`.
   *
   * @param input {@link SubmitWorkOrderInvoiceInput}.
   * @returns `{ workOrder, invoice, events }`.
   * @throws `NotFoundError`; `InvalidTransitionError`, also for a second submit (no second
   *   invoice is created).
   * @emits `invoice.created`, `invoice.submitted` (or `invoice.issued`) and `work_order.invoiced`.
   */
  submitInvoice(
    context: Context,
    input: SubmitWorkOrderInvoiceInput,
  ): Promise<MoveResult<{ workOrder: WorkOrder; invoice: Invoice }>>;
  /**
   * "Invoice selected": review & submit for many work orders, each in its own transaction with
   * an idempotency key derived from `batchKey`, at most `concurrency` at once (default 4). A
   * batch run again after a crash, or twice at once, bills each work order once.
   * @param input {@link SubmitWorkOrderInvoicesInput}.
   * @returns One result per id, in order: `done`, `skipped` (already invoiced; or done by an
   *   earlier run of this batch) or `refused` with its typed error; and the counts.
   * @throws `ValidationError` for a bad batch as a whole (no ids, an id twice, no `batchKey`).
   * @emits Each item's own `invoice.created`, `invoice.submitted` (or `invoice.issued`) and
   *   `work_order.invoiced`.
   * @since 0.2.0
   * @example
   * ```ts
   * const { items, counts } = await remit.workOrders.submitInvoices(ctx, {
   *   ids: ["wo_1", "wo_2"],
   *   batchKey: "invoice-selected-7f3c",
   *   onProgress: ({ completed, total }) => console.log(`${completed}/${total}`),
   * });
   * ```
   */
  submitInvoices(
    context: Context,
    input: SubmitWorkOrderInvoicesInput,
  ): Promise<BatchResult<SubmittedWorkOrderInvoice>>;
  /**
   * Progress billing: bills the next stage of the work order's contract (its lines' net amounts)
   * as an invoice of its own, submitted for review or issued like review & submit's, with
   * `invoice.progress` saying which stage it is and what it withholds. A stage bills a percent or
   * an amount of the contract, each line's cumulative percent complete, or `{ final: true }`
   * (exactly what is left of every line). Together the stages never pass 100 % of any line;
   * each stage's taxes come from the normal math on its own lines, so they may differ from one
   * invoice's tax by rounding. `retainagePercent` withholds that share of the stage's net from
   * its amount due (billed later by `billRetainage`). A quote's held deposit pays the stages in
   * order at their issue: each takes min(deposit left, what it asks). The stage that bills
   * everything left is final: the work order becomes `invoiced`. Allowed from `open`,
   * `scheduled`, `in_progress` and `complete_invoice_needed`; cancelled stages do not count.
   * @param input {@link BillWorkOrderStageInput}.
   * @returns `{ workOrder, invoice, events }`.
   * @throws `NotFoundError`; `ValidationError` (`stage.percent`, `stage.amount`,
   *   `stage.lineProgress.<id>` for a stage past 100 %, `stage` for one that bills nothing);
   *   `InvalidTransitionError` for a work order invoiced in full, billed by one invoice, whose
   *   retainage is billed, or cancelled; `ConcurrencyError` for a stale `expectedVersion`.
   * @emits `invoice.created`, `invoice.submitted` (or `invoice.issued`) and
   *   `work_order.stage_billed` (`work_order.invoiced` for the final stage).
   * @since 0.3.0
   * @example
   * ```ts
   * const { invoice } = await remit.workOrders.billStage(ctx, {
   *   id: workOrder.id,
   *   stage: { percent: "30" },
   *   retainagePercent: "10",
   * });
   * invoice.progress; // → { stage: 1, kind: "stage", final: false, retained: "…", … }
   * ```
   */
  billStage(
    context: Context,
    input: BillWorkOrderStageInput,
  ): Promise<MoveResult<{ workOrder: WorkOrder; invoice: Invoice }>>;
  /**
   * After the final stage, bills the retainage the live stages withheld as one untaxed invoice
   * (`progress.kind` `"retainage"`, numbered after the final stage; the stages carry the tax).
   * @param input {@link BillWorkOrderRetainageInput}.
   * @returns `{ workOrder, invoice, events }`.
   * @throws `NotFoundError`; `InvalidTransitionError` before the final stage or once billed;
   *   `ValidationError` (`id`) when no stage withheld anything.
   * @emits `invoice.created`, `invoice.submitted` (or `invoice.issued`) and
   *   `work_order.retainage_billed`.
   * @since 0.3.0
   */
  billRetainage(
    context: Context,
    input: BillWorkOrderRetainageInput,
  ): Promise<MoveResult<{ workOrder: WorkOrder; invoice: Invoice }>>;
}

/**
 * `remit.plans`: recurring service plans, a customer billed the same lines on a schedule (an RFC
 * 5545 RRULE read on the tenant's calendar dates). Moves return `{ plan, events }`; a move from
 * the wrong status is `InvalidTransitionError`. On a store without plans every call throws
 * `NotSupportedError` (`not_supported`).
 * @group Service
 * @since 0.2.0
 */
export interface PlansApi {
  /**
   * A plan in `active`: customer, name, lines (as `invoices.create` takes them), schedule
   * (`rrule`, `startDate`, `endDate`), and `mode`: `review` (each occurrence a draft submitted
   * for review, the default) or `issue_and_send` (issued and sent on `channels` at once).
   * @param input {@link CreatePlanInput}.
   * @throws `ValidationError` (`schedule.rrule`, `lines[0].quantity`, `customerId`, …).
   * @emits `plan.created`.
   * @example
   * ```ts
   * const { plan } = await remit.plans.create(ctx, {
   *   customerId: customer.id,
   *   name: "Quarterly HVAC maintenance",
   *   schedule: { rrule: "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", startDate: "2027-01-01" },
   *   lines: [{ kind: "service", description: "Maintenance visit", quantity: "1", unitPrice: "149.00" }],
   *   mode: "issue_and_send",
   * });
   * ```
   */
  create(context: Context, input: CreatePlanInput): Promise<MoveResult<{ plan: ServicePlan }>>;
  /**
   * Changes what it bills (a price change applies from the next occurrence on). Requires
   * `expectedVersion`.
   * @param input {@link UpdatePlanInput}.
   * @emits `plan.updated`.
   */
  update(context: Context, input: UpdatePlanInput): Promise<MoveResult<{ plan: ServicePlan }>>;
  /** `active` → `paused`: nothing is generated while paused. @emits `plan.paused`. */
  pause(context: Context, input: PlanMoveInput): Promise<MoveResult<{ plan: ServicePlan }>>;
  /** `paused` → `active`; the dates that passed while paused are not billed. @emits `plan.resumed`. */
  resume(context: Context, input: PlanMoveInput): Promise<MoveResult<{ plan: ServicePlan }>>;
  /** Skips one future occurrence (`date`): it is never billed. @emits `plan.occurrence_skipped`. */
  skip(
    context: Context,
    input: SkipPlanOccurrenceInput,
  ): Promise<MoveResult<{ plan: ServicePlan }>>;
  /** → `ended`: nothing more is generated. @emits `plan.ended`. */
  end(context: Context, input: PlanMoveInput): Promise<MoveResult<{ plan: ServicePlan }>>;
  /** One plan with its occurrences (generated with their invoice, or skipped). */
  get(context: Context, input: { id: string }): Promise<PlanDetails>;
  /** Newest first, by status and customer, one page at a time. */
  list(context: Context, input?: ListPlansInput): Promise<Page<ServicePlan>>;
  /**
   * The sweep: generates every due occurrence (on or before the tenant's local date at `at`,
   * default the Clock's now), one plan per transaction, exactly once per plan and date however
   * often and however concurrently it runs. `system` and `user` actors may run it;
   * `sweepAllTenants` runs it for every tenant.
   * @emits Each occurrence's `invoice.created`, `invoice.submitted` or `invoice.issued` and
   *   `invoice.sent`, and `plan.occurrences_generated`.
   */
  generateDue(
    context: Context,
    input?: GenerateDueOccurrencesInput,
  ): Promise<GenerateDueOccurrencesResult>;
}

/**
 * `remit.quotes`: offers before the work, and their deposits. Moves return `{ quote, events }`
 * and more where said; a move from the wrong status is `InvalidTransitionError`.
 * @group Service
 */
export interface QuotesApi {
  /**
   * A priced offer in `draft`, calculated like an invoice.
   * @param input {@link QuoteInput}.
   * @throws `NotFoundError` for an unknown customer.
   * @emits `quote.created`.
   */
  create(context: Context, input: QuoteInput): Promise<MoveResult<{ quote: Quote }>>;
  /**
   * Changes a `draft` or `sent` quote; its status stays.
   * @param input {@link ReviseQuoteInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `quote.revised`.
   */
  revise(context: Context, input: ReviseQuoteInput): Promise<MoveResult<{ quote: Quote }>>;
  /**
   * Sends the quote to the customer: `draft` (or `sent` again) → `sent`. With `channels`, one
   * `quote` delivery per channel (email and/or SMS, now or at `at`) carries the link to the hosted
   * quote page, sent by the outbox worker with the tenant's `quote*` templates; a quote approved,
   * declined or expired before its send goes out is not sent. Without `channels` it is only
   * marked sent.
   * The first send makes its hosted page's token (`quote.publicToken`); later sends keep it.
   * @param input {@link QuoteMoveInput}.
   * @returns `{ quote, deliveries, events }`.
   * @throws `NotFoundError`; `InvalidTransitionError`; `DeliveryError` (`missing_contact`,
   *   `recipient_opted_out`), storing nothing.
   * @emits `quote.sent` (with `deliveryIds`).
   */
  send(
    context: Context,
    input: QuoteMoveInput,
  ): Promise<MoveResult<{ quote: Quote; deliveries: Delivery[] }>>;
  /**
   * The customer accepts: `sent` → `approved`. Refused once expired.
   * @param input {@link ApproveQuoteInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `quote.approved`.
   */
  approve(context: Context, input: ApproveQuoteInput): Promise<MoveResult<{ quote: Quote }>>;
  /**
   * The customer says no: `sent` → `declined`, with a reason.
   * @param input {@link DeclineQuoteInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`.
   * @emits `quote.declined`.
   */
  decline(context: Context, input: DeclineQuoteInput): Promise<MoveResult<{ quote: Quote }>>;
  /**
   * Records a deposit on an approved quote; applied to its invoice at issue. Requires an
   * `idempotencyKey`.
   * @param input {@link RecordDepositInput}.
   * @throws `NotFoundError`; `InvalidTransitionError` unless `approved`.
   * @emits `quote.deposit_recorded`.
   */
  recordDeposit(
    context: Context,
    input: RecordDepositInput,
  ): Promise<MoveResult<{ quote: Quote; payment: Payment }>>;
  /**
   * Refunds (part of) a deposit still held on the quote. Requires an `idempotencyKey`.
   * @param input {@link RefundDepositInput}.
   * @throws `NotFoundError`; `InvalidTransitionError`; `ValidationError` for more than is held.
   * @emits `quote.deposit_refunded`.
   */
  refundDeposit(
    context: Context,
    input: RefundDepositInput,
  ): Promise<MoveResult<{ quote: Quote; refund: Refund }>>;
  /**
   * An approved quote becomes one work order (`open`), with the quote's lines.
   * @param input {@link ConvertQuoteInput}.
   * @throws `NotFoundError`; `InvalidTransitionError` unless `approved`, or already converted.
   * @emits `work_order.created`.
   */
  convertToWorkOrder(
    context: Context,
    input: ConvertQuoteInput,
  ): Promise<MoveResult<{ quote: Quote; workOrder: WorkOrder }>>;
  /**
   * Moves each `sent` quote past its `expiresOn` to `expired`. Idempotent; `sweepAllTenants`
   * runs it for every tenant.
   * @returns How many quotes it moved.
   * @emits `quote.expired` for each.
   */
  sweepExpired(context: Context, input?: { at?: string }): Promise<{ moved: number }>;
  /**
   * A quote with its deposits.
   * @throws `NotFoundError`.
   */
  get(
    context: Context,
    input: { id: string },
  ): Promise<{ quote: Quote; deposits: Payment[]; deliveries: Delivery[] }>;
  /**
   * Newest first, by status and customer, one page at a time.
   * @param input {@link ListQuotesInput}.
   * @returns A page: `items` and `nextCursor` (`null` on the last page).
   */
  list(context: Context, input?: ListQuotesInput): Promise<Page<Quote>>;
  /**
   * The sent quote behind a customer's hosted-page link (`/q/<token>`), across tenants; no
   * context. The token is made when the quote is first sent (`quote.publicToken`).
   * @throws `NotFoundError` for an unknown token; `NotSupportedError` on a store written before
   * quote tokens.
   * @since 0.3.0
   */
  getByPublicToken(input: { token: string }): Promise<Quote>;
}

/**
 * `remit.events`: the tenant's event log, and handlers the outbox worker runs.
 * @group Service
 */
export interface EventsApi {
  /**
   * The tenant's event feed in commit order, one page at a time (`limit`, default 100, at most
   * 1,000). Pass the previous page's `nextCursor` as `cursor` to read on: an event committed
   * after a page was read is on a later page, never skipped, so a reader following the cursor
   * sees every event exactly once. The feed has no last page: `nextCursor` is always set, and a
   * page shorter than `limit` means caught up; keep the cursor and ask again later.
   *
   * `after` (an event id) is deprecated since 0.2.0 and goes in 0.3.0: use `cursor`.
   *
   * @param input {@link ListEventsInput}.
   * @returns `{ items, nextCursor }`.
   * @example
   * ```ts
   * let cursor: string | undefined; // stored by the host app between polls
   * const page = await remit.events.list(ctx, { cursor, limit: 100 });
   * for (const event of page.items) await forward(event);
   * cursor = page.nextCursor;
   * ```
   */
  list(context: Context, input?: ListEventsInput): Promise<EventPage>;
  /**
   * Runs `handler` from the outbox worker for each event of `type` (or `"*"`), at least once:
   * deduplicate by `event.id`. Give a stable `name` so retries skip handlers that succeeded.
   *
   * @returns A function that unregisters the handler.
   */
  on(type: RemitEventType | "*", handler: EventHandler, options?: { name?: string }): () => void;
  /**
   * Calls `listener` in this process right after each move commits, with the tenant and the
   * events it committed, before the move's promise resolves (for in-process caches). Not
   * durable, and not told of other processes' moves.
   *
   * @returns A function that removes the listener.
   * @since 0.2.0
   */
  onCommit(listener: CommitListener): () => void;
}

/**
 * `remit.reports`: reads across a tenant's invoices, for the back office.
 * @group Service
 * @since 0.3.0
 */
export interface ReportsApi {
  /**
   * The aging report: every open invoice's `amountDue` (`pending_payment` and `past_due`; an
   * `uncollectible` invoice's balance is written off, so it is left out) per customer and currency,
   * in buckets by calendar days past the due date at the tenant's local date of `asOf`: `current`
   * (not yet due, due that day, or no due date), 1–30, 31–60, 61–90 and over 90. Balances are the
   * invoices' current ones; `asOf` only sets the day the days count to.
   * @param input {@link AgingInput}: `asOf`, an instant (default: now).
   * @returns {@link AgingReport}, with rows per customer and currency and totals per currency.
   * @throws `ValidationError`; `NotSupportedError` on a store without `invoices.listOpen`.
   *
   * @example
   * ```ts
   * const { customers, totals } = await remit.reports.aging(ctx, {});
   * ```
   */
  aging(context: Context, input?: AgingInput): Promise<AgingReport>;
  /**
   * A customer's statement in one currency (default: the tenant's) for the local dates `from` to
   * `to`, both included: the opening balance, every invoice issued, payment received, succeeded
   * refund, credit note, write-off and credit applied in the period with the running balance, the
   * sums by kind, the closing balance, and the invoices open now. The balance is what the customer
   * owes less the credit they hold; it reconciles exactly (`openingBalance + invoiced − paid +
   * refunded − credited − writtenOff = closingBalance`; applied credit moves money between two of
   * the customer's invoices and changes nothing). Drafts, invoices in review and cancelled
   * invoices are left out. `@remit/pdf`'s `renderStatementPdf` prints it.
   * @param input {@link CustomerStatementInput}.
   * @returns {@link CustomerStatement}.
   * @throws `ValidationError` (also when `to` is before `from`); `NotFoundError` for an unknown
   * customer; `NotSupportedError` on a store without credit notes.
   *
   * @example
   * ```ts
   * const statement = await remit.reports.customerStatement(ctx, {
   *   customerId: customer.id,
   *   from: "2026-03-01",
   *   to: "2026-03-31",
   * });
   * ```
   */
  customerStatement(context: Context, input: CustomerStatementInput): Promise<CustomerStatement>;
}

/**
 * `remit.deliveries`: deliveries of emails and texts.
 * @group Service
 */
export interface DeliveriesApi {
  /**
   * A provider's status report for a message (SMS status callbacks). A delivery's status only
   * moves forward: a report of an earlier status keeps the current one.
   *
   * @param input {@link ReportDeliveryInput}.
   * @returns `{ delivery, events }`.
   * @throws `NotFoundError` for an unknown `providerMessageId`.
   * @emits `invoice.delivery_updated`.
   */
  report(context: Context, input: ReportDeliveryInput): Promise<MoveResult<{ delivery: Delivery }>>;
}
