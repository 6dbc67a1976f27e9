import type Stripe from "stripe";
import {
  buildAccount,
  buildApplication,
  buildCharge,
  buildDispute,
  buildPaymentIntent,
} from "./build-stripe-objects";
import { emitEvent } from "./fake-stripe-events";
import { addRefund } from "./fake-stripe-routes";
import { type FakeStripeState, fakeId } from "./fake-stripe-state";

/**
 * What happens at Stripe outside Remit's API calls: a customer pays or fails to, an ACH debit
 * settles, someone refunds in the dashboard, a dispute is opened or won, onboarding finishes. Each
 * changes the fake's state as Stripe would and returns the events Stripe would send (also queued
 * in `state.outbox`).
 */
export function createFakeStripeScenarios(state: FakeStripeState) {
  const mark = () => state.outbox.length;
  const since = (start: number) => state.outbox.slice(start);

  function sessionEntry(sessionId: string) {
    const entry = state.sessions.get(sessionId);
    if (!entry) throw new Error(`No session ${sessionId}`);
    return entry;
  }

  function intentOf(intentId: string) {
    const entry = state.intents.get(intentId);
    if (!entry) throw new Error(`No PaymentIntent ${intentId}`);
    return entry;
  }

  function chargeOf(intent: Stripe.PaymentIntent) {
    const id = typeof intent.latest_charge === "string" ? intent.latest_charge : "";
    const entry = state.charges.get(id);
    if (!entry) throw new Error(`PaymentIntent ${intent.id} has no charge`);
    return entry.charge;
  }

  return {
    /**
     * A connected account that exists at Stripe from before this fake started: an app that kept
     * its id (in a database that outlived the fake's process) finds it again. No event is sent.
     * @since 0.3.0
     */
    addAccount(
      accountId: string,
      fields: { charges_enabled?: boolean; details_submitted?: boolean; email?: string } = {},
    ): Stripe.Account {
      if (!/^acct_\w+$/.test(accountId)) throw new Error(`Not an account id: ${accountId}`);
      const account = buildAccount({
        id: accountId,
        email: fields.email ?? null,
        country: "US",
        charges_enabled: fields.charges_enabled ?? false,
        details_submitted: fields.details_submitted ?? false,
        created: state.now,
        metadata: {},
      });
      state.accounts.set(accountId, account);
      return account;
    },

    /** Onboarding done (or undone): the account's status, and `account.updated`. */
    updateAccount(
      accountId: string,
      fields: { charges_enabled?: boolean; details_submitted?: boolean },
    ): Stripe.Event[] {
      const account = state.accounts.get(accountId);
      if (!account) throw new Error(`No account ${accountId}`);
      const start = mark();
      Object.assign(account, fields);
      emitEvent(state, "account.updated", account, accountId);
      return since(start);
    },

    /**
     * The customer pays a session: by card at once, by ACH debit (`processing` until
     * `settle`), or with a declined card (the session stays open).
     */
    pay(
      sessionId: string,
      options: { outcome?: "succeeded" | "processing" | "declined" } = {},
    ): Stripe.Event[] {
      const entry = sessionEntry(sessionId);
      const { session, account } = entry;
      if (session.status !== "open") throw new Error(`Session ${sessionId} is ${session.status}`);
      const outcome = options.outcome ?? "succeeded";
      const amount = session.amount_total ?? 0;
      const currency = session.currency ?? "usd";
      const start = mark();
      const intentId = fakeId("pi");
      const charge = buildCharge({
        id: fakeId("ch"),
        amount,
        amount_captured: outcome === "succeeded" ? amount : 0,
        amount_refunded: 0,
        captured: outcome === "succeeded",
        currency,
        created: state.now,
        metadata: entry.intentMetadata,
        payment_intent: intentId,
        paid: outcome === "succeeded",
        refunded: false,
        status:
          outcome === "succeeded" ? "succeeded" : outcome === "processing" ? "pending" : "failed",
        ...(outcome === "declined"
          ? { failure_code: "card_declined", failure_message: "Your card was declined." }
          : {}),
      });
      state.charges.set(charge.id, { account, charge });
      const intent = buildPaymentIntent({
        id: intentId,
        amount,
        amount_received: outcome === "succeeded" ? amount : 0,
        application_fee_amount: entry.feeMinor > 0 ? entry.feeMinor : null,
        currency,
        created: state.now,
        description: entry.intentDescription,
        latest_charge: charge.id,
        metadata: entry.intentMetadata,
        payment_method_types: session.payment_method_types,
        status:
          outcome === "succeeded"
            ? "succeeded"
            : outcome === "processing"
              ? "processing"
              : "requires_payment_method",
        ...(outcome === "declined"
          ? {
              last_payment_error: {
                type: "card_error",
                code: "card_declined",
                decline_code: "insufficient_funds",
                message: "Your card has insufficient funds.",
                charge: charge.id,
              },
            }
          : {}),
      });
      state.intents.set(intentId, { account, intent });
      if (outcome === "declined") {
        emitEvent(state, "charge.failed", charge, account);
        emitEvent(state, "payment_intent.payment_failed", intent, account);
        return since(start);
      }
      session.payment_intent = intentId;
      session.status = "complete";
      session.payment_status = outcome === "succeeded" ? "paid" : "unpaid";
      if (outcome === "succeeded") emitEvent(state, "charge.succeeded", charge, account);
      emitEvent(
        state,
        outcome === "succeeded" ? "payment_intent.succeeded" : "payment_intent.processing",
        intent,
        account,
      );
      emitEvent(state, "checkout.session.completed", session, account);
      return since(start);
    },

    /** A processing (ACH) payment of a session settles or fails, days later. */
    settle(sessionId: string, outcome: "succeeded" | "failed"): Stripe.Event[] {
      const { session, account } = sessionEntry(sessionId);
      const intent = intentOf(String(session.payment_intent)).intent;
      const charge = chargeOf(intent);
      const start = mark();
      if (outcome === "succeeded") {
        intent.status = "succeeded";
        intent.amount_received = intent.amount;
        Object.assign(charge, {
          status: "succeeded",
          paid: true,
          captured: true,
          amount_captured: charge.amount,
        });
        session.payment_status = "paid";
        emitEvent(state, "charge.succeeded", charge, account);
        emitEvent(state, "payment_intent.succeeded", intent, account);
        emitEvent(state, "checkout.session.async_payment_succeeded", session, account);
      } else {
        intent.status = "requires_payment_method";
        intent.last_payment_error = {
          type: "invalid_request_error",
          code: "payment_method_provider_decline",
          message: "The customer's bank account could not be debited.",
          charge: charge.id,
        };
        Object.assign(charge, { status: "failed", failure_code: "account_closed" });
        emitEvent(state, "charge.failed", charge, account);
        emitEvent(state, "payment_intent.payment_failed", intent, account);
        emitEvent(state, "checkout.session.async_payment_failed", session, account);
      }
      return since(start);
    },

    /**
     * The account's owner disconnects the platform (revokes its access in the Stripe dashboard):
     * Stripe sends `account.application.deauthorized` with the platform's application as
     * `data.object` and the account as `event.account`, and from then on answers every request
     * made for the account (`Stripe-Account`) with 403 `account_invalid`.
     */
    deauthorizeAccount(accountId: string): Stripe.Event[] {
      if (!state.accounts.has(accountId)) throw new Error(`No account ${accountId}`);
      const start = mark();
      state.deauthorized.add(accountId);
      emitEvent(
        state,
        "account.application.deauthorized",
        buildApplication({ id: "ca_fake_platform", name: "Remit test platform" }),
        accountId,
      );
      return since(start);
    },

    /** Someone refunds in the Stripe dashboard (no Remit metadata). */
    refundInDashboard(
      intentId: string,
      amount?: number,
    ): { refund: Stripe.Refund; events: Stripe.Event[] } {
      const { intent, account } = intentOf(intentId);
      const charge = chargeOf(intent);
      const start = mark();
      const refund = addRefund(
        state,
        account,
        charge,
        amount ?? charge.amount - charge.amount_refunded,
        {},
        "requested_by_customer",
      );
      return { refund, events: since(start) };
    },

    /**
     * A refund's status changes (a pending refund succeeds, or fails at the bank): Stripe sends
     * `refund.updated` (and `refund.failed` when it failed) for every payment method, and
     * `charge.refund.updated` only for some (`chargeRefundUpdated: false` leaves it out).
     */
    updateRefund(
      refundId: string,
      status: "succeeded" | "failed" | "canceled",
      options: { chargeRefundUpdated?: boolean } = {},
    ): Stripe.Event[] {
      const entry = state.refunds.get(refundId);
      if (!entry) throw new Error(`No refund ${refundId}`);
      const start = mark();
      const { refund, account } = entry;
      if (status !== "succeeded" && refund.status !== "failed" && refund.status !== "canceled") {
        const charge = state.charges.get(String(refund.charge))?.charge;
        if (charge) {
          charge.amount_refunded -= refund.amount;
          charge.refunded = false;
        }
      }
      refund.status = status;
      emitEvent(state, "refund.updated", refund, account);
      if (status === "failed") emitEvent(state, "refund.failed", refund, account);
      if (options.chargeRefundUpdated !== false) {
        emitEvent(state, "charge.refund.updated", refund, account);
      }
      return since(start);
    },

    /** The cardholder disputes the payment: the funds are withdrawn from the account. */
    dispute(
      intentId: string,
      amount?: number,
    ): { dispute: Stripe.Dispute; events: Stripe.Event[] } {
      const { intent, account } = intentOf(intentId);
      const charge = chargeOf(intent);
      const start = mark();
      const dispute = buildDispute({
        id: fakeId("dp"),
        amount: amount ?? charge.amount,
        currency: charge.currency,
        charge: charge.id,
        payment_intent: intent.id,
        created: state.now,
        status: "needs_response",
      });
      state.disputes.set(dispute.id, { account, dispute });
      charge.disputed = true;
      emitEvent(state, "charge.dispute.created", dispute, account);
      emitEvent(state, "charge.dispute.funds_withdrawn", dispute, account);
      return { dispute, events: since(start) };
    },

    /** The tenant wins the dispute: the funds come back. */
    winDispute(disputeId: string): Stripe.Event[] {
      const entry = state.disputes.get(disputeId);
      if (!entry) throw new Error(`No dispute ${disputeId}`);
      const start = mark();
      entry.dispute.status = "won";
      emitEvent(state, "charge.dispute.funds_reinstated", entry.dispute, entry.account);
      emitEvent(state, "charge.dispute.closed", entry.dispute, entry.account);
      return since(start);
    },

    /** Every event queued so far (Remit's refunds add some), emptying the queue. */
    takeEvents(): Stripe.Event[] {
      return state.outbox.splice(0, state.outbox.length);
    },
  };
}

/** The scenarios of a fake Stripe (see `createFakeStripeScenarios`). */
export type FakeStripeScenarios = ReturnType<typeof createFakeStripeScenarios>;
