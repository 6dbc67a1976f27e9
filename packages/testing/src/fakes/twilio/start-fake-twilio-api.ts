import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fakeTwilioAccountSid, fakeTwilioAuthToken } from "./fake-twilio-credentials";
import { type TwilioErrorBody, twilioError } from "./twilio-error";

/** A message the fake accepted, as Twilio received it. */
export type FakeTwilioMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string | undefined;
  messagingServiceSid: string | undefined;
  body: string;
  statusCallback: string | undefined;
  /** The request's `Authorization` header. */
  authorization: string | undefined;
};

/** How the fake answers the next Messages API request. */
export type FakeTwilioAnswer =
  | "accept"
  /** 500 with Twilio's JSON error body (20500); nothing is recorded. */
  | "error500"
  /** 429 Too Many Requests (20429); nothing is recorded. */
  | "error429"
  /**
   * Holds the request unanswered, as a Twilio that never answers; nothing is recorded. Wait for it
   * with `whenHanging()`, then end it with `dropHanging()`: the client sees the connection reset,
   * the same "no answer" a timeout gives, without any test waiting on a clock.
   */
  | "hang";

/** A Messages API request and how it was answered. */
export type FakeTwilioRequest = {
  path: string;
  answer: FakeTwilioAnswer | "opted_out" | "invalid" | "unauthorized";
};

/** A running fake of Twilio's Messages API (see `startFakeTwilioApi`). */
export type FakeTwilioApi = {
  /** `http://127.0.0.1:<port>`: where `createLoopbackTwilioClient` sends the SDK's requests. */
  readonly origin: string;
  /** The Account SID and auth token the fake accepts. */
  readonly accountSid: string;
  readonly authToken: string;
  /** Messages accepted, oldest first. */
  readonly messages: FakeTwilioMessage[];
  /** Every Messages API request, with its answer. */
  readonly requests: FakeTwilioRequest[];
  /** Numbers answered with error 21610, as after the recipient texted STOP. */
  readonly optedOut: Set<string>;
  /** Numbers answered with error 21211 (not a valid phone number). */
  readonly invalidNumbers: Set<string>;
  /** Queues answers for the next requests, in order; after them, requests are accepted. */
  answerNext(...next: FakeTwilioAnswer[]): void;
  /** Resolves once a request answered `"hang"` is being held (at once if one already is). */
  whenHanging(): Promise<void>;
  /** Closes the connection of every held request, unanswered; the client's call fails (ECONNRESET). */
  dropHanging(): void;
  close(): Promise<void>;
};

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/**
 * Starts a stand-in for `api.twilio.com` on 127.0.0.1 that answers
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` as Twilio does: 201 with a message
 * resource (status `queued`), or Twilio's error JSON `{ code, message, more_info, status }`, which
 * the `twilio` SDK turns into a `RestException`. It checks HTTP basic auth against its Account SID
 * and auth token (401, error 20003, otherwise), refuses numbers in `optedOut` with 21610 (as after
 * a STOP) and malformed or `invalidNumbers` with 21211, and records what it accepted. Faults are
 * queued with `answerNext`.
 *
 * The `twilio` SDK has no base-URL option: talk to the fake with `createLoopbackTwilioClient`.
 * Twilio has no idempotency key for messages, and neither has the fake: every accepted request is
 * a new message.
 *
 * @example
 * ```ts
 * import { createLoopbackTwilioClient, startFakeTwilioApi } from "@remit/testing/fake-twilio";
 *
 * const api = await startFakeTwilioApi();
 * const client = createLoopbackTwilioClient(api);
 * await client.messages.create({ to: "+15125550101", from: "+15125550100", body: "Hi" });
 * api.messages[0]?.body; // "Hi"
 * api.optedOut.add("+15125550102"); // the next send there fails with RestException 21610
 * await api.close();
 * ```
 */
export async function startFakeTwilioApi(
  options: { accountSid?: string; authToken?: string } = {},
): Promise<FakeTwilioApi> {
  const accountSid = options.accountSid ?? fakeTwilioAccountSid;
  const authToken = options.authToken ?? fakeTwilioAuthToken;
  const expectedAuthorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  const messages: FakeTwilioMessage[] = [];
  const requests: FakeTwilioRequest[] = [];
  const answers: FakeTwilioAnswer[] = [];
  const optedOut = new Set<string>();
  const invalidNumbers = new Set<string>();
  const hanging = new Set<ServerResponse>();
  let hangWaiters: Array<() => void> = [];

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = request.url ?? "";
    const refuse = (answer: FakeTwilioRequest["answer"], error: TwilioErrorBody) => {
      requests.push({ path, answer });
      sendJson(response, error.status, error);
    };
    const match = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/.exec(path);
    if (request.method !== "POST" || !match) {
      sendJson(
        response,
        404,
        twilioError(404, 20404, `The requested resource ${path.split("?")[0]} was not found`),
      );
      return;
    }
    const form = await readForm(request);
    if (match[1] !== accountSid || request.headers.authorization !== expectedAuthorization) {
      refuse("unauthorized", twilioError(401, 20003, "Authenticate"));
      return;
    }
    const answer = answers.shift() ?? "accept";
    const to = form.get("To") ?? "";
    if (answer === "hang") {
      requests.push({ path, answer });
      hanging.add(response);
      for (const wake of hangWaiters) wake();
      hangWaiters = [];
      return;
    }
    if (answer === "error500") {
      refuse(answer, twilioError(500, 20500, "Internal Server Error"));
      return;
    }
    if (answer === "error429") {
      refuse(answer, twilioError(429, 20429, "Too Many Requests"));
      return;
    }
    if (optedOut.has(to)) {
      refuse("opted_out", twilioError(400, 21610, "Attempt to send to unsubscribed recipient"));
      return;
    }
    if (invalidNumbers.has(to) || !/^\+\d{8,15}$/.test(to)) {
      const message = `The 'To' number ${to} is not a valid phone number.`;
      refuse("invalid", twilioError(400, 21211, message));
      return;
    }
    requests.push({ path, answer });
    const message: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      accountSid,
      to,
      from: form.get("From") ?? undefined,
      messagingServiceSid: form.get("MessagingServiceSid") ?? undefined,
      body: form.get("Body") ?? "",
      statusCallback: form.get("StatusCallback") ?? undefined,
      authorization: request.headers.authorization,
    };
    messages.push(message);
    sendJson(response, 201, {
      sid: message.sid,
      account_sid: accountSid,
      to: message.to,
      from: message.from ?? null,
      messaging_service_sid: message.messagingServiceSid ?? null,
      body: message.body,
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      api_version: "2010-04-01",
      error_code: null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, twilioError(500, 20500, String(error)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    requests,
    optedOut,
    invalidNumbers,
    answerNext(...next) {
      answers.push(...next);
    },
    whenHanging() {
      if (hanging.size > 0) return Promise.resolve();
      return new Promise<void>((resolve) => hangWaiters.push(resolve));
    },
    dropHanging() {
      for (const response of hanging) response.destroy();
      hanging.clear();
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
