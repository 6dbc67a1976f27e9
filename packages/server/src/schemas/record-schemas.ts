import { z } from "@hono/zod-openapi";
import type {
  CreditApplication,
  CreditNote,
  Customer,
  CustomerCredit,
  Delivery,
  Invoice,
  InvoiceDetails,
  InvoiceDraft,
  Payment,
  Quote,
  Refund,
  RemitEvent,
  WorkOrder,
} from "@remit/core";

// The API's response bodies, owned by this package and written from core's record types. Every
// field core documents is named and typed; the calculated parts (`totals`, `content`) are checked
// for the fields clients read and left open for the rest. The `satisfies` checks at the bottom
// fail the type check when core's records and these schemas drift apart.

const money = z
  .string()
  .openapi({ description: "A decimal amount as a string", example: "120.00" });
const instant = z
  .string()
  .openapi({ description: "UTC ISO 8601", example: "2026-11-25T09:00:00.000Z" });
const date = z.string().openapi({ description: "A calendar date", example: "2026-11-25" });

export const actorResponseSchema = z
  .union([
    z.object({ type: z.literal("user"), id: z.string() }),
    z.object({ type: z.literal("system") }),
    z.object({ type: z.literal("provider"), name: z.string() }),
    z.object({ type: z.literal("customer"), ip: z.string() }),
  ])
  .openapi("Actor");

export const addressResponseSchema = z.looseObject({}).openapi("Address");

const termsSchema = z.union([z.string(), z.object({ dueDate: date })]);

export const customerSnapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  billingAddress: addressResponseSchema.nullable(),
});

export const customerResponseSchema = customerSnapshotSchema
  .extend({
    tenantId: z.string(),
    version: z.number().int(),
    optedOut: z.array(z.enum(["email", "sms"])),
    createdAt: instant,
    updatedAt: instant,
  })
  .openapi("Customer");

const totalsSchema = z
  .looseObject({
    lines: z.array(
      z.looseObject({
        kind: z.string(),
        description: z.string(),
        quantity: z.string(),
        total: money,
      }),
    ),
    taxTotal: money,
    total: money,
  })
  .openapi("InvoiceTotals");

/** Which stage of a work order's progress billing an invoice bills. @since 0.3.0 */
export const invoiceProgressResponseSchema = z
  .object({
    workOrderId: z.string(),
    stage: z.number().int(),
    kind: z.enum(["stage", "retainage"]),
    final: z.boolean(),
    retained: money,
    retainagePercent: z.string(),
    billed: z.record(z.string(), money),
    depositApplied: money,
  })
  .openapi("InvoiceProgress");

export const invoiceResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    version: z.number().int(),
    status: z.enum([
      "pending_action",
      "pending_review",
      "pending_payment",
      "past_due",
      "paid",
      "uncollectible",
      "cancelled",
    ]),
    revision: z.number().int(),
    currency: z.string(),
    customer: customerSnapshotSchema.nullable(),
    terms: termsSchema,
    content: z.looseObject({}),
    totals: totalsSchema,
    total: money,
    creditNoteTotal: money,
    amountPaid: money,
    amountDue: money,
    credit: money,
    writtenOff: money,
    writeOffReason: z.string().nullable(),
    writtenOffAt: instant.nullable(),
    refundPending: money,
    number: z.string().nullable(),
    series: z.string().nullable(),
    sequence: z.number().int().nullable(),
    issueDate: date.nullable(),
    dueDate: date.nullable(),
    publicToken: z.string().nullable(),
    workOrderId: z.string().nullable(),
    quoteId: z.string().nullable(),
    progress: invoiceProgressResponseSchema.nullable(),
    cancellationReason: z.string().nullable(),
    changesRequestedReason: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    issuedAt: instant.nullable(),
    paidAt: instant.nullable(),
    cancelledAt: instant.nullable(),
    createdBy: actorResponseSchema,
  })
  .openapi("Invoice");

