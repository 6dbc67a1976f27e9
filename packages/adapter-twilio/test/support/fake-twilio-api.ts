import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;

/** A Messages API request as Twilio would receive it. */
export type RecordedMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string | undefined;
  messagingServiceSid: string | undefined;
  body: string;
  statusCallback: string | undefined;
  authorization: string | undefined;
};

/** How the fake answers the next Messages API request. */
export type FakeAnswer =
  | "accept"
  /** 500 with Twilio's JSON error body; nothing is recorded. */
  | "error500"
  /** 429 Too Many Requests; nothing is recorded. */
  | "error429"
  /** Never answers (the client times out); nothing is recorded. */
  | "hang";

/**
 * A stand-in for api.twilio.com on 127.0.0.1: answers `POST /2010-04-01/Accounts/{sid}/Messages.json`
 * like Twilio (201 with a message resource, or Twilio's error JSON) and records what was accepted.
 * Numbers in `optedOut` get error 21610, as after a STOP; those in `invalidNumbers` get 21211.
 */
export async function startFakeTwilioApi() {
  const messages: RecordedMessage[] = [];
  const requests: { path: string; answer: FakeAnswer | "opted_out" | "invalid" }[] = [];
  const answers: FakeAnswer[] = [];
  const optedOut = new Set<string>();
  const invalidNumbers = new Set<string>();
  const hanging = new Set<ServerResponse>();

  const readBody = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  };

  const sendJson = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

  const server = createServer(async (request, response) => {
    const match = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/.exec(request.url ?? "");
    if (request.method !== "POST" || !match) {
      sendJson(response, 404, { code: 20404, message: "Not found", status: 404 });
      return;
    }
    const form = await readBody(request);
    const answer = answers.shift() ?? "accept";
    const to = form.get("To") ?? "";
    if (answer === "hang") {
      requests.push({ path: request.url ?? "", answer });
      hanging.add(response);
      return;
    }
    if (answer === "error500" || answer === "error429") {
      requests.push({ path: request.url ?? "", answer });
      const status = answer === "error500" ? 500 : 429;
      sendJson(response, status, {
        code: status === 500 ? 20500 : 20429,
        message: status === 500 ? "Internal Server Error" : "Too Many Requests",
        more_info: `https://www.twilio.com/docs/errors/${status === 500 ? 20500 : 20429}`,
        status,
      });
      return;
    }
    if (optedOut.has(to)) {
      requests.push({ path: request.url ?? "", answer: "opted_out" });
      sendJson(response, 400, {
        code: 21610,
        message: "Attempt to send to unsubscribed recipient",
        more_info: "https://www.twilio.com/docs/errors/21610",
        status: 400,
      });
      return;
    }
    if (invalidNumbers.has(to) || !/^\+\d{8,15}$/.test(to)) {
      requests.push({ path: request.url ?? "", answer: "invalid" });
      sendJson(response, 400, {
        code: 21211,
        message: `The 'To' number ${to} is not a valid phone number.`,
        more_info: "https://www.twilio.com/docs/errors/21211",
        status: 400,
      });
      return;
    }
    requests.push({ path: request.url ?? "", answer });
    const accountSid = match[1] as string;
    const message: RecordedMessage = {
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
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    messages,
    requests,
    optedOut,
    /** Numbers answered with error 21211 (not a valid phone number). */
    invalidNumbers,
    /** Queues answers for the next requests, in order; after them, requests are accepted. */
    answerNext(...next: FakeAnswer[]) {
      answers.push(...next);
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeTwilioApi = Awaited<ReturnType<typeof startFakeTwilioApi>>;

/**
 * The twilio SDK has no base-URL option: this `httpClient` is its own RequestClient with every
 * request's origin (https://api.twilio.com) rewritten to the fake's, so the real SDK builds,
 * authenticates, encodes and parses each request.
 */
export class LoopbackRequestClient extends twilio.RequestClient {
  constructor(
    private readonly origin: string,
    options: { timeout?: number } = {},
  ) {
    super({ timeout: options.timeout ?? 2_000 });
  }

  override request<TData>(options: RequestOptions<TData>) {
    const target = new URL(options.uri);
    return super.request<TData>({
      ...options,
      uri: `${this.origin}${target.pathname}${target.search}`,
    });
  }
}

export const accountSid = `AC${"0".repeat(31)}1`;
export const authToken = "test-auth-token-0123456789abcdef";

/** A real Twilio client whose requests go to the fake on loopback. */
export function createLoopbackTwilioClient(api: FakeTwilioApi, options: { timeout?: number } = {}) {
  return twilio(accountSid, authToken, {
    httpClient: new LoopbackRequestClient(api.origin, options),
  });
}

/** The form fields Twilio posts to a status callback, signed as Twilio signs them. */
export function signedStatusCallback(
  url: string,
  message: RecordedMessage,
  status: string,
  errorCode?: string,
) {
  const params: Record<string, string> = {
    AccountSid: message.accountSid,
    ApiVersion: "2010-04-01",
    From: message.from ?? "+15125550100",
    MessageSid: message.sid,
    MessageStatus: status,
    SmsSid: message.sid,
    SmsStatus: status,
    To: message.to,
    ...(errorCode === undefined ? {} : { ErrorCode: errorCode }),
  };
  return {
    url,
    params,
    signature: twilio.getExpectedTwilioSignature(authToken, url, params),
    authToken,
  };
}
