import { createCustomersApi } from "./api/customers-api";
import { createEventsApi } from "./api/events-api";
import { createInvoicesApi } from "./api/invoices-api";
import { createPlansApi } from "./api/plans-api";
import { createQuotesApi } from "./api/quotes-api";
import { createReportsApi } from "./api/reports-api";
import { createTenantsApi } from "./api/tenants-api";
import { createWorkOrdersApi } from "./api/work-orders-api";
import { EventHandlerRegistry } from "./events/event-handlers";
import { reportDelivery } from "./invoices/moves/report-delivery";
import { createReceiptHandler } from "./messages/create-receipt-handler";
import { type Clock, systemClock } from "./ports/clock";
import type { EmailSender } from "./ports/email-sender";
import { type IdGenerator, ulidIdGenerator } from "./ports/id-generator";
import { createManualPayments, type PaymentProvider } from "./ports/payment-provider";
import type { SmsSender } from "./ports/sms-sender";
import type { InvoiceStore } from "./ports/store/index";
import type { Remit } from "./remit";
import { bindCalls } from "./service/internal/bind-calls";
import type { InvoiceMoveHooks, RemitDependencies } from "./service/remit-dependencies";
import { attachDependencies } from "./service/remit-internals";
import { createWorkOrderInvoiceHooks } from "./work-orders/internal/work-order-invoice-hooks";

/**
 * What `createRemit` is built from. Only `store` is required.
 * @group Service
 */
export type RemitOptions = {
  store: InvoiceStore;
  /** Online payment providers by name (`{ stripe: createStripePayments(...) }`); `manual` is always there. */
  payments?: Record<string, PaymentProvider>;
  notifiers?: { email?: EmailSender; sms?: SmsSender };
  clock?: Clock;
  ids?: IdGenerator;
};

/**
 * Creates the Remit service on a store. Every call takes a context `{ tenantId, actor }` first;
 * every move runs in one store transaction and returns `{ invoice, events }`. See {@link Remit}
 * for every call.
 *
 * @example
 * ```ts
 * const remit = createRemit({ store: createMemoryStore() });
 * const ctx = { tenantId: "acme-plumbing", actor: { type: "user", id: "u_1" } } as const;
 * const customer = await remit.customers.create(ctx, { name: "Dana Reyes", email: "dana@example.com" });
 * const { invoice } = await remit.invoices.create(ctx, {
 *   customerId: customer.id,
 *   lines: [{ kind: "labor", description: "Unclog drain", quantity: "1.5", unitPrice: "95.00" }],
 * });
 * await remit.invoices.issue(ctx, { id: invoice.id, expectedVersion: invoice.version });
 * ```
 * @group Service
 */
export function createRemit(options: RemitOptions): Remit {
  const hooks: InvoiceMoveHooks = createWorkOrderInvoiceHooks();
  const deps: RemitDependencies = {
    store: options.store,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? ulidIdGenerator,
    payments: { manual: createManualPayments(), ...options.payments },
    notifiers: { ...options.notifiers },
    handlers: new EventHandlerRegistry(),
    hooks,
  };
  deps.handlers.on("invoice.payment_recorded", createReceiptHandler(deps), {
    name: "remit.receipts",
  });
  const remit: Remit = {
    tenants: createTenantsApi(deps),
    customers: createCustomersApi(deps),
    invoices: createInvoicesApi(deps),
    workOrders: createWorkOrdersApi(deps),
    quotes: createQuotesApi(deps),
    plans: createPlansApi(deps),
    events: createEventsApi(deps),
    deliveries: bindCalls(deps, { report: reportDelivery }),
    reports: createReportsApi(deps),
    clock: deps.clock,
  };
  return attachDependencies(remit, deps);
}
