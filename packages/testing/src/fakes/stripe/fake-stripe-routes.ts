import { ValidationError } from "@remit/core";
import type Stripe from "stripe";
import {
  buildAccount,
  buildAccountLink,
  buildCheckoutSession,
  buildRefund,
} from "./build-stripe-objects";
import { invalidParameter, missing, refused } from "./fake-stripe-error";
import { emitEvent } from "./fake-stripe-events";
import { type FakeStripeState, fakeId } from "./fake-stripe-state";
import type { FormValue } from "./parse-form-body";

/** One request as the fake's routes see it. */
export type FakeStripeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, FormValue>;
  account: string | null;
};

/** One endpoint: the state it changes and the object it answers with, or a `FakeStripeError`. */
export type FakeStripeRoute = {
  method: string;
  pattern: RegExp;
  handle(state: FakeStripeState, request: FakeStripeRequest, match: RegExpExecArray): unknown;
};

function text(value: FormValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function record(value: FormValue | undefined): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, entry]) =>
      typeof entry === "string" ? [[key, entry]] : [],
    ),
  );
}

function integer(value: FormValue | undefined, param: string): number {
  const parsed = Number(text(value));
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw invalidParameter(`Invalid integer: ${text(value)}`, param);
  return parsed;
}

/** Currencies Stripe takes with three decimals, in multiples of ten (docs.stripe.com/currencies). */
const threeDecimalCurrencies = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** Stripe refuses a three-decimal amount whose last digit is not 0, before it runs. */
function assertStripeStep(amount: number, currency: string, param: string): void {
  if (threeDecimalCurrencies.has(currency.toLowerCase()) && amount % 10 !== 0) {
    throw invalidParameter(
      `Invalid amount: ${currency.toUpperCase()} amounts must be a multiple of 10 (the last of the three decimals must be 0).`,
      param,
      "amount_invalid",
    );
  }
}

function requireAccount(request: FakeStripeRequest): string {
  if (!request.account) {
    throw invalidParameter("This fake needs a Stripe-Account header (a connected account) here.");
  }
  return request.account;
}

/** A list answer, paginated as Stripe does (`limit`, `starting_after`, `has_more`). */
export function list<T extends { id: string }>(
  items: T[],
  query: URLSearchParams,
  url: string,
): Stripe.ApiList<T> {
  const limit = Number(query.get("limit") ?? 10);
  const after = query.get("starting_after");
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  const page = items.slice(start, start + limit);
  return { object: "list", data: page, has_more: start + limit < items.length, url };
}

function createSession(
  state: FakeStripeState,
  request: FakeStripeRequest,
): Stripe.Checkout.Session {
  const account = requireAccount(request);
  if (!state.accounts.get(account)?.charges_enabled) {
    throw refused("This account cannot currently make live charges.", "account_invalid");
  }
  const lines = request.body.line_items;
  if (!Array.isArray(lines) || lines.length === 0)
    throw invalidParameter("Missing required param: line_items.", "line_items");
  let total = 0;
  let currency: string | undefined;
  for (const [index, line] of lines.entries()) {
    if (typeof line !== "object" || Array.isArray(line))
      throw invalidParameter("Invalid object", `line_items[${index}]`);
    const price = line.price_data;
    if (typeof price !== "object" || Array.isArray(price)) {
      throw invalidParameter(
        "Missing required param: price_data.",
        `line_items[${index}][price_data]`,
      );
    }
    currency ??= text(price.currency);
    if (text(price.currency) !== currency) {
      throw invalidParameter("All line items must share one currency.", `line_items[${index}]`);
    }
    const unitAmount = integer(price.unit_amount, `line_items[${index}][price_data][unit_amount]`);
    assertStripeStep(unitAmount, currency ?? "", `line_items[${index}][price_data][unit_amount]`);
    total += unitAmount * integer(line.quantity ?? "1", `line_items[${index}][quantity]`);
  }
  const intentData = request.body.payment_intent_data;
  const intentFields =
    typeof intentData === "object" && !Array.isArray(intentData) ? intentData : {};
  const allowed = request.body.allowed_payment_method_types;
  const methods = Array.isArray(allowed) ? allowed.map((entry) => String(entry)) : ["card"];
  const id = fakeId("cs_test");
  const session = buildCheckoutSession({
    id,
    amount_subtotal: total,
    amount_total: total,
    currency: currency ?? null,
    created: state.now,
    expires_at: state.now + 24 * 3600,
    metadata: record(request.body.metadata),
    client_reference_id: text(request.body.client_reference_id) ?? null,
    customer_email: text(request.body.customer_email) ?? null,
    success_url: text(request.body.success_url) ?? null,
    cancel_url: text(request.body.cancel_url) ?? null,
    payment_intent: null,
    payment_status: "unpaid",
    status: "open",
    allowed_payment_method_types: methods,
    payment_method_types: methods,
    url: checkoutPageUrlOf(state, id),
  });
  // Kept for when the session is paid: the PaymentIntent gets these.
  const feeMinor = intentFields.application_fee_amount
    ? integer(intentFields.application_fee_amount, "payment_intent_data[application_fee_amount]")
    : 0;
  state.sessions.set(id, {
    account,
    session,
    feeMinor,
    intentMetadata: record(intentFields.metadata),
    intentDescription: text(intentFields.description) ?? null,
  });
  return session;
}

