import { z } from "zod";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { NotFoundError } from "../../errors/not-found-error";
import { ValidationError } from "../../errors/validation-error";
import {
  idempotencyKeySchema,
  instantSchema,
  reasonSchema,
  recordIdSchema,
  recordMoveInputSchema,
} from "../../invoices/internal/move-input-fields";
import { moneyAmountSchema } from "../../invoices/moves/record-payment";
import { deliveryChannelSchema, queueDeliveriesFor } from "../../invoices/moves/send-invoice";
import type { Payment, Refund } from "../../invoices/payment";
import { minorUnitsOf } from "../../money/currencies";
import { readDecimal } from "../../money/decimal-value";
import { addMoney, compareMoney, roundMoney, subtractMoney } from "../../money/money-arithmetic";
import type { Actor } from "../../service/actor";
import { defineMove } from "../../service/internal/define-move";
import { localDateAt } from "../../tenants/tenant-dates";
import { textSchema } from "../../validation/text-schema";
import { loadQuoteForMove, saveQuote, saveQuoteWithEvent } from "../internal/load-quote";
import { unrefundedAmount } from "../internal/unrefunded-amount";

const moveInputSchema = recordMoveInputSchema;

/** @group Quotes */
export const recordDepositInputSchema = moveInputSchema.extend({
  amount: moneyAmountSchema,
  method: z.enum(["card", "ach", "bank_transfer", "check", "cash", "other"]),
  reference: textSchema.max(255).optional(),
  receivedAt: instantSchema.optional(),
  idempotencyKey: idempotencyKeySchema,
});

/** @group Quotes */
export const refundDepositInputSchema = moveInputSchema.extend({
  paymentId: recordIdSchema,
  amount: moneyAmountSchema,
  reason: textSchema.trim().min(1).max(1_000).optional(),
  idempotencyKey: idempotencyKeySchema,
});

function assertDigits(amount: string, currency: string) {
  const digits = minorUnitsOf(currency);
  if ((readDecimal(amount)?.scale ?? 0) > digits) {
    throw new ValidationError({
      issues: [
        { path: "amount", message: `an amount in ${currency} has at most ${digits} decimals` },
      ],
    });
  }
}

/**
 * The input of `remit.quotes.send`: with `channels`, the link to the quote goes out by email
 * and/or SMS (now, or at `at`); without, the quote is only marked sent (handed over in person).
 * @group Quotes
 */
export const sendQuoteInputSchema = moveInputSchema.extend({
  /** @since 0.3.0 */
  channels: z
    .array(deliveryChannelSchema)
    .min(1, "choose at least one channel")
    .max(2)
    .refine((channels) => new Set(channels).size === channels.length, "each channel at most once")
    .optional(),
  /** Send later: the instant to send at. Omit to send now. @since 0.3.0 */
  at: instantSchema.optional(),
});

/** @group Quotes @interface */
export type SendQuoteInput = z.input<typeof sendQuoteInputSchema>;

/**
 * Marks the quote sent to the customer (`draft`, or `sent` again, → `sent`) and, with `channels`,
 * queues one `quote` delivery per channel (like invoices: a missing contact or an opt-out refuses
 * the whole move). The outbox worker sends the link to the hosted quote page; a quote approved,
 * declined or expired before then is not sent.
 * The first send gives the quote its hosted page's token (`quote.publicToken`), as issuing gives
 * an invoice its own; a later send keeps it, so the link already sent keeps working.
 */
export const sendQuote = defineMove(
  { move: "send quote", actors: ["user"], input: sendQuoteInputSchema },
  async (scope, input) => {
    const previous = await loadQuoteForMove(scope, input, "send", ["draft", "sent"]);
    const at = input.at !== undefined && input.at > scope.now ? input.at : scope.now;
    const publicToken = previous.publicToken ?? scope.deps.ids.newPublicToken();
    const { quote, event } = await saveQuoteWithEvent(
      scope,
      previous,
      { ...previous, status: "sent", sentAt: scope.now, publicToken },
      "sent",
      // As `invoice.issued` carries the invoice's: what a sender needs to build the link.
      { publicToken, ...(input.channels ? { channels: input.channels, at } : {}) },
    );
    if (!input.channels) return { quote, deliveries: [] };
    const deliveries = await queueDeliveriesFor(
      scope,
      { quote },
      { channels: input.channels, at, purpose: "quote", sourceId: event.id },
    );
    event.data.deliveryIds = deliveries.map((delivery) => delivery.id);
    return { quote, deliveries };
  },
);

/**
 * The typed name, the event's time and this IP together are the record of acceptance, so the IP
 * is kept in the event's data as well as in its actor.
 */
function customerIp(actor: Actor): { ip?: string } {
  return actor.type === "customer" ? { ip: actor.ip } : {};
}

/**
 * The input of `remit.quotes.approve`: the quote and who approved it.
 * @group Quotes
 */
export const approveQuoteInputSchema = moveInputSchema.extend({
  approvedBy: textSchema.trim().min(1).max(200),
});