export const eventResponseSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    specVersion: z.literal(1),
    tenantId: z.string(),
    subject: z.object({
      type: z.enum([
        "invoice",
        "work_order",
        "quote",
        "payment",
        "customer",
        "tenant",
        "credit_note",
        "plan",
      ]),
      id: z.string(),
      version: z.number().int(),
    }),
    occurredAt: instant,
    actor: actorResponseSchema,
    data: z.record(z.string(), z.unknown()),
  })
  .openapi("Event");

export const paymentResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    invoiceId: z.string().nullable(),
    amount: money,
    currency: z.string(),
    method: z.enum(["card", "ach", "bank_transfer", "check", "cash", "other"]),
    reference: z.string().nullable(),
    provider: z.string().nullable(),
    quoteId: z.string().nullable(),
    status: z.enum(["succeeded", "unmatched", "returned_to_quote"]),
    receivedAt: instant,
    idempotencyKey: z.string(),
    actor: actorResponseSchema,
    createdAt: instant,
  })
  .openapi("Payment");

export const refundResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    invoiceId: z.string().nullable(),
    paymentId: z.string(),
    amount: money,
    currency: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    reason: z.string().nullable(),
    provider: z.string().nullable(),
    providerRefundId: z.string().nullable(),
    idempotencyKey: z.string(),
    actor: actorResponseSchema,
    createdAt: instant,
    updatedAt: instant,
  })
  .openapi("Refund");

export const deliveryResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    /** `null` on a quote's delivery. */
    invoiceId: z.string().nullable(),
    /** The quote a `quote` delivery sends; `null` on the others. */
    quoteId: z.string().nullable().optional(),
    purpose: z.enum(["invoice", "reminder", "receipt", "credit_note", "quote"]),
    /** The credit note a `credit_note` delivery sends; `null` on the others. */
    creditNoteId: z.string().nullable().optional(),
    channel: z.enum(["email", "sms"]),
    recipient: z.string(),
    status: z.enum(["scheduled", "queued", "sent", "delivered", "failed", "cancelled"]),
    providerStatus: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    reason: z.string().nullable(),
    sourceId: z.string(),
    scheduledFor: instant,
    attempts: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .openapi("Delivery");

export const creditNoteResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    invoiceId: z.string(),
    invoiceNumber: z.string().nullable(),
    invoiceRevision: z.number().int(),
    number: z.string(),
    series: z.string(),
    sequence: z.number().int(),
    currency: z.string(),
    customer: customerSnapshotSchema.nullable(),
    issueDate: date,
    reason: z.string(),
    lines: z.array(
      z.object({
        lineId: z.string(),
        kind: z.string(),
        description: z.string(),
        excludingTax: money,
        tax: money,
        total: money,
        taxes: z.array(z.object({ rateId: z.string(), amount: money })),
      }),
    ),
    taxes: z.array(
      z.object({
        rateId: z.string(),
        name: z.string(),
        percent: z.string(),
        inclusive: z.boolean(),
        compound: z.boolean(),
        amount: money,
      }),
    ),
    excludingTax: money,
    taxTotal: money,
    total: money,
    idempotencyKey: z.string().nullable(),
    actor: actorResponseSchema,
    createdAt: instant,
  })
  .openapi("CreditNote");

export const creditApplicationResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    customerId: z.string(),
    currency: z.string(),
    fromInvoiceId: z.string(),
    toInvoiceId: z.string(),
    amount: money,
    idempotencyKey: z.string().nullable(),
    actor: actorResponseSchema,
    createdAt: instant,
  })
  .openapi("CreditApplication");

export const customerCreditResponseSchema = z
  .object({
    customerId: z.string(),
    balances: z.array(
      z.object({
        currency: z.string(),
        amount: money,
        invoices: z.array(
          z.object({
            invoiceId: z.string(),
            number: z.string().nullable(),
            status: z.string(),
            credit: money,
          }),
        ),
      }),
    ),
    applications: z.array(creditApplicationResponseSchema),
  })
  .openapi("CustomerCredit");

