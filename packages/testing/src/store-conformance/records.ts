import {
  type CreditApplication,
  type CreditNote,
  type Customer,
  type Delivery,
  type IdempotencyRecord,
  type Invoice,
  type InvoiceRevision,
  type InvoiceStore,
  type OutboxJob,
  type Payment,
  type Quote,
  type Refund,
  type RemitEvent,
  type StoreTransaction,
  type Tenant,
  tenantSettingsSchema,
  type WorkOrder,
} from "@remit/core";

// Plain records to write through the store port, valid for every column and foreign key of an SQL
// backend. Ids are ULID-like so they sort by their number: `id("inv", 3)` < `id("inv", 12)`.

export const at = "2026-03-01T10:00:00.000Z";

export function id(prefix: string, n: number): string {
  return `${prefix}_01J${String(n).padStart(23, "0")}`;
}

/** The number an id of `id()` was made from: `serial({ id: id("inv", 4) })` is 4. */
export function serial(record: { id: string }): number {
  return Number(record.id.slice(-23));
}

/** Runs `work` in one transaction of `tenantId`. */
export function inTenant<T>(
  store: InvoiceStore,
  tenantId: string,
  work: (transaction: StoreTransaction) => Promise<T>,
): Promise<T> {
  return store.transaction({ tenantId, work });
}

