import type { Quote } from "../../quotes/quote";
import type { MoveScope } from "../../service/internal/run-move";
import type { Delivery } from "../delivery";
import type { Invoice } from "../invoice";
import { invoiceSubject } from "./invoice-event-data";

/** What a delivery is about: an invoice (and maybe one of its credit notes), or a quote. */
export type DeliverySubject =
  | { invoice: Invoice; quote?: undefined }
  | { quote: Quote; invoice?: undefined };

/** The invoice or quote a delivery is about, or `undefined` when it is gone. */
export async function loadDeliverySubject(
  scope: MoveScope,
  delivery: Delivery,
  forUpdate: boolean,
): Promise<DeliverySubject | undefined> {
  if (delivery.quoteId) {
    const quote = await scope.transaction.quotes.get({ id: delivery.quoteId, forUpdate });
    return quote ? { quote } : undefined;
  }
  if (!delivery.invoiceId) return undefined;
  const invoice = await scope.transaction.invoices.get({ id: delivery.invoiceId, forUpdate });
  return invoice ? { invoice } : undefined;
}

/**
 * Appends `invoice.delivery_updated` or `quote.delivery_updated` for a delivery's new status, at
 * the record's current version: delivery reports leave the invoice's or quote's version alone.
 */
export function emitDeliveryUpdated(
  scope: MoveScope,
  subject: DeliverySubject,
  delivery: Delivery,
): void {
  const data = {
    deliveryId: delivery.id,
    channel: delivery.channel,
    purpose: delivery.purpose,
    status: delivery.status,
    providerStatus: delivery.providerStatus,
    reason: delivery.reason,
  };
  if (subject.quote) {
    const { id, version } = subject.quote;
    scope.emit("quote.delivery_updated", { type: "quote", id, version }, data);
  } else {
    scope.emit("invoice.delivery_updated", invoiceSubject(subject.invoice), data);
  }
}

/** Records that the subject's customer opted out of `channel`, so the next send there is refused. */
export async function recordOptOut(
  scope: MoveScope,
  subject: DeliverySubject,
  channel: Delivery["channel"],
): Promise<void> {
  const customerId = subject.quote ? subject.quote.customer.id : subject.invoice.customer?.id;
  if (!customerId) return;
  const customer = await scope.transaction.customers.get({ id: customerId });
  if (!customer || customer.optedOut.includes(channel)) return;
  await scope.transaction.customers.update({
    record: {
      ...customer,
      optedOut: [...customer.optedOut, channel],
      version: customer.version + 1,
      updatedAt: scope.now,
    },
    expectedVersion: customer.version,
  });
}
