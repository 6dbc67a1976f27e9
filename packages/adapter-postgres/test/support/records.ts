import {
  type Invoice,
  type InvoiceRevision,
  type OutboxJob,
  type Payment,
  type RemitEvent,
  type Tenant,
  tenantSettingsSchema,
  type WorkOrder,
} from "@remit/core";

// Plain records for the store, valid enough for every column. Ids are ULID-like so they sort by
// the counter: `id("inv", 3)` < `id("inv", 12)`.

export const at = "2026-03-01T10:00:00.000Z";

export function id(prefix: string, n: number): string {
  return `${prefix}_01J${String(n).padStart(23, "0")}`;
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
