import { DeliveryError } from "../../errors/delivery-error";
import { RemitError } from "../../errors/remit-error";
import type { Delivery } from "../../invoices/delivery";
import {
  type DeliverySubject,
  emitDeliveryUpdated,
  loadDeliverySubject,
  recordOptOut,
} from "../../invoices/internal/delivery-subject";
import type { Invoice } from "../../invoices/invoice";
import { renderInvoiceMessage } from "../../messages/render-invoice-message";
import { renderQuoteMessage } from "../../messages/render-quote-message";
import type { Quote } from "../../quotes/quote";
import { type MoveScope, runMove } from "../../service/internal/run-move";
import type { RemitDependencies } from "../../service/remit-dependencies";
import type { OutboxJob } from "../outbox-job";
import type { JobOutcome } from "./run-event-job";

const system = { type: "system" } as const;
// Marks a delivery handed to a provider whose answer is not yet recorded.
const inFlight = "in_flight";

/** Links for the customer: the hosted invoice page, the hosted quote page. */
export type CustomerLinks = {
  invoiceUrl: (invoice: Invoice) => string;
  quoteUrl: (quote: Quote) => string;
};

/**
 * Why a delivery no longer goes out, if it doesn't: an invoice or reminder for an invoice that
 * asks for no money any more, a quote no longer waiting for the customer's answer. Receipts and
 * credit notes record money already moved: they go out whatever the status.
 */
function staleReason(subject: DeliverySubject, delivery: Delivery): string | undefined {
  if (subject.quote)
    return subject.quote.status === "sent" ? undefined : `quote_${subject.quote.status}`;
  const { invoice } = subject;
  const payable = invoice.status === "pending_payment" || invoice.status === "past_due";
  const asksForMoney = delivery.purpose === "invoice" || delivery.purpose === "reminder";
  return asksForMoney && !payable ? `invoice_${invoice.status}` : undefined;
}

async function recordDelivery(
  scope: MoveScope,
  subject: DeliverySubject,
  previous: Delivery,
  changes: Partial<Delivery>,
) {
  const delivery: Delivery = { ...previous, ...changes, updatedAt: scope.now };
  await scope.transaction.deliveries.update({ record: delivery });
  emitDeliveryUpdated(scope, subject, delivery);
}

/**
 * Sends one delivery. The delivery is claimed (marked in flight) in one transaction before the
 * provider is asked, and finished in another after: SMS and SMTP offer no idempotency, so a worker
 * that dies between the two leaves a delivery whose outcome is unknown. The next try marks it
 * `failed` with reason `outcome_unknown` instead of sending it twice.
 */
