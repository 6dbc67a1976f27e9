import { z } from "zod";
import { currencySchema } from "../../calculation/invoice-input-schema";
import { ValidationError, type ValidationIssue } from "../../errors/validation-error";
import {
  calculateInvoiceContent,
  calculateNewContent,
} from "../../invoices/internal/calculate-invoice-content";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  invoiceContentFields,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { readCustomerSnapshot } from "../../invoices/internal/read-customer-snapshot";
import { moneyAmountSchema } from "../../invoices/moves/record-payment";
import { minorUnitsOf } from "../../money/currencies";
import { formatMinorUnits } from "../../money/minor-units";
import { checkedInBody, defineMove } from "../../service/internal/define-move";
import { paymentTermsSchema } from "../../tenants/payment-terms";
import { formatIssuePath } from "../../validation/format-issue-path";
import { textSchema } from "../../validation/text-schema";
import { depositRequiredIssues } from "../internal/check-deposit-required";
import { loadQuoteForMove, saveQuote } from "../internal/load-quote";
import type { Quote } from "../quote";

/** @group Quotes */
export const quoteInputSchema = z.object({
  customerId: recordIdSchema,
  title: textSchema.trim().min(1).max(200),
  currency: currencySchema.optional(),
  terms: paymentTermsSchema.optional(),
  ...invoiceContentFields,
  /** The last day the customer can approve it. */
  expiresOn: z.iso.date().nullable().optional(),
  /**
   * The deposit asked before the work, at most the total; the hosted quote page lets the customer
   * pay it online once approved. `null` or left out: none. @since 0.3.0
   */
  depositRequired: moneyAmountSchema.nullable().optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Quotes @interface */
export type QuoteInput = z.input<typeof quoteInputSchema>;

function issuesOf(error: z.ZodError | undefined): ValidationIssue[] {
  return (error?.issues ?? []).map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
}

/** `remit.quotes.create`: a priced offer in `draft`, calculated like an invoice. */
export const createQuote = defineMove(
  { move: "create quote", actors: ["user"], input: checkedInBody<QuoteInput>() },
  async (scope, rawInput) => {
    const parsed = quoteInputSchema.safeParse(rawInput);
    const issues = issuesOf(parsed.error);
    const input = parsed.data;
    const raw = (rawInput ?? {}) as Record<string, unknown>;
    const currency = input?.currency ?? scope.tenant.currency;
    const calculated = calculateNewContent(currency, raw, {
      defaultTaxRates: scope.tenant.defaultTaxRates,
      memo: input?.memo,
    });
    if (!calculated.ok) issues.push(...calculated.issues);
    const customer = input ? await readCustomerSnapshot(scope, input.customerId) : undefined;
    if (customer && "issue" in customer) issues.push(customer.issue);
    if (input && calculated.ok) {
      issues.push(
        ...depositRequiredIssues(input.depositRequired ?? null, currency, calculated.totals.total),
      );
    }
    if (!input || !calculated.ok || !customer || "issue" in customer || issues.length > 0)
      throw new ValidationError({ issues });
    const quote: Quote = {
      tenantId: scope.context.tenantId,
      id: scope.deps.ids.newId("quo"),
      version: 1,
      status: "draft",
      revision: 1,
      title: input.title,
      customer: customer.snapshot,
      currency,
      terms: input.terms ?? scope.tenant.defaultTerms,
      content: calculated.content,
      totals: calculated.totals,
      expiresOn: input.expiresOn ?? null,
      depositRequired: input.depositRequired ?? null,
      depositHeld: formatMinorUnits(0n, minorUnitsOf(currency)),
      approvedBy: null,
      approvedAt: null,
      declinedAt: null,
      declineReason: null,
      sentAt: null,
      publicToken: null,
      workOrderId: null,
      createdAt: scope.now,
      updatedAt: scope.now,
      createdBy: scope.context.actor,
    };
    await scope.transaction.quotes.insert({ record: quote });
    scope.emit(
      "quote.created",
      { type: "quote", id: quote.id, version: 1 },
      { status: "draft", previousStatus: null, total: quote.totals.total },
    );
    return { quote };
  },
);

/**
 * The input of `remit.quotes.revise`: the fields to change, the id and `expectedVersion`.
 * @group Quotes
 */
export const reviseQuoteInputSchema = quoteInputSchema
  .omit({ customerId: true, currency: true, idempotencyKey: true })
  .partial()
  .extend({
    id: recordIdSchema,
    expectedVersion: expectedVersionSchema,
    idempotencyKey: idempotencyKeySchema.optional(),
  });

/** @group Quotes @interface */
export type ReviseQuoteInput = z.input<typeof reviseQuoteInputSchema>;

/** `remit.quotes.revise`: changes a `draft` or `sent` quote; its status stays. */
export const reviseQuote = defineMove(
  { move: "revise quote", actors: ["user"], input: checkedInBody<ReviseQuoteInput>() },
  async (scope, rawInput) => {
    const parsed = reviseQuoteInputSchema.safeParse(rawInput);
    if (!parsed.success) throw new ValidationError({ issues: issuesOf(parsed.error) });
    const input = parsed.data;
    const raw = rawInput as Record<string, unknown>;
    const previous = await loadQuoteForMove(scope, input, "revise", ["draft", "sent"]);
    const calculated = calculateInvoiceContent(previous.currency, {
      lines: raw.lines ?? previous.content.lines,
      taxRates: raw.taxRates ?? previous.content.taxRates,
      discounts: raw.discounts ?? previous.content.discounts,
      fees: raw.fees ?? previous.content.fees,
      rounding: raw.rounding ?? previous.content.rounding,
      memo: input.memo ?? previous.content.memo,
    });
    if (!calculated.ok) throw new ValidationError({ issues: calculated.issues });
    const next: Quote = {
      ...previous,
      revision: previous.revision + 1,
      content: calculated.content,
      totals: calculated.totals,
      title: "title" in raw && input.title ? input.title : previous.title,
      terms: "terms" in raw && input.terms ? input.terms : previous.terms,
      expiresOn: "expiresOn" in raw ? (input.expiresOn ?? null) : previous.expiresOn,
      depositRequired:
        "depositRequired" in raw ? (input.depositRequired ?? null) : previous.depositRequired,
    };
    const depositIssues = depositRequiredIssues(
      next.depositRequired,
      next.currency,
      next.totals.total,
    );
    if (depositIssues.length > 0) throw new ValidationError({ issues: depositIssues });
    return {
      quote: await saveQuote(scope, previous, next, "revised", { revision: next.revision }),
    };
  },
);
