import { ValidationError } from "../../errors/validation-error";
import { calculateInvoiceContent } from "../../invoices/internal/calculate-invoice-content";
import { invoiceEventData, invoiceSubject } from "../../invoices/internal/invoice-event-data";
import { saveInvoice } from "../../invoices/internal/load-invoice-for-move";
import { withBalances } from "../../invoices/internal/settle-invoice";
import type { Invoice, InvoiceContent } from "../../invoices/invoice";
import { subtractFloorZero } from "../../money/money-arithmetic";
import { runMove } from "../../service/internal/run-move";
import type { RemitDependencies } from "../../service/remit-dependencies";
import { calculateLateFee } from "../calculate-late-fee";
import { countLateFeesDue } from "../count-late-fees-due";
import { sumLateFees } from "../total-of-late-fees";

/** The id of fee period `period`'s line: one line per invoice and period. */
export function lateFeeLineId(period: number): string {
  return `late-fee-${period}`;
}

/**
 * The idempotency key of one invoice's fee period. The store keeps keys unique per tenant, so
 * however many sweeps run at once, exactly one transaction adds the fee; the others wait for it
 * and answer with its result. The `remit:` prefix keeps it apart from the keys apps choose.
 */
export function lateFeeIdempotencyKey(invoiceId: string, period: number): string {
  return `remit:late-fee:${invoiceId}:${period}`;
}

/**
 * The fee of `period` for an invoice as it stands, or `null` when none is due: past due, carrying
 * a rule, the period reached on `today` and not charged yet, and a fee left under the rule's
 * minimum balance and cap. Checked by the sweep before it opens a transaction, and again inside
 * it on the locked invoice.
 */
export function lateFeeDue(invoice: Invoice, period: number, today: string): string | null {
  const lateFee = invoice.lateFee;
  if (invoice.status !== "past_due" || !lateFee || invoice.dueDate === null) return null;
  if (period <= lateFee.periodsCharged) return null;
  if (countLateFeesDue(lateFee.rule, invoice.dueDate, today) < period) return null;
  if (invoice.content.lines.some((line) => line.id === lateFeeLineId(period))) return null;
  const earlier = sumLateFees(invoice);
  return calculateLateFee({
    rule: lateFee.rule,
    currency: invoice.currency,
    // No fee on a fee: the balance is what is due without the late fees charged so far.
    balance: subtractFloorZero(invoice.currency, invoice.amountDue, earlier.total),
    earlierFees: earlier.net,
  });
}

/** The invoice's content with fee `period` added as a `late_fee` line, and its rule's taxes. */
function contentWithLateFee(invoice: Invoice, period: number, amount: string): InvoiceContent {
  const rule = (invoice.lateFee as NonNullable<Invoice["lateFee"]>).rule;
  const taxRates = invoice.content.taxRates ?? [];
  const known = new Set(taxRates.map((rate) => rate.id));
  return {
    ...invoice.content,
    lines: [
      ...invoice.content.lines,
      {
        id: lateFeeLineId(period),
        kind: "late_fee",
        description: rule.description,
        quantity: "1",
        unitPrice: amount,
        taxRateIds: rule.taxRates.map((rate) => rate.id),
      },
    ],
    taxRates: [...taxRates, ...rule.taxRates.filter((rate) => !known.has(rate.id))],
  };
}

/**
 * Adds fee `period` to one invoice as a `late_fee` line in a new revision, in one transaction
 * under the period's idempotency key, and emits `invoice.late_fee_added`. Returns `added: false`
 * when the locked invoice no longer owes it (paid, written off or cancelled meanwhile, charged by
 * another worker, below the minimum balance, or at the cap).
 */
export async function addLateFee(
  deps: RemitDependencies,
  context: unknown,
  input: { invoiceId: string; period: number; today: string },
) {
  return runMove(
    deps,
    context,
    {
      move: "add late fee",
      actors: ["system", "user"],
      idempotencyKey: lateFeeIdempotencyKey(input.invoiceId, input.period),
      // Only what names the fee: workers sweeping at other instants still agree on the key.
      args: { invoiceId: input.invoiceId, period: input.period },
    },
    async (scope) => {
      const previous = await scope.transaction.invoices.get({
        id: input.invoiceId,
        forUpdate: true,
      });
      const amount = previous ? lateFeeDue(previous, input.period, input.today) : null;
      if (!previous || amount === null) return { invoiceId: input.invoiceId, added: false };
      const calculated = calculateInvoiceContent(
        previous.currency,
        contentWithLateFee(previous, input.period, amount),
      );
      if (!calculated.ok) throw new ValidationError({ issues: calculated.issues });
      const lateFee = previous.lateFee as NonNullable<Invoice["lateFee"]>;
      const invoice = await saveInvoice(
        scope,
        previous,
        withBalances({
          ...previous,
          revision: previous.revision + 1,
          content: calculated.content,
          totals: calculated.totals,
          total: calculated.totals.total,
          lateFee: { ...lateFee, periodsCharged: input.period },
        }),
      );
      await scope.transaction.revisions.append({
        record: {
          tenantId: invoice.tenantId,
          invoiceId: invoice.id,
          revision: invoice.revision,
          currency: invoice.currency,
          customer: invoice.customer,
          terms: invoice.terms,
          content: invoice.content,
          totals: invoice.totals,
          actor: scope.context.actor,
          createdAt: scope.now,
        },
      });
      const line = invoice.totals.lines.find((each) => each.id === lateFeeLineId(input.period));
      scope.emit(
        "invoice.late_fee_added",
        invoiceSubject(invoice),
        invoiceEventData(invoice, previous.status, {
          period: input.period,
          lineId: lateFeeLineId(input.period),
          amount,
          tax: line?.tax,
          revision: invoice.revision,
        }),
      );
      return { invoiceId: invoice.id, added: true };
    },
  );
}
