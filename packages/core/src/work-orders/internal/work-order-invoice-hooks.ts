import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import type { Invoice } from "../../invoices/invoice";
import { minorUnitsOf } from "../../money/currencies";
import { addMoney, compareMoney, subtractMoney } from "../../money/money-arithmetic";
import { saveQuote } from "../../quotes/internal/load-quote";
import { unrefundedAmount } from "../../quotes/internal/unrefunded-amount";
import type { MoveScope } from "../../service/internal/run-move";
import type { InvoiceMoveHooks } from "../../service/remit-dependencies";
import { saveWorkOrder } from "./load-work-order";
import { applyDepositToStage, returnDepositFromStage } from "./progress-deposit-hooks";
import { listWorkOrderInvoices, liveProgressInvoices } from "./progress-invoices";

/**
 * Where work orders and quote deposits join the invoice moves:
 * - at issue, the quote's held deposits become payments on the invoice (a deposit larger than the
 *   invoice leaves a credit); a progress stage instead takes min(deposit left, what it asks);
 * - at cancel, those deposits go back to the quote, and the work order back to
 *   `complete_invoice_needed`.
 */
export function createWorkOrderInvoiceHooks(): InvoiceMoveHooks {
  return {
    async beforeInvoiceIssued(scope: MoveScope, invoice: Invoice): Promise<Invoice> {
      if (invoice.progress !== null) return await applyDepositToStage(scope, invoice);
      if (invoice.quoteId === null) return invoice;
      const digits = minorUnitsOf(invoice.currency);
      const quote = await scope.transaction.quotes.get({ id: invoice.quoteId, forUpdate: true });
      if (!quote) return invoice;
      let applied = "0";
      for (const payment of await scope.transaction.payments.listByQuote({ quoteId: quote.id })) {
        if (
          payment.invoiceId !== null ||
          payment.status !== "succeeded" ||
          payment.currency !== invoice.currency
        )
          continue;
        const net = unrefundedAmount(
          payment,
          await scope.transaction.refunds.listByPayment({ paymentId: payment.id }),
          digits,
        );
        if (compareMoney(net, "0") <= 0) continue;
        await scope.transaction.payments.update({ record: { ...payment, invoiceId: invoice.id } });
        applied = addMoney(digits, applied, net);
      }
      if (compareMoney(applied, "0") === 0) return invoice;
      await saveQuote(
        scope,
        quote,
        { ...quote, depositHeld: subtractMoney(digits, quote.depositHeld, applied) },
        "deposit_applied",
        {
          invoiceId: invoice.id,
          amount: applied,
        },
      );
      return { ...invoice, amountPaid: addMoney(digits, invoice.amountPaid, applied) };
    },

    async depositsOnInvoice(scope: MoveScope, invoice: Invoice): Promise<string> {
      const digits = minorUnitsOf(invoice.currency);
      let total = invoice.progress?.depositApplied ?? "0";
      for (const payment of await scope.transaction.payments.listByInvoice({
        invoiceId: invoice.id,
      })) {
        if (payment.quoteId === null) continue;
        total = addMoney(
          digits,
          total,
          unrefundedAmount(
            payment,
            await scope.transaction.refunds.listByPayment({ paymentId: payment.id }),
            digits,
          ),
        );
      }
      return total;
    },

    async beforeInvoiceCancelled(scope: MoveScope, invoice: Invoice): Promise<Invoice> {
      const digits = minorUnitsOf(invoice.currency);
      let next = await returnDepositFromStage(scope, invoice);
      if (invoice.quoteId !== null) {
        const quote = await scope.transaction.quotes.get({ id: invoice.quoteId, forUpdate: true });
        let returned = "0";
        for (const payment of await scope.transaction.payments.listByInvoice({
          invoiceId: invoice.id,
        })) {
          if (payment.quoteId === null) continue;
          const net = unrefundedAmount(
            payment,
            await scope.transaction.refunds.listByPayment({ paymentId: payment.id }),
            digits,
          );
          await scope.transaction.payments.update({ record: { ...payment, invoiceId: null } });
          returned = addMoney(digits, returned, net);
        }
        if (quote && compareMoney(returned, "0") > 0) {
          await saveQuote(
            scope,
            quote,
            { ...quote, depositHeld: addMoney(digits, quote.depositHeld, returned) },
            "deposit_returned",
            {
              invoiceId: invoice.id,
              amount: returned,
            },
          );
          next = { ...next, amountPaid: subtractMoney(digits, next.amountPaid, returned) };
        }
      }
      if (invoice.workOrderId !== null) {
        const workOrder = await scope.transaction.workOrders.get({
          id: invoice.workOrderId,
          forUpdate: true,
        });
        if (invoice.progress?.kind === "stage") await assertNoLiveRetainage(scope, invoice);
        // A stage cancelled after the final one reopens the billing: what it billed is left again.
        const reopensStages =
          invoice.progress?.kind === "stage" && workOrder?.status === "invoiced";
        if (workOrder && (workOrder.invoiceId === invoice.id || reopensStages)) {
          await saveWorkOrder(
            scope,
            workOrder,
            { ...workOrder, status: "complete_invoice_needed", invoiceId: null },
            "invoice_cancelled",
            {
              invoiceId: invoice.id,
            },
          );
        }
      }
      return next;
    },
  };
}

/**
 * The retainage invoice bills what the live stages withheld: a stage cancelled under it would
 * leave it billing too much. Cancel the retainage invoice first.
 */
async function assertNoLiveRetainage(scope: MoveScope, invoice: Invoice): Promise<void> {
  if (invoice.workOrderId === null) return;
  const live = liveProgressInvoices(await listWorkOrderInvoices(scope, invoice.workOrderId));
  const retainage = live.find((other) => other.progress.kind === "retainage");
  if (retainage)
    throw new InvalidTransitionError({
      status: invoice.status,
      move: "cancel",
      reason: `the retainage invoice ${retainage.number ?? retainage.id} bills this stage's retainage; cancel it first`,
    });
}
