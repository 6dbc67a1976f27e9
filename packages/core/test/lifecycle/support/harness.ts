import { createMemoryStore, createTestClock } from "@remit/testing";
import { expect } from "vitest";
import {
  type Context,
  createRemit,
  type InvoiceDetails,
  RemitError,
  type TenantSettingsInput,
} from "../../../src/index";
import {
  createRecordingEmailSender,
  createRecordingSmsSender,
  createTestPaymentProvider,
} from "./test-adapters";

export const tenantId = "tenant_acme";

/** The contexts the host app passes: a manager, Remit itself, and a payment provider. */
export const userContext: Context = { tenantId, actor: { type: "user", id: "user_manager" } };
export const systemContext: Context = { tenantId, actor: { type: "system" } };
export const providerContext: Context = { tenantId, actor: { type: "provider", name: "testpay" } };

export type HarnessOptions = {
  settings?: TenantSettingsInput;
  /** The clock's first instant (UTC). */
  start?: string;
  /** A memory store to use (one that can fail, say); a new one by default. */
  store?: ReturnType<typeof createMemoryStore>;
};

/**
 * A Remit service on the in-memory store, with a test clock, recording email/SMS senders, a
 * payment provider that moves refunds, a tenant and one customer with both contacts.
 */
export async function createHarness(options: HarnessOptions = {}) {
  const store = options.store ?? createMemoryStore();
  const clock = createTestClock(options.start ?? "2026-03-02T15:00:00.000Z");
  const email = createRecordingEmailSender();
  const sms = createRecordingSmsSender();
  const testpay = createTestPaymentProvider("testpay");
  const remit = createRemit({ store, clock, notifiers: { email, sms }, payments: { testpay } });
  await remit.tenants.upsert(userContext, {
    name: "Acme Plumbing",
    currency: "USD",
    timeZone: "UTC",
    defaultTerms: "net_30",
    ...options.settings,
  });
  const customer = await remit.customers.create(userContext, {
    name: "Dana Reyes",
    email: "dana@example.com",
    phone: "+15551234567",
  });

  /** A draft for the customer with one line of `amount` (default 100.00). */
  async function draft(input: { amount?: string; terms?: unknown; currency?: string } = {}) {
    const { invoice } = await remit.invoices.create(userContext, {
      customerId: customer.id,
      lines: [
        {
          kind: "labor",
          description: "Repair",
          quantity: "1",
          unitPrice: input.amount ?? "100.00",
        },
      ],
      ...(input.terms === undefined ? {} : { terms: input.terms as "net_30" }),
      ...(input.currency === undefined ? {} : { currency: input.currency }),
    });
    return invoice;
  }

  /** An issued invoice (no review) of `amount`. */
  async function issued(input: { amount?: string; terms?: unknown } = {}) {
    const created = await draft(input);
    return (await remit.invoices.issue(userContext, { id: created.id })).invoice;
  }

  /** A manual payment by the user; returns the move's result. */
  function pay(id: string, amount: string, key: string) {
    return remit.invoices.recordPayment(userContext, {
      id,
      amount,
      method: "check",
      idempotencyKey: key,
    });
  }

  /** Everything about an invoice and the store-wide counts a refused move must leave alone. */
  async function snapshot(id: string) {
    const details = await remit.invoices.get(userContext, { id });
    return {
      details,
      events: [...store.state.events.all()].length,
      jobs: [...store.state.jobs.all()].length,
      deliveries: [...store.state.deliveries.all()].length,
      payments: [...store.state.payments.all()].length,
      refunds: [...store.state.refunds.all()].length,
    };
  }

  /**
   * Runs a move that must be refused with `code`, and checks it changed nothing: the invoice with
   * its revisions, payments, refunds, deliveries and events, and no row added anywhere.
   */
  async function expectRefused(id: string, code: string, move: () => Promise<unknown>) {
    const before = await snapshot(id);
    const error = await refusal(move());
    expect(error.code).toBe(code);
    expect(await snapshot(id)).toEqual(before);
    return error;
  }

  return {
    store,
    clock,
    email,
    sms,
    testpay,
    remit,
    customer,
    draft,
    issued,
    pay,
    snapshot,
    expectRefused,
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** A Remit error with the fields its subclass adds (`status`, `move`, `path`, `channel`, …). */
export type RefusedError = RemitError & Record<string, unknown>;

/** The Remit error a promise rejects with; fails the test if it resolves or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<RefusedError> {
  let outcome: { resolved: unknown } | { error: unknown };
  try {
    outcome = { resolved: await promise };
  } catch (error) {
    outcome = { error };
  }
  if ("resolved" in outcome) throw new Error("Expected the call to be refused, but it succeeded");
  if (!RemitError.isInstance(outcome.error)) throw outcome.error;
  return outcome.error as RefusedError;
}

/** The event types of an invoice, without delivery reports (which are not moves). */
export function moveEventTypes(details: InvoiceDetails): string[] {
  return details.events
    .filter((event) => event.type !== "invoice.delivery_updated")
    .map((event) => event.type);
}
