import {
  type Context,
  createOutboxWorker,
  createRemit,
  type EmailSender,
  type SmsSender,
  type TenantSettingsInput,
} from "@remit/core";
import { createMemoryStore } from "../memory-store/create-memory-store";
import { createTestClock } from "../store-conformance/test-clock";

/**
 * The tenant every sending harness works in.
 * @group Test helpers
 */
export const sendingTenantId = "tenant_acme";
/**
 * A manager of that tenant.
 * @group Test helpers
 */
export const sendingUser: Context = {
  tenantId: sendingTenantId,
  actor: { type: "user", id: "user_manager" },
};

/**
 * Remit on the in-memory store with a test clock, a tenant, and workers to run the outbox: what a
 * test of an email or SMS adapter needs to send real invoices through it end to end.
 *
 * @example
 * ```ts
 * const harness = await createSendingHarness({ email: createSmtpEmail({ transport, from }) });
 * const { invoice } = await harness.issuedInvoice({});
 * await harness.remit.invoices.send(sendingUser, { id: invoice.id, channels: ["email"] });
 * await harness.worker.runOnce();
 * ```
 * @group Test helpers
 */
export async function createSendingHarness(options: {
  sms?: SmsSender;
  email?: EmailSender;
  settings?: TenantSettingsInput;
  /** The clock's first instant; default Monday 2026-03-02 15:00 UTC. */
  start?: string;
  /** The contacts a customer of `issuedInvoice` gets when the call names none. */
  defaultContacts?: { email: string | null; phone: string | null };
}) {
  const defaults = options.defaultContacts ?? { email: "dana@example.com", phone: "+15125550101" };
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
  await remit.tenants.upsert(sendingUser, {
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
    const customer = await remit.customers.create(sendingUser, {
      name: "Dana Reyes",
      phone: input.phone === undefined ? defaults.phone : input.phone,
      email: input.email === undefined ? defaults.email : input.email,
    });
    const { invoice: draft } = await remit.invoices.create(sendingUser, {
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
    const { invoice } = await remit.invoices.issue(sendingUser, { id: draft.id });
    return { customer, invoice };
  }

  const deliveriesOf = async (invoiceId: string) =>
    (await remit.invoices.get(sendingUser, { id: invoiceId })).deliveries;

  return { remit, store, clock, worker, newWorker, issuedInvoice, deliveriesOf };
}
