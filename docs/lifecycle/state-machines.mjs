// The one source of the lifecycle pictures and tables in the guide. scripts/write-lifecycle.mjs
// writes them into the pages (between `<!-- generated:NAME -->` markers) and
// test/lifecycle.test.ts checks both that the pages are up to date and that every move is
// allowed from exactly the statuses listed here, against @remit/core itself. A new status or move
// starts here.

/**
 * An edge is one way a call can move a record: `from` (null: the call creates it), `to` ("same"
 * keeps the status), and `when` for a condition. `check: false` marks an edge the behaviour test
 * cannot reach with a manual payment and a default tenant (it names why in `when`).
 */

export const invoiceMachine = {
  name: "invoice",
  statuses: [
    { id: "pending_action", meaning: "a draft, being written or changed" },
    { id: "pending_review", meaning: "submitted, waiting for a manager's review" },
    { id: "pending_payment", meaning: "issued: numbered, with a due date and a public link" },
    { id: "past_due", meaning: "issued, money still due after the due date" },
    { id: "paid", meaning: "nothing due (any overpayment is kept as `credit`)" },
    {
      id: "uncollectible",
      meaning: "written off as bad debt (`writtenOff`); later payments still count",
    },
    { id: "cancelled", meaning: "withdrawn for a reason; keeps its number" },
  ],
  moves: [
    {
      call: "create",
      edges: [{ from: null, to: "pending_action" }],
      note: "revision 1; with `issue: true` it is issued in the same transaction",
    },
    {
      call: "update",
      edges: ["pending_action", "pending_review", "pending_payment", "past_due", "paid"].map(
        (status) => ({ from: status, to: "same" }),
      ),
      note: "a new revision; requires `expectedVersion`; after issue the total less credit notes stays at least the amount paid (lower needs a credit note), and the status follows the money rule",
    },
    {
      call: "submit",
      edges: [{ from: "pending_action", to: "pending_review" }],
      note: "needs a customer and a line",
    },
    {
      call: "requestChanges",
      edges: [{ from: "pending_review", to: "pending_action" }],
      note: "needs a reason",
    },
    {
      call: "issue",
      edges: [
        { from: "pending_review", to: "pending_payment" },
        { from: "pending_action", to: "pending_payment", when: "the tenant needs no review" },
        { from: "pending_review", to: "past_due", when: "its fixed due date already passed" },
        { from: "pending_action", to: "past_due", when: "no review needed, due date passed" },
        { from: "pending_review", to: "paid", when: "quote deposits cover the total" },
        {
          from: "pending_action",
          to: "paid",
          when: "no review needed and deposits cover the total",
        },
      ],
      note: "assigns the gapless number, the due date and the public token",
    },
    {
      call: "send",
      edges: [
        { from: "pending_payment", to: "same" },
        { from: "past_due", to: "same" },
      ],
      note: "email and/or SMS, now or at a time",
    },
    {
      call: "recordPayment",
      edges: [
        { from: "pending_payment", to: "paid", when: "nothing is left due" },
        { from: "pending_payment", to: "same", when: "part paid" },
        { from: "past_due", to: "paid", when: "nothing is left due" },
        { from: "past_due", to: "same", when: "part paid" },
        { from: "paid", to: "same", when: "an overpayment, kept as credit" },
        { from: "uncollectible", to: "paid", when: "nothing is left written off" },
        { from: "uncollectible", to: "same", when: "the written-off amount shrinks" },
        { from: "cancelled", to: "same", when: "reported by a provider", check: false },
      ],
      note: "requires an `idempotencyKey`",
    },
    {
      call: "reportPaymentFailure",
      edges: [
        "pending_action",
        "pending_review",
        "pending_payment",
        "past_due",
        "paid",
        "cancelled",
      ].map((status) => ({ from: status, to: "same" })),
      note: "a provider's failed attempt: appends `invoice.payment_failed` and changes nothing",
      diagram: false,
    },
    {
      call: "refund",
      edges: [
        { from: "paid", to: "pending_payment", when: "money due again, before the due date" },
        { from: "paid", to: "past_due", when: "money due again, after the due date" },
        { from: "paid", to: "same", when: "a credit refunded, nothing due" },
        { from: "pending_payment", to: "same" },
        { from: "past_due", to: "same" },
        { from: "uncollectible", to: "same", when: "the written-off amount grows" },
        { from: "cancelled", to: "same" },
      ],
      note: "through the payment's provider when it has one; counts once it succeeded",
    },
    {
      call: "resolveRefund",
      edges: ["paid", "pending_payment", "past_due", "uncollectible", "cancelled"].map(
        (status) => ({
          from: status,
          to: "same",
          when: "or as `refund` when a pending refund succeeded",
        }),
      ),
      note: "a provider's answer to a pending refund",
      diagram: false,
    },
    {
      call: "sweepPastDue",
      edges: [
        {
          from: "pending_payment",
          to: "past_due",
          when: "the due date passed, by the tenant's local date",
          check: false,
        },
      ],
      note: "idempotent; then adds the late fees due on `past_due` invoices (a `late_fee` line each, once per period); run by `sweepAllTenants` or the worker's `sweepEvery`",
    },
    {
      call: "cancel",
      edges: ["pending_action", "pending_review", "pending_payment", "past_due"].map((status) => ({
        from: status,
        to: "cancelled",
      })),
      note: "needs a reason; refused while money other than quote deposits is recorded",
    },
    {
      call: "rotatePublicToken",
      edges: ["pending_payment", "past_due", "paid", "uncollectible", "cancelled"].map(
        (status) => ({ from: status, to: "same" }),
      ),
      note: "a new customer link; the old one stops working",
    },
    {
      call: "issueCreditNote",
      edges: [
        { from: "pending_payment", to: "paid", when: "nothing is left due" },
        { from: "pending_payment", to: "same" },
        { from: "past_due", to: "paid", when: "nothing is left due" },
        { from: "past_due", to: "same" },
        { from: "paid", to: "same", when: "below the amount paid it becomes credit" },
        { from: "uncollectible", to: "same", when: "the written-off amount shrinks" },
      ],
      note: "an amount with tax or lines, taxes reversed exactly; own gapless series; never more than the total less earlier notes",
    },
    {
      call: "writeOff",
      edges: [
        { from: "pending_payment", to: "uncollectible" },
        { from: "past_due", to: "uncollectible" },
      ],
      note: "needs a reason; the balance is recorded as `writtenOff`; no reminders, no sweep",
    },
    {
      call: "applyCredit",
      edges: [
        {
          from: "pending_payment",
          to: "paid",
          when: "the receiving invoice, when the credit covers it",
          check: false,
        },
        { from: "past_due", to: "paid", when: "the receiving invoice, covered", check: false },
        {
          from: "uncollectible",
          to: "paid",
          when: "the receiving invoice, covered",
          check: false,
        },
      ],
      note: "credit from one invoice to another open one of the same customer and currency, one transaction; the giving invoice keeps its status",
      diagram: false,
    },
  ],
};

