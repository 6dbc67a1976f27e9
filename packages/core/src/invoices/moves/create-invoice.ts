import { z } from "zod";
import { currencySchema } from "../../calculation/invoice-input-schema";
import type { CustomerSnapshot } from "../../customers/customer";
import { ValidationError, type ValidationIssue } from "../../errors/validation-error";
import { minorUnitsOf } from "../../money/currencies";
import { formatMinorUnits } from "../../money/minor-units";
import { checkedInBody, defineMove } from "../../service/internal/define-move";
import type { MoveScope } from "../../service/internal/run-move";
import { paymentTermsSchema } from "../../tenants/payment-terms";
import { formatIssuePath } from "../../validation/format-issue-path";
import { calculateNewContent } from "../internal/calculate-invoice-content";
import { invoiceEventData, invoiceSubject } from "../internal/invoice-event-data";
import {
  idempotencyKeySchema,
  invoiceContentFields,
  recordIdSchema,
} from "../internal/move-input-fields";
import { readCustomerSnapshot } from "../internal/read-customer-snapshot";
import { withBalances } from "../internal/settle-invoice";
import type { Invoice, InvoiceProgress } from "../invoice";
import { issueInvoiceInScope } from "./issue-invoice";

/**
 * The input of `remit.invoices.create`. Lines, taxes, discounts, fees and rounding are as in `calculateInvoice`.
 * @group Invoices
 */
export const createInvoiceInputSchema = z.object({
  customerId: recordIdSchema.optional(),
  /** Defaults to the tenant's currency. */
  currency: currencySchema.optional(),
  /** Defaults to the tenant's terms. */
  terms: paymentTermsSchema.optional(),
  ...invoiceContentFields,
  idempotencyKey: idempotencyKeySchema.optional(),
  /** "Save & issue": issue in the same transaction (refused where the tenant requires review). */
  issue: z.boolean().optional(),
});

/** @group Invoices @interface */
export type CreateInvoiceInput = z.input<typeof createInvoiceInputSchema>;

/** Links set when an invoice comes from a work order or a quote (review & submit, a stage). */
export type InvoiceOrigin = { workOrderId?: string; quoteId?: string; progress?: InvoiceProgress };

/** Creates an invoice in `pending_action` with revision 1, inside a move. */
export async function createInvoiceInScope(
  scope: MoveScope,
  rawInput: unknown,
  origin: InvoiceOrigin = {},
): Promise<Invoice> {
  const invoice = await newInvoice(scope, rawInput, origin);
  await scope.transaction.invoices.insert({ record: invoice });
  await recordCreation(scope, invoice);
  return invoice;
}

/** The new invoice in `pending_action`, validated and calculated; nothing written yet. */
async function newInvoice(
  scope: MoveScope,
  rawInput: unknown,
  origin: InvoiceOrigin,
): Promise<Invoice> {
  const parsed = createInvoiceInputSchema.safeParse(rawInput);
  const issues: ValidationIssue[] = (parsed.error?.issues ?? []).map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
  const input = parsed.data;
  const currency = input?.currency ?? scope.tenant.currency;
  const raw = (rawInput ?? {}) as Record<string, unknown>;
  const calculated = calculateNewContent(currency, raw, {
    defaultTaxRates: scope.tenant.defaultTaxRates,
    memo: input?.memo,
  });
  if (!calculated.ok) issues.push(...calculated.issues);
  let customer: CustomerSnapshot | null = null;
  if (input?.customerId !== undefined) {
    const found = await readCustomerSnapshot(scope, input.customerId);
    if ("issue" in found) issues.push(found.issue);
    else customer = found.snapshot;
  }
  if (!input || !calculated.ok || issues.length > 0) throw new ValidationError({ issues });

  const zero = formatMinorUnits(0n, minorUnitsOf(currency));
  const invoice: Invoice = withBalances({
    tenantId: scope.context.tenantId,
    id: scope.deps.ids.newId("inv"),
    version: 1,
    status: "pending_action",
    revision: 1,
    currency,
    customer,
    terms: input.terms ?? scope.tenant.defaultTerms,
    content: calculated.content,
    totals: calculated.totals,
    total: calculated.totals.total,
    creditNoteTotal: zero,
    amountPaid: zero,
    amountDue: calculated.totals.total,
    credit: zero,
    writtenOff: zero,
    writeOffReason: null,
    lateFee: null,
    writtenOffAt: null,
    refundPending: zero,
    number: null,
    series: null,
    sequence: null,
    issueDate: null,
    dueDate: null,
    publicToken: null,
    workOrderId: origin.workOrderId ?? null,
    quoteId: origin.quoteId ?? null,
    progress: origin.progress ?? null,
    cancellationReason: null,
    changesRequestedReason: null,
    createdAt: scope.now,
    updatedAt: scope.now,
    issuedAt: null,
    paidAt: null,
    cancelledAt: null,
    createdBy: scope.context.actor,
  });
  return invoice;
}

/** Revision 1 and `invoice.created` for a new invoice (inserted now or later in the move). */
async function recordCreation(scope: MoveScope, invoice: Invoice): Promise<void> {
  await scope.transaction.revisions.append({
    record: {
      tenantId: invoice.tenantId,
      invoiceId: invoice.id,
      revision: 1,
      currency: invoice.currency,
      customer: invoice.customer,
      terms: invoice.terms,
      content: invoice.content,
      totals: invoice.totals,
      actor: scope.context.actor,
      createdAt: scope.now,
    },
  });
  scope.emit(
    "invoice.created",
    invoiceSubject(invoice),
    invoiceEventData(invoice, null, { revision: 1 }),
  );
}

/**
 * `remit.invoices.create`: a new invoice in `pending_action`, revision 1, calculated exactly.
 * Emits `invoice.created`. With `issue: true` ("save & issue", for a tenant that needs no
 * review) it is issued in the same transaction, as two moves: the result is the issued invoice.
 */
export const createInvoice = defineMove(
  { move: "create", actors: ["user"], input: checkedInBody<CreateInvoiceInput>() },
  async (scope, input) => {
    if (input?.issue !== true) return { invoice: await createInvoiceInScope(scope, input) };
    // Save & issue writes the invoice once, issued: its revision and `invoice.created` first,
    // the row at issue (foreign keys are checked at commit, and no one else can see it before).
    const invoice = await newInvoice(scope, input, {});
    await recordCreation(scope, invoice);
    return {
      invoice: await issueInvoiceInScope(scope, { id: invoice.id }, { invoice, stored: false }),
    };
  },
);
