import { DeliveryError, ProviderError, RemitError, ValidationError } from "@remit/core";
import {
  createLoopbackTwilioClient,
  type FakeTwilioApi,
  fakeTwilioAccountSid,
  fakeTwilioAuthToken,
  startFakeTwilioApi,
} from "@remit/testing/fake-twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTwilioSms } from "../src/index";

let api: FakeTwilioApi;
beforeAll(async () => {
  api = await startFakeTwilioApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.messages.length = 0;
  api.requests.length = 0;
  api.optedOut.clear();
  api.invalidNumbers.clear();
});

const message = { to: "+15125550101", body: "Acme: invoice INV-0001", idempotencyKey: "dlv_1" };

async function refusal(promise: Promise<unknown>): Promise<RemitError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${String(error)}`);
  return error;
}

describe("createTwilioSms", () => {
  it("send - posts To, From, Body and StatusCallback to the Messages API with the account's credentials", async () => {
    const sms = createTwilioSms({
      client: createLoopbackTwilioClient(api),
      from: "+15125550100",
      statusCallbackUrl: "https://api.example.com/webhooks/twilio/status",
    });
    const sent = await sms.send(message);
    expect(api.messages).toHaveLength(1);
    const [recorded] = api.messages;
    expect(recorded).toMatchObject({
      accountSid: fakeTwilioAccountSid,
      to: "+15125550101",
      from: "+15125550100",
      messagingServiceSid: undefined,
      body: "Acme: invoice INV-0001",
      statusCallback: "https://api.example.com/webhooks/twilio/status",
    });
    expect(recorded?.authorization).toBe(
      `Basic ${Buffer.from(`${fakeTwilioAccountSid}:${fakeTwilioAuthToken}`).toString("base64")}`,
    );
    expect(sent).toEqual({ providerMessageId: recorded?.sid, status: "queued" });
  });

  it("send - uses a Messaging Service and a per-tenant callback URL from the message", async () => {
    const sms = createTwilioSms({
      client: createLoopbackTwilioClient(api),
      messagingServiceSid: `MG${"a".repeat(32)}`,
      statusCallbackUrl: (sent) =>
        `https://api.example.com/webhooks/twilio/${sent.about?.tenantId ?? "default"}`,
    });
    await sms.send(message);
    expect(api.messages[0]).toMatchObject({
      from: undefined,
      messagingServiceSid: `MG${"a".repeat(32)}`,
      statusCallback: "https://api.example.com/webhooks/twilio/default",
    });
  });

  it("send - an opted-out recipient (Twilio 21610) is a DeliveryError naming sms", async () => {
    api.optedOut.add(message.to);
    const sms = createTwilioSms({ client: createLoopbackTwilioClient(api), from: "+15125550100" });
    const error = await refusal(sms.send(message));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ code: "recipient_opted_out", channel: "sms" });
    expect(api.messages).toHaveLength(0);
  });

  it("send - 500, 429 and no answer at all are retryable ProviderErrors; nothing was recorded", async () => {
    const sms = createTwilioSms({ client: createLoopbackTwilioClient(api), from: "+15125550100" });
    api.answerNext("error500", "error429", "hang");
    const sendAndDropIfHeld = async () => {
      const sent = refusal(sms.send(message));
      // The third request is held unanswered; drop it once the fake has it, with no clock involved.
      if (api.requests.length === 2) {
        await api.whenHanging();
        api.dropHanging();
      }
      return sent;
    };
    for (const providerCode of ["20500", "20429", "ECONNRESET"]) {
      const error = await sendAndDropIfHeld();
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code: "provider_error", retryable: true });
      expect((error as ProviderError).providerCode).toBe(providerCode);
    }
    expect(api.messages).toHaveLength(0);
    expect(api.requests.map((request) => request.answer)).toEqual(["error500", "error429", "hang"]);
  });

  it("send - the client's own timeout (axios ECONNABORTED) is a retryable ProviderError", async () => {
    // The timeout as the twilio SDK raises it, without waiting for one.
    const timedOut = Object.assign(new Error("timeout of 30000ms exceeded"), {
      code: "ECONNABORTED",
    });
    const client = createLoopbackTwilioClient(api);
    client.messages.create = () => Promise.reject(timedOut);
    const sms = createTwilioSms({ client, from: "+15125550100" });
    const error = await refusal(sms.send(message));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: true, providerCode: "ECONNABORTED", cause: timedOut });
    expect(api.requests).toHaveLength(0);
  });

  it("send - a connection refused is retryable", async () => {
    const closed = await startFakeTwilioApi();
    await closed.close();
    const sms = createTwilioSms({
      client: createLoopbackTwilioClient(closed),
      from: "+15125550100",
    });
    const error = await refusal(sms.send(message));
    expect(error).toMatchObject({
      code: "provider_error",
      retryable: true,
      providerCode: "ECONNREFUSED",
    });
  });

  it("send - other 4xx refusals (Twilio 21211, an invalid number) are not retryable", async () => {
    api.invalidNumbers.add("+15125550199");
    const sms = createTwilioSms({ client: createLoopbackTwilioClient(api), from: "+15125550100" });
    const error = await refusal(sms.send({ ...message, to: "+15125550199" }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      code: "provider_error",
      retryable: false,
      providerCode: "21211",
    });
    expect(api.messages).toHaveLength(0);
  });

  it("createTwilioSms - refuses options without a sender, or with a bad callback URL", () => {
    const client = createLoopbackTwilioClient(api);
    expect(() => createTwilioSms({ client })).toThrow(ValidationError);
    expect(() =>
      createTwilioSms({ client, from: "+15125550100", statusCallbackUrl: "ftp://x" }),
    ).toThrow(ValidationError);
    expect(() => createTwilioSms({ client: {} as never, from: "+15125550100" })).toThrow(
      ValidationError,
    );
  });

  it("send - refuses a recipient that is not E.164 before calling Twilio", async () => {
    const sms = createTwilioSms({ client: createLoopbackTwilioClient(api), from: "+15125550100" });
    const error = await refusal(sms.send({ ...message, to: "512-555-0101" }));
    expect(error).toMatchObject({ code: "validation_error", path: "message.to" });
    expect(api.requests).toHaveLength(0);
  });
});
