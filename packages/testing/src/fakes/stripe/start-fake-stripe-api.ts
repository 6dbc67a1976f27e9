import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ValidationError } from "@remit/core";
import Stripe from "stripe";
import { FakeStripeError, type StripeErrorBody, stripeErrorDocUrl } from "./fake-stripe-error";
import { createIdempotencyLayer } from "./fake-stripe-idempotency";
import { type FakeStripeRequest, fakeStripeRoutes } from "./fake-stripe-routes";
import { createFakeStripeScenarios, type FakeStripeScenarios } from "./fake-stripe-scenarios";
import { createFakeStripeState, type FakeStripeState } from "./fake-stripe-state";
import { type FormValue, parseFormBody } from "./parse-form-body";

/** The secret key the fake accepts; any other gets Stripe's 401. */
export const fakeStripeApiKey = "sk_test_fake";

/**
 * How a fake Stripe is started.
 * @since 0.3.0
 */
export type FakeStripeApiOptions = {
  /**
   * Where a new Checkout Session's `url` points. Default Stripe's own page,
   * `https://checkout.stripe.com/c/pay/<id>`; a demo gives a local page instead (a test-mode
   * checkout that completes the session with `pay` and delivers the events it returns).
   */
  checkoutPageUrl?: (sessionId: string) => string;
};

/** A request the fake received, with its answer, as a test asserts on it. */
export type FakeStripeRecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The form body, bracket keys parsed into nested values as Stripe reads them. */
  body: Record<string, FormValue>;
  /** The `Stripe-Account` header: the connected account the call acts on. */
  account: string | null;
  idempotencyKey: string | null;
  /** Whether the answer was a replay of an earlier request with the same idempotency key. */
  replayed: boolean;
  status: number;
  /** The answer's body, exactly as it was sent. */
  responseBody: string;
};

/** A failure the next matching requests get, in Stripe's error shape, before they run. */
export type FakeStripeFailure = {
  method?: string;
  path: string | RegExp;
  status: number;
  error: StripeErrorBody;
  headers?: Record<string, string>;
  /** How many matching requests fail. Default 1. */
  times?: number;
};

/**
 * A running fake of the Stripe endpoints Remit calls, on 127.0.0.1, with the scenarios that
 * happen at Stripe outside those calls (`pay`, `settle`, `refundInDashboard`, `dispute`, ...).
 */
