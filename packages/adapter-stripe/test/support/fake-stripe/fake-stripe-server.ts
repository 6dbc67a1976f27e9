import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { FakeStripeError, invalid } from "./fake-stripe-errors";
import { type FakeRequest, routes } from "./fake-stripe-routes";
import { createScenarios, type FakeStripeScenarios } from "./fake-stripe-scenarios";
import { createFakeStripeState, type FakeStripeState } from "./fake-stripe-state";
import { type FormValue, parseFormBody } from "./form-body";

/** A request the fake received, as a test asserts on it. */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, FormValue>;
  /** The `Stripe-Account` header: the connected account the call acts on. */
  account: string | null;
  idempotencyKey: string | null;
  /** Whether the answer was a replay of an earlier request with the same idempotency key. */
  replayed: boolean;
  status: number;
};

/** A failure the next matching request gets, in Stripe's error shape. */
export type InjectedFailure = {
  method?: string;
  path: string | RegExp;
  status: number;
  error: FakeStripeError["body"];
  headers?: Record<string, string>;
  /** How many matching requests fail. Default 1. */
  times?: number;
};

type StoredAnswer = { fingerprint: string; status: number; body: string };

/**
 * A small stateful fake of the Stripe endpoints Remit calls, on 127.0.0.1. The real `stripe` SDK
 * talks to it through its `host`/`port`/`protocol` options. Like Stripe, it keeps connected
 * accounts' objects apart by the `Stripe-Account` header, answers errors in Stripe's shape, and
 * replays the first answer to a repeated idempotency key (per account; other parameters with the
 * same key are an `idempotency_error`). Failures injected with `failNext` happen before the
 * request runs, so nothing is stored for them (as with Stripe's 429s and lock timeouts).
 */
export type FakeStripeServer = FakeStripeScenarios & {
  readonly port: number;
  readonly state: FakeStripeState;
  readonly requests: RecordedRequest[];
  /** A real `stripe` client pointed at this server. */
  client(options?: { maxNetworkRetries?: number }): Stripe;
  failNext(failure: InjectedFailure): void;
  /** Runs after each request is answered (a test can cut the store off at that moment). */
  afterEachRequest(callback: ((request: RecordedRequest) => void) | undefined): void;
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

export async function startFakeStripe(): Promise<FakeStripeServer> {
  const state = createFakeStripeState();
  const requests: RecordedRequest[] = [];
  const failures: InjectedFailure[] = [];
  const answers = new Map<string, StoredAnswer>();
  let afterRequest: ((request: RecordedRequest) => void) | undefined;

  function send(
    response: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ) {
    response.writeHead(status, {
      "content-type": "application/json",
      "request-id": `req_fake${requests.length}`,
      ...headers,
    });
    response.end(body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const rawBody = await readBody(request);
    const method = request.method ?? "GET";
    const account = header(request, "stripe-account");
    const idempotencyKey = header(request, "idempotency-key");
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseFormBody(rawBody),
      account,
      idempotencyKey,
      replayed: false,
      status: 0,
    };
    requests.push(recorded);
    const answer = (status: number, body: string, headers?: Record<string, string>) => {
      recorded.status = status;
      afterRequest?.(recorded);
      send(response, status, body, headers);
    };

    if (header(request, "authorization") !== "Bearer sk_test_fake") {
      answer(
        401,
        JSON.stringify({
          error: { type: "invalid_request_error", message: "Invalid API Key provided" },
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
      answer(failure.status, JSON.stringify({ error: failure.error }), failure.headers);
      return;
    }
    const storeKey =
      idempotencyKey && method === "POST" ? `${account ?? ""}|${idempotencyKey}` : null;
    const fingerprint = `${method} ${url.pathname} ${rawBody}`;
    const stored = storeKey ? answers.get(storeKey) : undefined;
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        const error = new FakeStripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        });
        answer(error.status, JSON.stringify({ error: error.body }));
        return;
      }
      recorded.replayed = true;
      answer(stored.status, stored.body, { "idempotent-replayed": "true" });
      return;
    }
    let status = 200;
    let body: string;
    let headers: Record<string, string> = {};
    try {
      const route = routes.find(
        (candidate) => candidate.method === method && candidate.pattern.test(url.pathname),
      );
      if (!route) throw invalid(`Unrecognized request URL (${method}: ${url.pathname}).`);
      const match = route.pattern.exec(url.pathname) as RegExpExecArray;
      const fakeRequest: FakeRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        body: recorded.body,
        account,
      };
      body = JSON.stringify(route.handle(state, fakeRequest, match));
    } catch (error) {
      if (!(error instanceof FakeStripeError)) throw error;
      status = error.status;
      body = JSON.stringify({ error: error.body });
      headers = error.headers;
    }
    // Stripe saves the result of a request that ran, success or error, for its key.
    if (storeKey) answers.set(storeKey, { fingerprint, status, body });
    answer(status, body, headers);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, JSON.stringify({ error: { type: "api_error", message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    ...createScenarios(state),
    port,
    state,
    requests,
    client: (options = {}) =>
      new Stripe("sk_test_fake", {
        host: "127.0.0.1",
        port,
        protocol: "http",
        maxNetworkRetries: options.maxNetworkRetries ?? 0,
        telemetry: false,
      }),
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
