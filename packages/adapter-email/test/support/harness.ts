import {
  type Context,
  createOutboxWorker,
  createRemit,
  type EmailSender,
  type SmsSender,
  type TenantSettingsInput,
} from "@remit/core";
import { createMemoryStore, createTestClock } from "@remit/testing";

export const tenantId = "tenant_acme";
export const user: Context = { tenantId, actor: { type: "user", id: "user_manager" } };

/** Remit on the in-memory store with a test clock, a tenant, and workers to run the outbox. */
export async function createHarness(options: {
  sms?: SmsSender;
  email?: EmailSender;
  settings?: TenantSettingsInput;
  /** The clock's first instant; default Monday 2026-03-02 15:00 UTC. */
  start?: string;
}) {
  const store = createMemoryStore();
  const clock = createTestClock(options.start);
  const remit = createRemit({
    store,
    clock,
    notifiers: {
      ...(options.sms ? { sms: options.sms } : {}),
      ...(options.email ? { email: options.email } : {}),
    },
  });
  await remit.tenants.upsert(user, {
    name: "Acme Plumbing",
    currency: "USD",
    timeZone: "America/Chicago",
    defaultTerms: "net_30",
    ...options.settings,
  });
  const invoiceUrl = (invoice: { publicToken: string | null }) =>
    `https://pay.example.com/i/${invoice.publicToken ?? ""}`;
  const newWorker = (workerOptions: { leaseMs?: number } = {}) =>
    createOutboxWorker({ remit, invoiceUrl, ...workerOptions });
  const worker = newWorker();

  /** A customer with the given contacts and an issued invoice of one line, not yet sent. */
  async function issuedInvoice(input: {
    phone?: string | null;
    email?: string | null;
    amount?: string;
  }) {
    const customer = await remit.customers.create(user, {
      name: "Dana Reyes",
      phone: input.phone === undefined ? null : input.phone,
      email: input.email === undefined ? "dana@example.com" : input.email,
    });
    const { invoice: draft } = await remit.invoices.create(user, {
      customerId: customer.id,
      lines: [
        {
          kind: "labor",
          description: "Unclog drain",
          quantity: "1",
          unitPrice: input.amount ?? "1234.50",
        },
      ],
    });
    const { invoice } = await remit.invoices.issue(user, { id: draft.id });
    return { customer, invoice };
  }

  const deliveriesOf = async (invoiceId: string) =>
    (await remit.invoices.get(user, { id: invoiceId })).deliveries;

  return { remit, store, clock, worker, newWorker, issuedInvoice, deliveriesOf };
}
