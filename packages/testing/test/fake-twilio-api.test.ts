import twilio from "twilio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createLoopbackTwilioClient,
  type FakeTwilioApi,
  fakeTwilioAccountSid,
  fakeTwilioAuthToken,
  signedStatusCallback,
  startFakeTwilioApi,
} from "../src/fake-twilio";

let api: FakeTwilioApi;
let client: twilio.Twilio;
beforeEach(async () => {
  api = await startFakeTwilioApi();
  client = createLoopbackTwilioClient(api);
});
afterEach(async () => {
  await api.close();
});

const from = "+15125550100";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the request should have failed"),
    (error: unknown) => error,
  );
}

/** Posts a message straight to the fake, to read its answer as Twilio sends it. */
async function postMessage(to: string, authToken = fakeTwilioAuthToken) {
  const credentials = Buffer.from(`${fakeTwilioAccountSid}:${authToken}`).toString("base64");
  const response = await fetch(
    `${api.origin}/2010-04-01/Accounts/${fakeTwilioAccountSid}/Messages.json`,
    {
      method: "POST",
      headers: { authorization: `Basic ${credentials}` },
      body: new URLSearchParams({ To: to, From: from, Body: "Hi" }),
    },
  );
  return { status: response.status, body: await response.json() };
}

describe("fake Twilio API", () => {
  it("messages - the SDK's create reaches the fake and gets a queued message resource", async () => {
    const message = await client.messages.create({
      to: "+15125550101",
      from,
      body: "Acme: invoice INV-0001",
      statusCallback: "https://app.example/twilio/status",
    });

    expect(message).toMatchObject({
      accountSid: fakeTwilioAccountSid,
      to: "+15125550101",
      status: "queued",
      body: "Acme: invoice INV-0001",
    });
    expect(api.messages).toEqual([
      expect.objectContaining({
        sid: message.sid,
        statusCallback: "https://app.example/twilio/status",
        authorization: `Basic ${Buffer.from(`${fakeTwilioAccountSid}:${fakeTwilioAuthToken}`).toString("base64")}`,
      }),
    ]);
  });

  it("errors - an opted-out recipient answers Twilio's error JSON, raised as RestException 21610", async () => {
    api.optedOut.add("+15125550102");

    expect(await postMessage("+15125550102")).toEqual({
      status: 400,
      body: {
        code: 21610,
        message: "Attempt to send to unsubscribed recipient",
        more_info: "https://www.twilio.com/docs/errors/21610",
        status: 400,
      },
    });
    const error = await rejection(client.messages.create({ to: "+15125550102", from, body: "Hi" }));
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({
      status: 400,
      code: 21610,
      moreInfo: "https://www.twilio.com/docs/errors/21610",
    });
    expect(api.messages).toHaveLength(0);
  });

  it("errors - an invalid number is 21211, wrong credentials 20003 (401)", async () => {
    const invalid = await rejection(client.messages.create({ to: "555-0101", from, body: "Hi" }));
    expect(invalid).toMatchObject({ status: 400, code: 21211 });

    expect(await postMessage("+15125550101", "not-the-token")).toEqual({
      status: 401,
      body: {
        code: 20003,
        message: "Authenticate",
        more_info: "https://www.twilio.com/docs/errors/20003",
        status: 401,
      },
    });
    expect(api.requests.map((request) => request.answer)).toEqual(["invalid", "unauthorized"]);
  });

  it("faults - queued answers: 500, 429, then a request held unanswered until the test drops it", async () => {
    api.answerNext("error500", "error429", "hang");
    const send = () => client.messages.create({ to: "+15125550101", from, body: "Hi" });

    expect(await rejection(send())).toMatchObject({ status: 500, code: 20500 });
    expect(await rejection(send())).toMatchObject({ status: 429, code: 20429 });
    const held = rejection(send());
    await api.whenHanging();
    api.dropHanging();
    const noAnswer = await held;
    expect(noAnswer).not.toBeInstanceOf(twilio.RestException);
    expect(noAnswer).toMatchObject({ code: "ECONNRESET" });
    await send();

    expect(api.requests.map((request) => request.answer)).toEqual([
      "error500",
      "error429",
      "hang",
      "accept",
    ]);
    expect(api.messages).toHaveLength(1);
  });

  it("status callbacks - signed as Twilio signs them, checked by the SDK's validator", async () => {
    await client.messages.create({ to: "+15125550101", from, body: "Hi" });
    const message = api.messages[0];
    if (!message) throw new Error("no message");
    const url = "https://app.example/twilio/status?tenant=acme";

    const callback = signedStatusCallback(url, message, "undelivered", "30003");
    expect(callback.params).toMatchObject({
      MessageSid: message.sid,
      MessageStatus: "undelivered",
      ErrorCode: "30003",
    });
    expect(
      twilio.validateRequest(fakeTwilioAuthToken, callback.signature, url, callback.params),
    ).toBe(true);
    const altered = { ...callback.params, MessageStatus: "delivered" };
    expect(twilio.validateRequest(fakeTwilioAuthToken, callback.signature, url, altered)).toBe(
      false,
    );
    expect(twilio.validateRequest("another-token", callback.signature, url, callback.params)).toBe(
      false,
    );
  });
});
