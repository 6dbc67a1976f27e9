import type { EventHandlerRegistry } from "../events/event-handlers";
import type { RemitEvent, RemitEventType } from "../events/remit-event";
import type { Invoice } from "../invoices/invoice";
import type { Clock } from "../ports/clock";
import type { EmailSender } from "../ports/email-sender";
import type { IdGenerator } from "../ports/id-generator";
import type { PaymentProvider } from "../ports/payment-provider";
import type { SmsSender } from "../ports/sms-sender";
import type { InvoiceStore, StoreTransaction } from "../ports/store/index";
import type { Tenant } from "../tenants/tenant-settings";
import type { Context } from "./actor";

/**
 * What every use case of the service is given: the ports, resolved with their defaults.
 * @group Service
 */
export type RemitDependencies = {
  store: InvoiceStore;
  clock: Clock;
  ids: IdGenerator;
  payments: Readonly<Record<string, PaymentProvider>>;
  notifiers: { email?: EmailSender; sms?: SmsSender };
  handlers: EventHandlerRegistry;
  /** Where work orders and quotes join the invoice moves, inside the same transaction. */
  hooks: InvoiceMoveHooks;
};

/**
 * Steps other parts of core add to invoice moves (work orders, quote deposits).
 * @group Service
 */
export type InvoiceMoveHooks = {
  /** At issue, before the status is settled: may add payments (deposits) and return the invoice. */
  beforeInvoiceIssued?(scope: MoveScope, invoice: Invoice): Promise<Invoice>;
  /** The quote deposits applied to an invoice (they may go back to the quote on cancel). */
  depositsOnInvoice?(scope: MoveScope, invoice: Invoice): Promise<string>;
  /** Before cancel is saved: return deposits to the quote, the work order to `complete_invoice_needed`. */
  beforeInvoiceCancelled?(scope: MoveScope, invoice: Invoice): Promise<Invoice>;
};

/** What a move's body works with: its transaction, who acts, when, and an event collector. */
export type MoveScope = {
  readonly deps: RemitDependencies;
  readonly transaction: StoreTransaction;
  readonly context: Context;
  readonly tenant: Tenant;
  /** The instant of the move, read once from the Clock. */
  readonly now: string;
  readonly events: RemitEvent[];
  emit(
    type: RemitEventType,
    subject: RemitEvent["subject"],
    data: Record<string, unknown>,
  ): RemitEvent;
};
