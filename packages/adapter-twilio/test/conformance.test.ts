import { describeNotifierConformance } from "@remit/testing";
import { createLoopbackTwilioClient, startFakeTwilioApi } from "@remit/testing/fake-twilio";
import { createTwilioSms } from "../src/index";

// The SMS port's conformance suite: the real twilio SDK against Twilio's Messages API on loopback.
describeNotifierConformance({
  name: "twilio",
  setup: async () => {
    const api = await startFakeTwilioApi();
    const recipient = "+15125550101";
    return {
      channel: "sms",
      sender: createTwilioSms({
        client: createLoopbackTwilioClient(api),
        from: "+15125550100",
        statusCallbackUrl: "https://api.example.com/webhooks/twilio/status",
      }),
      recipient,
      received: async () => api.messages.map((message) => ({ to: message.to, text: message.body })),
      // 500 is Twilio failing for now; 21211 (not a valid number) is for good.
      refuseNext: (kind) =>
        kind === "temporary" ? api.answerNext("error500") : api.invalidNumbers.add(recipient),
      close: () => api.close(),
    };
  },
});
