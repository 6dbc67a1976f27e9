import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { ValidationError } from "../../errors/validation-error";
import { afterMoneyMoved, emitPaidIfSettled } from "../../invoices/internal/after-paid";
import { invoiceEventData, invoiceSubject } from "../../invoices/internal/invoice-event-data";
import {
  assertMoveAllowed,
  loadInvoiceForMove,
  saveInvoice,
} from "../../invoices/internal/load-invoice-for-move";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import {
  settledAfterPayment,
  settledStatus,
  withBalances,
} from "../../invoices/internal/settle-invoice";
import type { Invoice } from "../../invoices/invoice";
import { moneyAmountSchema } from "../../invoices/moves/record-payment";
import { minorUnitsOf } from "../../money/currencies";
import {
  addMoney,
  compareMoney,
  isZeroMoney,
  roundMoney,
  scaleOfMoney,
  subtractMoney,
} from "../../money/money-arithmetic";
import { defineMove } from "../../service/internal/define-move";
import { requireCollection } from "../../service/internal/require-collection";
import type { MoveScope } from "../../service/internal/run-move";
import type { CreditApplication } from "../credit-application";

export const applyCreditInputSchema = z.object({
  /** The invoice whose credit is applied. */
  id: recordIdSchema,
  /** The open invoice it pays: same customer, same currency. */
  toInvoiceId: recordIdSchema,
  /** Defaults to as much as both allow: the credit, or what is owed on the other invoice. */
  amount: moneyAmountSchema.optional(),
  /** The version of the invoice whose credit is applied (`id`). */
  expectedVersion: expectedVersionSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export type ApplyCreditInput = z.input<typeof applyCreditInputSchema>;

/** Invoices credit can be taken from: any issued one (only one with credit has any). */
const givingFrom = ["pending_payment", "past_due", "paid", "uncollectible", "cancelled"] as const;
/** Invoices credit can pay: the open ones, and written-off ones (credit is money in). */
const receivingFrom = ["pending_payment", "past_due", "uncollectible"] as const;

/**
 * Both invoices held for the move, in id order: two applications between the same two invoices
 * in opposite directions wait for each other instead of deadlocking.
 */
async function loadBoth(
  scope: MoveScope,
  input: z.output<typeof applyCreditInputSchema>,
): Promise<{ from: Invoice; to: Invoice }> {
  const loadTarget = async () => {
    const to = await scope.transaction.invoices.get({ id: input.toInvoiceId, forUpdate: true });
    if (!to) throw new NotFoundError({ resource: "invoice", id: input.toInvoiceId });
    assertMoveAllowed(to, "receive credit", receivingFrom);
    return to;
  };
  const loadSource = () => loadInvoiceForMove(scope, input, "apply credit", givingFrom);
  if (input.toInvoiceId < input.id) {
    const to = await loadTarget();
    return { from: await loadSource(), to };
  }
  const from = await loadSource();
  return { from, to: await loadTarget() };
}

/** What the target still owes: its amount due, or what was written off. */
function owedOn(invoice: Invoice): string {
  return invoice.status === "uncollectible" ? invoice.writtenOff : invoice.amountDue;
}

function refuse(path: string, message: string): never {
  throw new ValidationError({ issues: [{ path, message }] });
}

/**
 * `remit.invoices.applyCredit`: moves credit (an overpayment, or what a credit note took below
 * the amount paid) from one invoice to another open invoice of the same customer and currency,
 * exactly, in one transaction touching both. The source's `amountPaid` and `credit` drop by the
 * amount, the target's `amountPaid` rises by it and its status follows the money rule (`paid`
 * when covered, an uncollectible one too). Emits `invoice.credit_applied` on the source and
 * `invoice.credit_received` on the target (and `invoice.paid`). The amount is at most the credit
 * and at most what the target owes.
 *
 * @since 0.3.0
 */
export const applyCredit = defineMove(
  { move: "apply credit", actors: ["user"], input: applyCreditInputSchema },
  async (scope, input) => {
    const applications = requireCollection(
      scope.transaction.creditApplications,
      "creditApplications",
    );
    if (input.toInvoiceId === input.id) refuse("toInvoiceId", "is the invoice the credit is on");
    const { from, to } = await loadBoth(scope, input);
    const customerId = from.customer?.id;
    if (customerId === undefined || to.customer?.id !== customerId)
      refuse("toInvoiceId", "belongs to another customer; credit stays with its customer");
    if (to.currency !== from.currency)
      refuse("toInvoiceId", `is in ${to.currency}; the credit is in ${from.currency}`);
    const digits = minorUnitsOf(from.currency);
    if (isZeroMoney(from.credit)) refuse("id", "holds no credit");
    const owed = owedOn(to);
    if (isZeroMoney(owed)) refuse("toInvoiceId", "owes nothing");
    const most = compareMoney(from.credit, owed) <= 0 ? from.credit : owed;
    if (input.amount !== undefined && scaleOfMoney(input.amount) > digits)
      refuse("amount", `an amount in ${from.currency} has at most ${digits} decimals`);
    const amount = roundMoney(input.amount ?? most, digits);
    if (compareMoney(amount, most) > 0) {
      refuse(
        "amount",
        `at most ${most} ${from.currency}: the invoice holds ${from.credit} of credit and the other owes ${owed}`,
      );
    }

    const application: CreditApplication = {
      tenantId: from.tenantId,
      id: scope.deps.ids.newId("cra"),
      customerId,
      currency: from.currency,
      fromInvoiceId: from.id,
      toInvoiceId: to.id,
      amount,
      idempotencyKey: input.idempotencyKey ?? null,
      actor: scope.context.actor,
      createdAt: scope.now,
    };
    await applications.insert({ record: application });

    let gave = withBalances({
      ...from,
      amountPaid: subtractMoney(digits, from.amountPaid, amount),
    });
    gave = { ...gave, status: settledStatus(gave, scope.now, scope.tenant.timeZone) };
    let took = withBalances({ ...to, amountPaid: addMoney(digits, to.amountPaid, amount) });
    took = withBalances({
      ...took,
      status: settledAfterPayment(took, scope.now, scope.tenant.timeZone),
    });
    took = await afterMoneyMoved(scope, to, took);
    const source = await saveInvoice(scope, from, gave);
    const target = await saveInvoice(scope, to, took);
    const fields = { creditApplicationId: application.id, amount, customerId };
    scope.emit(
      "invoice.credit_applied",
      invoiceSubject(source),
      invoiceEventData(source, from.status, { ...fields, toInvoiceId: target.id }),
    );
    scope.emit(
      "invoice.credit_received",
      invoiceSubject(target),
      invoiceEventData(target, to.status, { ...fields, fromInvoiceId: source.id }),
    );
    emitPaidIfSettled(scope, to, target);
    return { invoice: source, toInvoice: target, creditApplication: application };
  },
);