/** The session's `url`: Stripe's page, or the local page the fake was started with. */
function checkoutPageUrlOf(state: FakeStripeState, sessionId: string): string {
  const url = state.checkoutPageUrl(sessionId);
  if (typeof url !== "string" || !/^https?:\/\/\S+$/.test(url)) {
    throw new ValidationError({
      issues: [{ path: "checkoutPageUrl", message: `must return an http(s) URL, returned ${url}` }],
    });
  }
  return url;
}

function ownSession(state: FakeStripeState, request: FakeStripeRequest, id: string) {
  const found = state.sessions.get(id);
  if (!found || found.account !== request.account) throw missing("checkout.session", id);
  return found.session;
}

function createRefund(state: FakeStripeState, request: FakeStripeRequest): Stripe.Refund {
  const account = requireAccount(request);
  const intentId = text(request.body.payment_intent);
  const found = intentId ? state.intents.get(intentId) : undefined;
  if (!intentId || !found || found.account !== account) {
    throw missing("payment_intent", intentId ?? "", "payment_intent");
  }
  const chargeId =
    typeof found.intent.latest_charge === "string" ? found.intent.latest_charge : null;
  const charge = chargeId ? state.charges.get(chargeId)?.charge : undefined;
  if (!charge || found.intent.status !== "succeeded") {
    throw refused(
      `PaymentIntent ${intentId} does not have a successful charge to refund.`,
      undefined,
      "payment_intent",
    );
  }
  const left = charge.amount - charge.amount_refunded;
  const amount = request.body.amount === undefined ? left : integer(request.body.amount, "amount");
  assertStripeStep(amount, charge.currency, "amount");
  if (left === 0) {
    throw refused(`Charge ${charge.id} has already been refunded.`, "charge_already_refunded");
  }
  if (amount <= 0 || amount > left) {
    throw invalidParameter(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
      "amount",
    );
  }
  return addRefund(state, account, charge, amount, record(request.body.metadata), null);
}

/** Adds a refund of `charge` and the events Stripe sends for it. */
export function addRefund(
  state: FakeStripeState,
  account: string,
  charge: Stripe.Charge,
  amount: number,
  metadata: Record<string, string>,
  reason: Stripe.Refund.Reason | null,
): Stripe.Refund {
  const refund = buildRefund({
    id: fakeId("re"),
    amount,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    created: state.now,
    metadata,
    reason,
    status: state.refundStatus,
  });
  state.refunds.set(refund.id, { account, refund });
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  // Since API version 2024-10-28 every refund gets `refund.created`, for any payment method.
  emitEvent(state, "refund.created", refund, account);
  emitEvent(state, "charge.refunded", charge, account);
  return refund;
}

/** The endpoints Remit calls, as Stripe's API reference describes them. */
export const fakeStripeRoutes: FakeStripeRoute[] = [
  {
    method: "POST",
    pattern: /^\/v1\/accounts$/,
    handle(state, request) {
      const account = buildAccount({
        id: fakeId("acct"),
        email: text(request.body.email) ?? null,
        country: text(request.body.country) ?? "US",
        charges_enabled: false,
        details_submitted: false,
        created: state.now,
        metadata: record(request.body.metadata),
      });
      state.accounts.set(account.id, account);
      return account;
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/accounts\/([^/]+)$/,
    handle(state, _request, match) {
      const account = state.accounts.get(match[1] ?? "");
      if (!account) throw missing("account", match[1] ?? "", "account");
      return account;
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/account_links$/,
    handle(state, request) {
      const account = text(request.body.account) ?? "";
      if (!state.accounts.has(account)) throw missing("account", account, "account");
      return buildAccountLink({
        created: state.now,
        expires_at: state.now + 300,
        url: `https://connect.stripe.com/setup/s/${account}/${fakeId("link")}`,
      });
    },
  },
  { method: "POST", pattern: /^\/v1\/checkout\/sessions$/, handle: createSession },
  {
    method: "GET",
    pattern: /^\/v1\/checkout\/sessions$/,
    handle(state, request) {
      const status = request.query.get("status");
      const sessions = [...state.sessions.values()]
        .filter((entry) => entry.account === request.account)
        .map((entry) => entry.session)
        .filter((session) => !status || session.status === status);
      return list(sessions, request.query, "/v1/checkout/sessions");
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
    handle: (state, request, match) => ownSession(state, request, match[1] ?? ""),
  },
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
    handle(state, request, match) {
      const session = ownSession(state, request, match[1] ?? "");
      if (session.status !== "open") {
        throw refused(
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
        );
      }
      session.status = "expired";
      emitEvent(state, "checkout.session.expired", session, request.account);
      return session;
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    handle(state, request, match) {
      const found = state.intents.get(match[1] ?? "");
      if (!found || found.account !== request.account) {
        throw missing("payment_intent", match[1] ?? "");
      }
      return found.intent;
    },
  },
  { method: "POST", pattern: /^\/v1\/refunds$/, handle: createRefund },
  {
    method: "GET",
    pattern: /^\/v1\/refunds$/,
    handle(state, request) {
      const charge = request.query.get("charge");
      const intent = request.query.get("payment_intent");
      const refunds = [...state.refunds.values()]
        .filter((entry) => entry.account === request.account)
        .map((entry) => entry.refund)
        .filter((refund) => !charge || refund.charge === charge)
        .filter((refund) => !intent || refund.payment_intent === intent);
      return list(refunds, request.query, "/v1/refunds");
    },
  },
];