export async function runDeliveryJob(
  deps: RemitDependencies,
  job: OutboxJob,
  links: CustomerLinks,
): Promise<JobOutcome> {
  const context = { tenantId: job.tenantId, actor: system };
  const deliveryId = String(job.payload.deliveryId);
  const claimed = await runMove(
    deps,
    context,
    { move: "send delivery", actors: ["system"], args: {} },
    async (scope) => {
      const delivery = await scope.transaction.deliveries.get({ id: deliveryId });
      const subject = delivery ? await loadDeliverySubject(scope, delivery, true) : undefined;
      if (
        !delivery ||
        !subject ||
        (delivery.status !== "scheduled" && delivery.status !== "queued")
      )
        return { send: undefined };
      if (delivery.reason === inFlight) {
        await recordDelivery(scope, subject, delivery, {
          status: "failed",
          reason: "outcome_unknown",
        });
        return { send: undefined };
      }
      const stale = staleReason(subject, delivery);
      if (stale) {
        await recordDelivery(scope, subject, delivery, { status: "cancelled", reason: stale });
        return { send: undefined };
      }
      const creditNote =
        delivery.purpose === "credit_note" && delivery.creditNoteId
          ? await scope.transaction.creditNotes?.get({ id: delivery.creditNoteId })
          : undefined;
      if (delivery.purpose === "credit_note" && !creditNote) {
        // A store that dropped the credit note's id (one written before 0.3.0) cannot say which.
        await recordDelivery(scope, subject, delivery, {
          status: "failed",
          reason: "credit_note_not_found",
        });
        return { send: undefined };
      }
      const sender = delivery.channel === "email" ? deps.notifiers.email : deps.notifiers.sms;
      if (!sender) {
        await recordDelivery(scope, subject, delivery, {
          status: "failed",
          reason: `no_${delivery.channel}_sender_configured`,
        });
        return { send: undefined };
      }
      const claimedDelivery = {
        ...delivery,
        attempts: delivery.attempts + 1,
        reason: inFlight,
        updatedAt: scope.now,
      };
      await scope.transaction.deliveries.update({ record: claimedDelivery });
      const message = subject.quote
        ? renderQuoteMessage({
            quote: subject.quote,
            tenant: scope.tenant,
            url: links.quoteUrl(subject.quote),
          })
        : renderInvoiceMessage({
            invoice: subject.invoice,
            tenant: scope.tenant,
            purpose: delivery.purpose as Exclude<Delivery["purpose"], "quote">,
            url: links.invoiceUrl(subject.invoice),
            ...(creditNote ? { creditNote } : {}),
          });
      return { send: { delivery: claimedDelivery, message, subject, creditNote } };
    },
  );
  if (!claimed.send) return { ok: true };
  const { delivery, message, subject, creditNote } = claimed.send;
  const about = {
    tenantId: job.tenantId,
    deliveryId: delivery.id,
    purpose: delivery.purpose,
    ...(subject.invoice ? { invoice: subject.invoice } : {}),
    ...(subject.quote ? { quote: subject.quote } : {}),
    ...(creditNote ? { creditNote } : {}),
  };

  let outcome: Partial<Delivery>;
  let retry: string | undefined;
  try {
    if (delivery.channel === "email" && deps.notifiers.email) {
      const sent = await deps.notifiers.email.send({
        to: delivery.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        idempotencyKey: delivery.id,
        about,
      });
      outcome = {
        status: "sent",
        providerStatus: "accepted",
        providerMessageId: sent.providerMessageId,
        reason: null,
      };
    } else if (deps.notifiers.sms) {
      const sent = await deps.notifiers.sms.send({
        to: delivery.recipient,
        body: message.sms,
        idempotencyKey: delivery.id,
        about,
      });
      outcome = {
        status: sent.status,
        providerStatus: sent.status,
        providerMessageId: sent.providerMessageId,
        reason: null,
      };
    } else {
      outcome = { status: "failed", reason: "no_sender_configured" };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      error instanceof DeliveryError ||
      (RemitError.isInstance(error) && error.code === "recipient_opted_out")
    ) {
      outcome = { status: "failed", reason: "recipient_opted_out", providerStatus: message };
    } else if (!RemitError.isInstance(error)) {
      // Not an answer the port promises: the provider may or may not have the message, and it
      // offers no idempotency, so the delivery is not sent again.
      outcome = { status: "failed", reason: "outcome_unknown", providerStatus: message };
    } else if (!error.retryable) {
      outcome = { status: "failed", reason: "provider_refused", providerStatus: message };
    } else {
      // The provider clearly refused for now: nothing went out, so the delivery may be tried again.
      outcome = { reason: null, providerStatus: message };
      retry = message;
    }
  }

  const recorded = await runMove(
    deps,
    context,
    { move: "record delivery", actors: ["system"], args: {} },
    async (scope) => {
      const current = await scope.transaction.deliveries.get({ id: delivery.id });
      const subject = current ? await loadDeliverySubject(scope, current, false) : undefined;
      if (!current || !subject) return {};
      // A worker that outlived its lease: another one has already settled this delivery (as
      // `outcome_unknown`). Keep the provider's id for its status reports; the status stays.
      if (current.reason !== inFlight || current.attempts !== delivery.attempts) {
        if (outcome.providerMessageId && !current.providerMessageId) {
          await scope.transaction.deliveries.update({
            record: {
              ...current,
              providerMessageId: outcome.providerMessageId,
              updatedAt: scope.now,
            },
          });
        }
        return { claimLost: true };
      }
      if (retry !== undefined) {
        await scope.transaction.deliveries.update({
          record: { ...current, ...outcome, updatedAt: scope.now },
        });
        return {};
      }
      await recordDelivery(scope, subject, current, outcome);
      if (outcome.reason === "recipient_opted_out")
        await recordOptOut(scope, subject, current.channel);
      return {};
    },
  );
  if (retry === undefined || recorded.claimLost) return { ok: true };
  return { ok: false, error: retry, retryable: true };
}