/** The customer accepts: `sent` → `approved`, with who approved it. Refused once expired. */
export const approveQuote = defineMove(
  { move: "approve quote", actors: ["user", "customer"], input: approveQuoteInputSchema },
  async (scope, input) => {
    const previous = await loadQuoteForMove(scope, input, "approve", ["sent"]);
    if (
      previous.expiresOn !== null &&
      localDateAt(scope.now, scope.tenant.timeZone) > previous.expiresOn
    ) {
      throw new InvalidTransitionError({
        status: "expired",
        move: "approve",
        reason: `the quote expired on ${previous.expiresOn}`,
      });
    }
    const next = {
      ...previous,
      status: "approved" as const,
      approvedBy: input.approvedBy,
      approvedAt: scope.now,
    };
    return {
      quote: await saveQuote(scope, previous, next, "approved", {
        approvedBy: input.approvedBy,
        ...customerIp(scope.context.actor),
      }),
    };
  },
);

/**
 * The input of `remit.quotes.decline`: the quote and a reason.
 * @group Quotes
 */
export const declineQuoteInputSchema = moveInputSchema.extend({ reason: reasonSchema });

/** The customer says no: `sent` → `declined`, with a reason. */
export const declineQuote = defineMove(
  { move: "decline quote", actors: ["user", "customer"], input: declineQuoteInputSchema },
  async (scope, input) => {
    const previous = await loadQuoteForMove(scope, input, "decline", ["sent"]);
    const next = {
      ...previous,
      status: "declined" as const,
      declinedAt: scope.now,
      declineReason: input.reason,
    };
    return {
      quote: await saveQuote(scope, previous, next, "declined", {
        reason: input.reason,
        ...customerIp(scope.context.actor),
      }),
    };
  },
);

/**
 * A deposit on an approved quote: held on the quote until an invoice for its work order is
 * issued, which applies it as a payment. Idempotent by key.
 */
export const recordDeposit = defineMove(
  { move: "record deposit", actors: ["user", "provider"], input: recordDepositInputSchema },
  async (scope, input) => {
    const previous = await loadQuoteForMove(scope, input, "record deposit", ["approved"]);
    assertDigits(input.amount, previous.currency);
    const payment: Payment = {
      tenantId: previous.tenantId,
      id: scope.deps.ids.newId("pay"),
      invoiceId: null,
      amount: roundMoney(input.amount, minorUnitsOf(previous.currency)),
      currency: previous.currency,
      method: input.method,
      reference: input.reference ?? null,
      provider: scope.context.actor.type === "provider" ? scope.context.actor.name : null,
      quoteId: previous.id,
      status: "succeeded",
      receivedAt: input.receivedAt ?? scope.now,
      idempotencyKey: input.idempotencyKey,
      actor: scope.context.actor,
      createdAt: scope.now,
    };
    await scope.transaction.payments.insert({ record: payment });
    const digits = minorUnitsOf(previous.currency);
    const next = {
      ...previous,
      depositHeld: addMoney(digits, previous.depositHeld, payment.amount),
    };
    return {
      quote: await saveQuote(scope, previous, next, "deposit_recorded", {
        paymentId: payment.id,
        amount: payment.amount,
      }),
      payment,
    };
  },
);

/** Returns (part of) a deposit still held on the quote; the tenant returns the money. */
export const refundDeposit = defineMove(
  { move: "refund deposit", actors: ["user", "provider"], input: refundDepositInputSchema },
  async (scope, input) => {
    const previous = await loadQuoteForMove(scope, input, "refund deposit", [
      "approved",
      "declined",
      "expired",
      "sent",
      "draft",
    ]);
    const payment = await scope.transaction.payments.get({ id: input.paymentId });
    if (!payment || payment.quoteId !== previous.id || payment.invoiceId !== null) {
      throw new NotFoundError({
        resource: "deposit held on this quote",
        id: input.paymentId,
      });
    }
    assertDigits(input.amount, previous.currency);
    const digits = minorUnitsOf(previous.currency);
    const unrefunded = unrefundedAmount(
      payment,
      await scope.transaction.refunds.listByPayment({ paymentId: payment.id }),
      digits,
    );
    // Progress stages take the deposit without moving its payment: what they took is no longer held.
    const refundable =
      compareMoney(unrefunded, previous.depositHeld) > 0 ? previous.depositHeld : unrefunded;
    if (compareMoney(input.amount, refundable) > 0) {
      throw new ValidationError({
        issues: [
          {
            path: "amount",
            message: `at most ${refundable} ${previous.currency} of this deposit can be refunded`,
          },
        ],
      });
    }
    const refund: Refund = {
      tenantId: previous.tenantId,
      id: scope.deps.ids.newId("ref"),
      invoiceId: null,
      paymentId: payment.id,
      amount: roundMoney(input.amount, digits),
      currency: previous.currency,
      status: "succeeded",
      reason: input.reason ?? null,
      provider: null,
      providerRefundId: null,
      idempotencyKey: input.idempotencyKey,
      actor: scope.context.actor,
      createdAt: scope.now,
      updatedAt: scope.now,
    };
    await scope.transaction.refunds.insert({ record: refund });
    const next = {
      ...previous,
      depositHeld: subtractMoney(digits, previous.depositHeld, refund.amount),
    };
    return {
      quote: await saveQuote(scope, previous, next, "deposit_refunded", {
        refundId: refund.id,
        paymentId: payment.id,
        amount: refund.amount,
      }),
      refund,
    };
  },
);