export const invoiceDetailsResponseSchema = z
  .object({
    invoice: invoiceResponseSchema,
    revisions: z.array(z.looseObject({ revision: z.number().int(), createdAt: instant })),
    payments: z.array(paymentResponseSchema),
    refunds: z.array(refundResponseSchema),
    deliveries: z.array(deliveryResponseSchema),
    events: z.array(eventResponseSchema),
    creditNotes: z.array(creditNoteResponseSchema),
    creditApplications: z.array(creditApplicationResponseSchema),
  })
  .openapi("InvoiceDetails");

export const workOrderResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    version: z.number().int(),
    status: z.enum([
      "open",
      "scheduled",
      "in_progress",
      "complete_invoice_needed",
      "invoiced",
      "cancelled",
    ]),
    title: z.string(),
    customer: customerSnapshotSchema,
    site: addressResponseSchema.nullable(),
    currency: z.string(),
    terms: termsSchema,
    taxRates: z.array(z.looseObject({ id: z.string() })),
    labor: z.array(z.looseObject({ id: z.string() })),
    materials: z.array(z.looseObject({ id: z.string() })),
    services: z.array(z.looseObject({ id: z.string() })),
    fees: z.array(z.looseObject({ id: z.string() })),
    notes: z.string(),
    photos: z.array(z.string()),
    schedule: z
      .object({
        date,
        windowStart: z.string(),
        windowEnd: z.string(),
        technician: z.string(),
      })
      .nullable(),
    quoteId: z.string().nullable(),
    invoiceId: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    startedAt: instant.nullable(),
    completedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
    createdBy: actorResponseSchema,
  })
  .openapi("WorkOrder");

export const invoiceDraftResponseSchema = z
  .looseObject({
    currency: z.string(),
    customerId: z.string(),
    terms: termsSchema,
    lines: z.array(z.looseObject({})),
    taxRates: z.array(z.looseObject({ id: z.string() })),
    fees: z.array(z.looseObject({ id: z.string() })),
    rounding: z.looseObject({}),
    memo: z.string().optional(),
  })
  .openapi("InvoiceDraft");

export const quoteResponseSchema = z
  .object({
    tenantId: z.string(),
    id: z.string(),
    version: z.number().int(),
    status: z.enum(["draft", "sent", "approved", "declined", "expired"]),
    revision: z.number().int(),
    title: z.string(),
    customer: customerSnapshotSchema,
    currency: z.string(),
    terms: termsSchema,
    content: z.looseObject({}),
    totals: totalsSchema,
    expiresOn: date.nullable(),
    depositRequired: money.nullable().openapi({
      description: "The deposit asked before the work, or null. @since 0.3.0",
    }),
    depositHeld: money,
    approvedBy: z.string().nullable(),
    approvedAt: instant.nullable(),
    declinedAt: instant.nullable(),
    declineReason: z.string().nullable(),
    sentAt: instant.nullable(),
    publicToken: z.string().nullable().openapi({
      description:
        "The key of the customer's hosted quote page (`/q/<token>`), made when first sent; null for a draft. @since 0.3.0",
    }),
    workOrderId: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    createdBy: actorResponseSchema,
  })
  .openapi("Quote");

// Compile-time checks: every record core returns is accepted by its schema's type.
type Accepts<Schema extends z.ZodType, Record> = Record extends z.input<Schema> ? true : never;
const recordSchemasMatchCore: [
  Accepts<typeof customerResponseSchema, Customer>,
  Accepts<typeof invoiceResponseSchema, Invoice>,
  Accepts<typeof invoiceDetailsResponseSchema, InvoiceDetails>,
  Accepts<typeof paymentResponseSchema, Payment>,
  Accepts<typeof refundResponseSchema, Refund>,
  Accepts<typeof deliveryResponseSchema, Delivery>,
  Accepts<typeof eventResponseSchema, RemitEvent>,
  Accepts<typeof workOrderResponseSchema, WorkOrder>,
  Accepts<typeof invoiceDraftResponseSchema, InvoiceDraft>,
  Accepts<typeof quoteResponseSchema, Quote>,
  Accepts<typeof creditNoteResponseSchema, CreditNote>,
  Accepts<typeof creditApplicationResponseSchema, CreditApplication>,
  Accepts<typeof customerCreditResponseSchema, CustomerCredit>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void recordSchemasMatchCore;
