import { describeNotifierConformance } from "@remit/testing";
import { createSmtpEmail } from "../src/index";
import { startSmtpSink } from "./support/smtp-sink";

// The email port's conformance suite, against a real SMTP server on loopback.
describeNotifierConformance({
  name: "smtp",
  setup: async () => {
    const sink = await startSmtpSink();
    return {
      channel: "email",
      sender: createSmtpEmail({
        transport: sink.transport(),
        from: { name: "Acme Plumbing", address: "billing@acme.example" },
      }),
      recipient: "dana@example.com",
      received: async () =>
        sink.received.map((mail) => ({ to: mail.envelopeTo[0] ?? "", text: mail.text ?? "" })),
      refuseNext: (kind) =>
        sink.answerNext(kind === "temporary" ? "refuse_temporary" : "refuse_permanent"),
      close: () => sink.close(),
    };
  },
});