export const workOrderMachine = {
  name: "workOrder",
  statuses: [
    { id: "open", meaning: "created, not scheduled" },
    { id: "scheduled", meaning: "has a date, a time window and a technician" },
    { id: "in_progress", meaning: "work started" },
    { id: "complete_invoice_needed", meaning: "work done, no invoice yet" },
    { id: "invoiced", meaning: "an invoice was made from it" },
    { id: "cancelled", meaning: "withdrawn (refused once invoiced)" },
  ],
  moves: [
    {
      call: "create",
      edges: [{ from: null, to: "open" }],
      note: "or `quotes.convertToWorkOrder` from an approved quote",
    },
    {
      call: "update",
      edges: ["open", "scheduled", "in_progress", "complete_invoice_needed"].map((status) => ({
        from: status,
        to: "same",
      })),
      note: "requires `expectedVersion`",
    },
    {
      call: "schedule",
      edges: [
        { from: "open", to: "scheduled" },
        { from: "scheduled", to: "same", when: "rescheduled" },
      ],
      note: "a date, a time window and a technician",
    },
    {
      call: "start",
      edges: [
        { from: "open", to: "in_progress" },
        { from: "scheduled", to: "in_progress" },
      ],
      note: "the technician starts",
    },
    {
      call: "complete",
      edges: ["open", "scheduled", "in_progress"].map((status) => ({
        from: status,
        to: "complete_invoice_needed",
      })),
      note: "work done, ready for review & submit",
    },
    {
      call: "submitInvoice",
      edges: [{ from: "complete_invoice_needed", to: "invoiced" }],
      note: "creates the invoice from the draft and submits (or issues) it, in one transaction",
    },
    {
      call: "cancel",
      edges: ["open", "scheduled", "in_progress", "complete_invoice_needed"].map((status) => ({
        from: status,
        to: "cancelled",
      })),
      note: "needs a reason; cancel the invoice first once invoiced",
    },
  ],
};

/**
 * From the first call to the money: each step names the call that makes it (checked to exist on
 * the service by the test) and what it leaves behind.
 */
export const paymentFlow = [
  { id: "quote", text: "Quote approved", call: "quotes.approve", optional: true },
  { id: "wo", text: "Work order done", call: "workOrders.complete" },
  { id: "draft", text: "Invoice draft reviewed", call: "workOrders.draftInvoice" },
  { id: "submitted", text: "Invoice submitted", call: "workOrders.submitInvoice" },
  { id: "issued", text: "Invoice issued: number, due date, link", call: "invoices.issue" },
  { id: "sent", text: "Sent by email or SMS", call: "invoices.send" },
  { id: "pay", text: "Customer pays (hosted page, Stripe Checkout, check)", call: null },
  { id: "recorded", text: "Payment recorded", call: "invoices.recordPayment" },
  { id: "paid", text: "Invoice paid; invoice.paid to your handlers", call: "events.on" },
];
