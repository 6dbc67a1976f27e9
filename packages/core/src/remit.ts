import type { Customer } from "./customers/customer";
import type { CommitListener, EventHandler } from "./events/event-handlers";
import type { RemitEvent, RemitEventType } from "./events/remit-event";
import type { Delivery } from "./invoices/delivery";
import type { Invoice } from "./invoices/invoice";
import type { Payment, Refund } from "./invoices/payment";
import type { InvoiceDetails } from "./invoices/reads/read-invoices";
import type { Clock } from "./ports/clock";
import type { EventPage, Page } from "./ports/store/index";
import type { Quote } from "./quotes/quote";
import type * as inputs from "./remit-inputs";
import type { Actor } from "./service/actor";
import type { Tenant } from "./tenants/tenant-settings";
import type { InvoiceDraft } from "./work-orders/draft-invoice-from-work-order";
import type { WorkOrder } from "./work-orders/work-order";

/**
 * The first argument of every call: whose records (`tenantId`, one contractor business) and who
 * is acting. Checked on every call; a bad context is a `ValidationError` at `tenantId` or `actor`.
 *
 * @example
 * ```ts
 * const ctx: Context = { tenantId: "acme-plumbing", actor: { type: "user", id: "u_1" } };
 * ```
 */
export type Context = { tenantId: string; actor: Actor };

/** What a move returns: the records it changed and the events it appended, in order. */
export type MoveResult<Records> = Records & { events: RemitEvent[] };

/**
 * The Remit service, as `createRemit` returns it. Every call takes a {@link Context} first and one
 * input object; every move runs in one store transaction, checks its input with zod (a
 * `ValidationError` naming each bad field, nothing written), and takes an optional
 * `idempotencyKey` (a repeat returns the first result and writes nothing).
 */