/** A tenant with every setting at its default (the core's schema fills them) but a few. */
export function tenantRecord(tenantId: string, overrides: Partial<Tenant> = {}): Tenant {
  return {
    ...tenantSettingsSchema.parse({ name: `Business ${tenantId}`, timeZone: "America/Chicago" }),
    id: tenantId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function customerRecord(
  tenantId: string,
  n: number,
  overrides: Partial<Customer> = {},
): Customer {
  return {
    tenantId,
    id: id("cus", n),
    version: 1,
    name: `Customer ${n}`,
    email: `customer${n}@example.com`,
    phone: null,
    billingAddress: { line1: "1 Main St", city: "Austin", country: "US" },
    optedOut: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function invoiceRecord(
  tenantId: string,
  n: number,
  overrides: Partial<Invoice> = {},
): Invoice {
  return {
    tenantId,
    id: id("inv", n),
    version: 1,
    status: "pending_action",
    revision: 1,
    currency: "USD",
    customer: {
      id: id("cus", n),
      name: `Customer ${n}`,
      email: null,
      phone: null,
      billingAddress: null,
    },
    terms: "net_30",
    content: { lines: [{ description: "Labor", quantity: "2", unitPrice: "85.00" }] },
    totals: { subtotal: "170.00", total: "170.00" } as unknown as Invoice["totals"],
    total: "170.00",
    creditNoteTotal: "0.00",
    amountPaid: "0.00",
    amountDue: "170.00",
    credit: "0.00",
    writtenOff: "0.00",
    writeOffReason: null,
    lateFee: null,
    writtenOffAt: null,
    refundPending: "0.00",
    number: null,
    series: null,
    sequence: null,
    issueDate: null,
    dueDate: null,
    publicToken: null,
    workOrderId: null,
    quoteId: null,
    progress: null,
    cancellationReason: null,
    changesRequestedReason: null,
    createdAt: at,
    updatedAt: at,
    issuedAt: null,
    paidAt: null,
    cancelledAt: null,
    createdBy: { type: "user", id: "usr_1" },
    ...overrides,
  } as Invoice;
}

/** An issued invoice: numbered, dated, with a public token. */
export function issuedInvoiceRecord(
  tenantId: string,
  n: number,
  overrides: Partial<Invoice> = {},
): Invoice {
  return invoiceRecord(tenantId, n, {
    status: "pending_payment",
    number: `INV-${String(n).padStart(4, "0")}`,
    series: "INV-",
    sequence: n,
    issueDate: "2026-03-01",
    dueDate: "2026-03-31",
    publicToken: `token-${tenantId}-${n}`,
    issuedAt: at,
    ...overrides,
  });
}

export function revisionRecord(invoice: Invoice, revision = 1): InvoiceRevision {
  return {
    tenantId: invoice.tenantId,
    invoiceId: invoice.id,
    revision,
    currency: invoice.currency,
    customer: invoice.customer,
    terms: invoice.terms,
    content: invoice.content,
    totals: invoice.totals,
    actor: { type: "user", id: "usr_1" },
    createdAt: at,
  };
}

export function paymentRecord(
  tenantId: string,
  n: number,
  overrides: Partial<Payment> = {},
): Payment {
  return {
    tenantId,
    id: id("pay", n),
    invoiceId: null,
    amount: "50.00",
    currency: "USD",
    method: "check",
    reference: `check ${n}`,
    provider: null,
    quoteId: null,
    status: "succeeded",
    receivedAt: at,
    idempotencyKey: `payment-key-${n}`,
    actor: { type: "user", id: "usr_1" },
    createdAt: at,
    ...overrides,
  };
}

export function refundRecord(
  tenantId: string,
  n: number,
  paymentId: string,
  overrides: Partial<Refund> = {},
): Refund {
  return {
    tenantId,
    id: id("ref", n),
    invoiceId: null,
    paymentId,
    amount: "10.00",
    currency: "USD",
    status: "succeeded",
    reason: null,
    provider: null,
    providerRefundId: null,
    idempotencyKey: `refund-key-${n}`,
    actor: { type: "user", id: "usr_1" },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function deliveryRecord(
  tenantId: string,
  n: number,
  invoiceId: string,
  overrides: Partial<Delivery> = {},
): Delivery {
  return {
    tenantId,
    id: id("dlv", n),
    invoiceId,
    purpose: "invoice",
    creditNoteId: null,
    quoteId: null,
    channel: "email",
    recipient: `customer${n}@example.com`,
    status: "queued",
    providerStatus: null,
    providerMessageId: null,
    reason: null,
    sourceId: id("evt", n),
    scheduledFor: at,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function eventRecord(
  tenantId: string,
  n: number,
  subjectId: string,
  overrides: Partial<RemitEvent> = {},
): RemitEvent {
  return {
    id: id("evt", n),
    type: "invoice.created",
    specVersion: 1,
    tenantId,
    subject: { type: "invoice", id: subjectId, version: 1 },
    occurredAt: at,
    actor: { type: "user", id: "usr_1" },
    data: { status: "pending_action", total: "170.00" },
    ...overrides,
  };
}

export function jobRecord(
  tenantId: string,
  n: number,
  overrides: Partial<OutboxJob> = {},
): OutboxJob {
  return {
    tenantId,
    id: id("job", n),
    kind: "reminder",
    runAt: at,
    status: "pending",
    attempts: 0,
    payload: { invoiceId: id("inv", n) },
    state: {},
    lockedBy: null,
    lockedUntil: null,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function workOrderRecord(
  tenantId: string,
  n: number,
  overrides: Partial<WorkOrder> = {},
): WorkOrder {
  return {
    tenantId,
    id: id("wo", n),
    version: 1,
    status: "open",
    title: `Job ${n}`,
    customer: {
      id: id("cus", n),
      name: `Customer ${n}`,
      email: null,
      phone: null,
      billingAddress: null,
    },
    site: { line1: "2 Elm St", city: "Austin", country: "US" },
    currency: "USD",
    terms: "net_30",
    taxRates: [
      { id: "tax", name: "Sales tax", percent: "8.25", inclusive: false, compound: false },
    ],
    labor: [
      {
        id: "lab_1",
        technician: "Sam",
        description: "Install",
        hours: "1.5",
        hourlyRate: "95.00",
        overtimeMultiplier: "1",
        taxRateIds: ["tax"],
      },
    ],
    materials: [],
    services: [],
    fees: [{ id: "fee_1", description: "Trip", amount: "49.00", taxRateIds: [] }],
    notes: "",
    photos: [],
    schedule: null,
    quoteId: null,
    invoiceId: null,
    cancellationReason: null,
    startedAt: null,
    completedAt: null,
    createdAt: at,
    updatedAt: at,
    createdBy: { type: "user", id: "usr_1" },
    ...overrides,
  };
}

export function quoteRecord(tenantId: string, n: number, overrides: Partial<Quote> = {}): Quote {
  return {
    tenantId,
    id: id("quo", n),
    version: 1,
    status: "draft",
    revision: 1,
    title: `Quote ${n}`,
    customer: {
      id: id("cus", n),
      name: `Customer ${n}`,
      email: null,
      phone: null,
      billingAddress: null,
    },
    currency: "USD",
    terms: "net_30",
    content: { lines: [{ description: "Water heater", quantity: "1", unitPrice: "1200.00" }] },
    totals: { subtotal: "1200.00", total: "1200.00" } as unknown as Quote["totals"],
    expiresOn: null,
    depositRequired: null,
    depositHeld: "0.00",
    approvedBy: null,
    approvedAt: null,
    declinedAt: null,
    declineReason: null,
    sentAt: null,
    publicToken: null,
    workOrderId: null,
    createdAt: at,
    updatedAt: at,
    createdBy: { type: "user", id: "usr_1" },
    ...overrides,
  } as Quote;
}

export function idempotencyRecord(
  tenantId: string,
  key: string,
  overrides: Partial<IdempotencyRecord> = {},
): IdempotencyRecord {
  return {
    tenantId,
    key,
    fingerprint: "invoices.recordPayment:abc",
    result: { invoice: { id: id("inv", 1), total: "10.00" }, events: [] },
    createdAt: at,
    ...overrides,
  };
}

/** Credit note `n` on invoice `invoiceN`: 10.00 off its labor line, 8.25 % tax of it reversed. */
export function creditNoteRecord(
  tenantId: string,
  n: number,
  invoiceN: number,
  overrides: Partial<CreditNote> = {},
): CreditNote {
  return {
    tenantId,
    id: id("cn", n),
    invoiceId: id("inv", invoiceN),
    invoiceNumber: `INV-${String(invoiceN).padStart(4, "0")}`,
    invoiceRevision: 1,
    number: `CN-${String(n).padStart(4, "0")}`,
    series: "CN-{SEQ}",
    sequence: n,
    currency: "USD",
    customer: null,
    issueDate: "2026-03-02",
    reason: "Goodwill",
    lines: [
      {
        lineId: "line-1",
        kind: "labor",
        description: "Labor",
        excludingTax: "9.24",
        tax: "0.76",
        total: "10.00",
        taxes: [{ rateId: "state", amount: "0.76" }],
      },
    ],
    taxes: [
      {
        rateId: "state",
        name: "State",
        percent: "8.25",
        inclusive: false,
        compound: false,
        amount: "0.76",
      },
    ],
    excludingTax: "9.24",
    taxTotal: "0.76",
    total: "10.00",
    idempotencyKey: null,
    actor: { type: "user", id: "usr_1" },
    createdAt: at,
    ...overrides,
  };
}

/** Credit application `n`: 5.00 of customer credit from one invoice to another. */
export function creditApplicationRecord(
  tenantId: string,
  n: number,
  from: number,
  to: number,
  overrides: Partial<CreditApplication> = {},
): CreditApplication {
  return {
    tenantId,
    id: id("cra", n),
    customerId: id("cus", 1),
    currency: "USD",
    fromInvoiceId: id("inv", from),
    toInvoiceId: id("inv", to),
    amount: "5.00",
    idempotencyKey: null,
    actor: { type: "user", id: "usr_1" },
    createdAt: at,
    ...overrides,
  };
}