export type FakeStripeApi = FakeStripeScenarios & {
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Everything the fake holds; a test may read it, or set `now` and `refundStatus`. */
  readonly state: FakeStripeState;
  /** Every request received, oldest first. */
  readonly requests: FakeStripeRecordedRequest[];
  /**
   * The `stripe` SDK options that point a client at this fake (`host`, `port`, `protocol`), with
   * network retries off and telemetry off. Use with `fakeStripeApiKey`.
   */
  clientOptions(): Stripe.StripeConfig;
  /** A real `stripe` client pointed at this fake; `options` override `clientOptions()`. */
  client(options?: Stripe.StripeConfig): Stripe;
  /** The next matching requests fail with `failure`; nothing is saved for their idempotency key. */
  failNext(failure: FakeStripeFailure): void;
  /** Runs after each request is handled, before it is answered (a test can cut a store off then). */
  afterEachRequest(callback: ((request: FakeStripeRecordedRequest) => void) | undefined): void;
  close(): Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

function errorJson(body: StripeErrorBody): string {
  return JSON.stringify({ error: body }, null, 2);
}

/**
 * Starts a small stateful fake of the Stripe API endpoints Remit calls, on 127.0.0.1, for tests
 * that run the real `stripe` SDK (its `host`/`port`/`protocol` options) without the network.
 *
 * Its answers are built from Stripe's published fixtures (the objects `stripe-mock` answers with)
 * and typed against the `stripe` package's own types. It follows Stripe's API reference where it
 * matters to an integration:
 * - connected accounts' objects are kept apart by the `Stripe-Account` header;
 * - errors are answered in Stripe's shape, `{ error: { type, code, message, param, doc_url } }`,
 *   with Stripe's status codes, so the SDK raises its own error classes;
 * - a POST with an `Idempotency-Key` (per account) saves its status and body once the endpoint
 *   has started executing, errors included, and a repeat gets the same bytes back with
 *   `Idempotent-Replayed: true`; the same key with other parameters is an `idempotency_error`;
 *   a request refused by parameter validation saves nothing; keys are pruned after 24 hours of
 *   the fake's clock (`state.now`).
 *
 * A session's `url` is Stripe's Checkout page unless `options.checkoutPageUrl` names a local one.
 *
 * Endpoints: `POST /v1/accounts`, `GET /v1/accounts/:id`, `POST /v1/account_links`,
 * `POST|GET /v1/checkout/sessions`, `GET /v1/checkout/sessions/:id`,
 * `POST /v1/checkout/sessions/:id/expire`, `GET /v1/payment_intents/:id`, `POST|GET /v1/refunds`.
 * Events Stripe would send are queued in `state.outbox`; take them with `takeEvents()` and sign
 * them with `signStripeWebhook`.
 *
 * @example
 * ```ts
 * import { startFakeStripeApi } from "@remit/testing/fake-stripe";
 *
 * const fake = await startFakeStripeApi();
 * const stripe = fake.client(); // a real Stripe client talking to the fake
 * const account = await stripe.accounts.create({ type: "standard" });
 * fake.updateAccount(account.id, { charges_enabled: true, details_submitted: true });
 * const events = fake.takeEvents(); // [account.updated]
 * await fake.close();
 * ```
 */
export async function startFakeStripeApi(
  options: FakeStripeApiOptions = {},
): Promise<FakeStripeApi> {
  if (options.checkoutPageUrl !== undefined && typeof options.checkoutPageUrl !== "function") {
    throw new ValidationError({
      issues: [
        {
          path: "options.checkoutPageUrl",
          message: "must be a function from a session id to the page's URL",
        },
      ],
    });
  }
  const state = createFakeStripeState();
  if (options.checkoutPageUrl) state.checkoutPageUrl = options.checkoutPageUrl;
  const requests: FakeStripeRecordedRequest[] = [];
  const failures: FakeStripeFailure[] = [];
  const idempotency = createIdempotencyLayer(state);
  let afterRequest: ((request: FakeStripeRecordedRequest) => void) | undefined;

  function run(method: string, url: URL, recorded: FakeStripeRecordedRequest) {
    try {
      const route = fakeStripeRoutes.find(
        (candidate) => candidate.method === method && candidate.pattern.test(url.pathname),
      );
      if (!route) {
        throw new FakeStripeError(
          404,
          {
            type: "invalid_request_error",
            message: `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
          },
          { saved: false },
        );
      }
      const match = route.pattern.exec(url.pathname) as RegExpExecArray;
      const request: FakeStripeRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        body: recorded.body,
        account: recorded.account,
      };
      const result = route.handle(state, request, match);
      return { status: 200, body: JSON.stringify(result, null, 2), headers: {}, saved: true };
    } catch (error) {
      if (!(error instanceof FakeStripeError)) throw error;
      return {
        status: error.status,
        body: errorJson(error.body),
        headers: error.headers,
        saved: error.saved,
      };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const rawBody = await readBody(request);
    const method = request.method ?? "GET";
    const account = header(request, "stripe-account");
    const idempotencyKey = header(request, "idempotency-key");
    const requestId = `req_fake${String(requests.length + 1).padStart(6, "0")}`;
    const recorded: FakeStripeRecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseFormBody(rawBody),
      account,
      idempotencyKey,
      replayed: false,
      status: 0,
      responseBody: "",
    };
    requests.push(recorded);
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      recorded.status = status;
      recorded.responseBody = body;
      afterRequest?.(recorded);
      response.writeHead(status, {
        "content-type": "application/json",
        "request-id": requestId,
        ...(idempotencyKey && method === "POST" ? { "idempotency-key": idempotencyKey } : {}),
        ...headers,
      });
      response.end(body);
    };

    const authorization = header(request, "authorization");
    if (authorization !== `Bearer ${fakeStripeApiKey}`) {
      const key = authorization?.replace(/^Bearer /, "") ?? "";
      answer(
        401,
        errorJson({
          type: "invalid_request_error",
          message: `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
        }),
      );
      return;
    }
    const failure = failures.find(
      (candidate) =>
        (!candidate.method || candidate.method === method) &&
        (typeof candidate.path === "string"
          ? candidate.path === url.pathname
          : candidate.path.test(url.pathname)),
    );
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
      answer(failure.status, errorJson(failure.error), failure.headers);
      return;
    }
    // After injected failures: a rolled key (401) comes before any account's refusal.
    if (account && state.deauthorized.has(account)) {
      answer(
        403,
        errorJson({
          type: "invalid_request_error",
          code: "account_invalid",
          message: `The provided key '${fakeStripeApiKey.slice(0, 8)}****' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
          doc_url: stripeErrorDocUrl("account_invalid"),
        }),
      );
      return;
    }

    // Idempotency keys only mean something on POST; Stripe ignores them on GET and DELETE.
    const key = idempotencyKey && method === "POST" ? idempotencyKey : null;
    const fingerprint = `${method} ${url.pathname} ${rawBody}`;
    const found = key ? idempotency.lookup(account, key, fingerprint) : { kind: "new" as const };
    if (found.kind === "mismatch") {
      answer(
        400,
        errorJson({
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        }),
      );
      return;
    }
    if (found.kind === "replay") {
      recorded.replayed = true;
      answer(found.answer.status, found.answer.body, {
        "idempotent-replayed": "true",
        "original-request": found.answer.requestId,
      });
      return;
    }
    const result = run(method, url, recorded);
    if (key && result.saved) {
      idempotency.save(account, key, fingerprint, {
        status: result.status,
        body: result.body,
        requestId,
      });
    }
    answer(result.status, result.body, {
      ...(key ? { "original-request": requestId } : {}),
      ...result.headers,
    });
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      response.writeHead(500, { "content-type": "application/json" });
      response.end(errorJson({ type: "api_error", message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const clientOptions = (): Stripe.StripeConfig => ({
    host: "127.0.0.1",
    port,
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
  });

  return {
    ...createFakeStripeScenarios(state),
    port,
    origin: `http://127.0.0.1:${port}`,
    state,
    requests,
    clientOptions,
    client: (options = {}) => new Stripe(fakeStripeApiKey, { ...clientOptions(), ...options }),
    failNext(failure) {
      failures.push({ ...failure });
    },
    afterEachRequest(callback) {
      afterRequest = callback;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