export type Remit = {
  /** One contractor business's settings. They apply to later moves only. */
  readonly tenants: {
    /**
     * Saves settings: fields left out keep their current (or default) value; the whole result is
     * validated. Emits `tenant.updated` with the names of the fields that changed.
     * @example
     * ```ts
     * await remit.tenants.upsert(ctx, { currency: "USD", timeZone: "America/Chicago" });
     * ```
     */
    upsert(context: Context, settings: inputs.UpsertTenantInput): Promise<Tenant>;
    /** The tenant's settings; the defaults before any were saved. */
    get(context: Context): Promise<Tenant>;
    /**
     * The tenant whose settings hold `accountId` as its account at `provider`, across tenants
     * (no context: a provider's webhook names the account, not the tenant), or `null`.
     * @since 0.2.0
     * @example
     * ```ts
     * const tenant = await remit.tenants.findByPaymentAccount({ provider: "stripe", accountId });
     * ```
     */
    findByPaymentAccount(input: inputs.FindTenantByPaymentAccountInput): Promise<Tenant | null>;
    /**
     * Records that the owner of the tenant's account at `provider` took the platform's access away:
     * the account keeps its id, gets `disconnectedAt` and `chargesEnabled: false`, and no online
     * payment is offered through it. Emits `tenant.updated` and `payments.account_disconnected`
     * once; an account already disconnected is left as it is (no events). `NotFoundError` when the
     * tenant does not hold that account.
     * @since 0.2.0
     */
    disconnectPaymentAccount(
      context: Context,
      input: inputs.DisconnectPaymentAccountInput,
    ): Promise<MoveResult<{ tenant: Tenant }>>;
  };

  /** The people and companies a tenant bills. */
  readonly customers: {
    /** Adds a customer (phone normalized to E.164). Emits `customer.created`. */
    create(context: Context, input: inputs.CreateCustomerInput): Promise<Customer>;
    /**
     * Changes the fields sent. With `expectedVersion`, refused (`version_conflict`) if the
     * customer changed since it was read. Emits `customer.updated` with the fields that changed.
     */
    update(context: Context, input: inputs.UpdateCustomerInput): Promise<Customer>;
    /** One customer, or `NotFoundError`. */
    get(context: Context, input: { id: string }): Promise<Customer>;
    /** By id, one page at a time; `search` matches name, email or phone, case-insensitively. */
    list(context: Context, input?: inputs.ListCustomersInput): Promise<Page<Customer>>;
  };

  /** Every invoice move and read. Moves return `{ invoice, events }` and more where said. */
  readonly invoices: {
    /**
     * A new invoice in `pending_action`, revision 1, calculated exactly. With `issue: true`
     * ("save & issue") it is issued in the same transaction. Emits `invoice.created`.
     * @example
     * ```ts
     * const { invoice } = await remit.invoices.create(ctx, {
     *   customerId: customer.id,
     *   lines: [{ kind: "labor", description: "Unclog drain", quantity: "1.5", unitPrice: "95.00" }],
     * });
     * ```
     */
    create(
      context: Context,
      input: inputs.CreateInvoiceInput,
    ): Promise<MoveResult<{ invoice: Invoice }>>;
    /** Edits an unissued invoice; every edit is a new revision. Emits `invoice.updated`. */
    update(
      context: Context,
      input: inputs.UpdateInvoiceInput,
    ): Promise<MoveResult<{ invoice: Invoice }>>;
    /** Sends a draft for a manager's review: → `pending_review`. Emits `invoice.submitted`. */
    submit(
      context: Context,
      input: inputs.InvoiceMoveInput,
    ): Promise<MoveResult<{ invoice: Invoice }>>;
    /** Sends a reviewed invoice back with a reason: → `pending_action`. */
    requestChanges(
      context: Context,
      input: inputs.ReasonedInvoiceMoveInput,
    ): Promise<MoveResult<{ invoice: Invoice }>>;
    /**
     * Issues (approves) the invoice: its gapless number, due date and public token. With `send`
     * ("save & send") it is also sent in the same transaction. Emits `invoice.issued`.
     */
    issue(
      context: Context,
      input: inputs.IssueInvoiceWithSendInput,
    ): Promise<MoveResult<{ invoice: Invoice; deliveries?: Delivery[] }>>;
    /** Sends an issued invoice by email and/or text, now or at `at`. Emits `invoice.sent`. */
    send(
      context: Context,
      input: inputs.SendInvoiceInput,
    ): Promise<MoveResult<{ invoice: Invoice; deliveries: Delivery[] }>>;
    /**
     * Records money received (check, cash, card via a provider). Partial payments lower
     * `amountDue`; the full amount makes the invoice `paid`; more is kept as a credit. A
     * provider's payment that matches no invoice is stored as unmatched (`invoice: null`).
     * Requires an `idempotencyKey`.
     */
    recordPayment(
      context: Context,
      input: inputs.RecordPaymentInput,
    ): Promise<MoveResult<{ invoice: Invoice | null; payment: Payment }>>;
    /** A provider's report of a failed attempt to pay: appends `invoice.payment_failed`. */
    reportPaymentFailure(
      context: Context,
      input: inputs.ReportPaymentFailureInput,
    ): Promise<MoveResult<{ invoice: Invoice }>>;
    /** Refunds (part of) a payment; through its provider when it has one. Emits `invoice.refunded`. */
    refund(
      context: Context,
      input: inputs.RefundPaymentInput,
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
    /** A provider's (or the worker's) answer to a pending refund: succeeded or failed. */
    resolveRefund(
      context: Context,
      input: inputs.ResolveRefundInput,
    ): Promise<MoveResult<{ invoice: Invoice; refund: Refund }>>;
    /** Withdraws an invoice for a reason (kept, with its number). Emits `invoice.cancelled`. */
    cancel(
      context: Context,
      input: inputs.ReasonedInvoiceMoveInput,
    ): Promise<MoveResult<{ invoice: Invoice }>>;
    /**
     * Revokes the customer's link and makes a new one: the old token stops finding the invoice.
     * Any issued invoice, paid and cancelled included. Emits `invoice.public_token_rotated`.
     * @since 0.2.0
     */
    rotatePublicToken(
      context: Context,
      input: inputs.InvoiceMoveInput,
    ): Promise<MoveResult<{ invoice: Invoice }>>;
    /** One invoice with its revisions, payments, refunds, deliveries and events. */
    get(context: Context, input: { id: string }): Promise<InvoiceDetails>;
    /** The invoice behind a customer's hosted-page link, across tenants; no context. */
    getByPublicToken(input: { token: string }): Promise<Invoice>;
    /** Newest first, filtered, one page at a time (`nextCursor`). */
    list(context: Context, input?: inputs.ListInvoicesInput): Promise<Page<Invoice>>;
    /**
     * Moves each `pending_payment` invoice due before the tenant's local date to `past_due`, one
     * batch per transaction. Idempotent. Emits `invoice.past_due` for each.
     */
    sweepPastDue(context: Context, input?: inputs.SweepPastDueInput): Promise<{ moved: number }>;
  };

  /** Jobs from first call to invoice. Moves return `{ workOrder, events }`. */
  readonly workOrders: {
    /** A job in `open`, with its labor, materials, services and fees. */
    create(
      context: Context,
      input: inputs.WorkOrderInput,
    ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
    /** Changes the fields sent, before the job is invoiced. Requires `expectedVersion`. */
    update(
      context: Context,
      input: inputs.UpdateWorkOrderInput,
    ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
    /** Books a date, a time window and a technician: → `scheduled`. */
    schedule(
      context: Context,
      input: inputs.ScheduleWorkOrderInput,
    ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
    /** The technician starts: → `in_progress`. */
    start(
      context: Context,
      input: inputs.WorkOrderMoveInput,
    ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
    /** Work done: → `complete_invoice_needed`, ready for review & submit. */
    complete(
      context: Context,
      input: inputs.WorkOrderMoveInput,
    ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
    /** Withdraws the job for a reason; refused once it is invoiced. */
    cancel(
      context: Context,
      input: inputs.CancelWorkOrderInput,
    ): Promise<MoveResult<{ workOrder: WorkOrder }>>;
    /** One work order, or `NotFoundError`. */
    get(context: Context, input: { id: string }): Promise<WorkOrder>;
    /** Newest first, by status and customer, one page at a time. */
    list(context: Context, input?: inputs.ListWorkOrdersInput): Promise<Page<WorkOrder>>;
    /** The invoice draft for "review & submit": show it, let the user change it, then `submitInvoice`. */
    draftInvoice(context: Context, input: inputs.DraftWorkOrderInvoiceInput): Promise<InvoiceDraft>;
    /**
     * "Review & submit": creates the invoice from the draft with the user's `changes` and submits
     * it for review (or issues it where the tenant needs none), in one transaction. A second
     * submit is `invalid_transition` and creates no second invoice.
     */
    submitInvoice(
      context: Context,
      input: inputs.SubmitWorkOrderInvoiceInput,
    ): Promise<MoveResult<{ workOrder: WorkOrder; invoice: Invoice }>>;
  };

  /** Offers before the work. Moves return `{ quote, events }` and more where said. */
  readonly quotes: {
    /** A priced offer in `draft`, calculated like an invoice. */
    create(context: Context, input: inputs.QuoteInput): Promise<MoveResult<{ quote: Quote }>>;
    /** Changes a `draft` or `sent` quote; its status stays. */
    revise(context: Context, input: inputs.ReviseQuoteInput): Promise<MoveResult<{ quote: Quote }>>;
    /** Marks the quote sent to the customer: → `sent`. */
    send(context: Context, input: inputs.QuoteMoveInput): Promise<MoveResult<{ quote: Quote }>>;
    /** The customer accepts: `sent` → `approved`. Refused once expired. */
    approve(
      context: Context,
      input: inputs.ApproveQuoteInput,
    ): Promise<MoveResult<{ quote: Quote }>>;
    /** The customer says no: `sent` → `declined`, with a reason. */
    decline(
      context: Context,
      input: inputs.DeclineQuoteInput,
    ): Promise<MoveResult<{ quote: Quote }>>;
    /** Records a deposit on an approved quote; applied to its invoice at issue. */
    recordDeposit(
      context: Context,
      input: inputs.RecordDepositInput,
    ): Promise<MoveResult<{ quote: Quote; payment: Payment }>>;
    /** Refunds (part of) a deposit still held on the quote. */
    refundDeposit(
      context: Context,
      input: inputs.RefundDepositInput,
    ): Promise<MoveResult<{ quote: Quote; refund: Refund }>>;
    /** An approved quote becomes one work order (`open`), with the quote's lines. */
    convertToWorkOrder(
      context: Context,
      input: inputs.ConvertQuoteInput,
    ): Promise<MoveResult<{ quote: Quote; workOrder: WorkOrder }>>;
    /** Moves each `sent` quote past its `expiresOn` to `expired`. Idempotent. */
    sweepExpired(context: Context, input?: { at?: string }): Promise<{ moved: number }>;
    /** A quote with its deposits. */
    get(context: Context, input: { id: string }): Promise<{ quote: Quote; deposits: Payment[] }>;
    /** Newest first, by status and customer, one page at a time. */
    list(context: Context, input?: inputs.ListQuotesInput): Promise<Page<Quote>>;
  };

  /** The tenant's event log, and handlers the outbox worker runs. */
  readonly events: {
    /**
     * The tenant's event feed in commit order, one page at a time (`limit`, default 100, at most
     * 1,000). Pass the previous page's `nextCursor` as `cursor` to read on: an event committed
     * after a page was read is on a later page, never skipped, so a reader following the cursor
     * sees every event exactly once. The feed has no last page: `nextCursor` is always set, and a
     * page shorter than `limit` means caught up; keep the cursor and ask again later.
     *
     * `after` (an event id) is deprecated since 0.2.0 and goes in 0.3.0: use `cursor`.
     *
     * @example
     * ```ts
     * let cursor: string | undefined; // stored by the host app between polls
     * const page = await remit.events.list(ctx, { cursor, limit: 100 });
     * for (const event of page.items) await forward(event);
     * cursor = page.nextCursor;
     * ```
     */
    list(context: Context, input?: inputs.ListEventsInput): Promise<EventPage>;
    /**
     * Runs `handler` from the outbox worker for each event of `type` (or `"*"`), at least once:
     * deduplicate by `event.id`. Give a stable `name` so retries skip handlers that succeeded.
     * Returns a function that unregisters it.
     */
    on(type: RemitEventType | "*", handler: EventHandler, options?: { name?: string }): () => void;
    /**
     * Calls `listener` in this process right after each move commits, with the tenant and the
     * events it committed, before the move's promise resolves (for in-process caches). Not
     * durable, and not told of other processes' moves. Returns a function that removes it.
     *
     * @since 0.2.0
     */
    onCommit(listener: CommitListener): () => void;
  };

  /** Deliveries of emails and texts. */
  readonly deliveries: {
    /** A provider's status report for a message (SMS status callbacks). */
    report(
      context: Context,
      input: inputs.ReportDeliveryInput,
    ): Promise<MoveResult<{ delivery: Delivery }>>;
  };

  /** The service's clock (the `Clock` port it was created with), for adapters that need "now". */
  readonly clock: Clock;
};
