import { type EmailSender, RemitError, type SmsSender } from "@remit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * A message as the backend (an SMTP server, an SMS API) received it.
 * @group Conformance suites
 */
export type ReceivedMessage = { to: string; text: string };

/**
 * One sender on a fresh backend, and ways to look at and steer that backend.
 * @group Conformance suites
 */
export type NotifierHarness =
  | ({ channel: "email"; sender: EmailSender } & NotifierBackend)
  | ({ channel: "sms"; sender: SmsSender } & NotifierBackend);

/** @group Conformance suites */
export type NotifierBackend = {
  /** Every message the backend accepted, read from the backend itself. */
  received(): Promise<ReceivedMessage[]>;
  /** Makes the backend refuse the next message, for now (`temporary`) or for good (`permanent`). */
  refuseNext(kind: "temporary" | "permanent"): void;
  /** A recipient the channel accepts (`dana@example.com`, `+15125550101`). */
  recipient: string;
  close(): Promise<void>;
};

/** @group Conformance suites */
export type NotifierConformanceOptions = {
  /** Shown in test names, e.g. "smtp" or "twilio". */
  name: string;
  setup(): Promise<NotifierHarness>;
};

async function send(harness: NotifierHarness, text: string, key: string) {
  if (harness.channel === "email") {
    return harness.sender.send({
      to: harness.recipient,
      subject: "Invoice INV-0001",
      text,
      html: `<p>${text}</p>`,
      idempotencyKey: key,
    });
  }
  return harness.sender.send({ to: harness.recipient, body: text, idempotencyKey: key });
}

/**
 * The conformance suite of the email and SMS ports: what the outbox worker relies on. A sent
 * message reaches the backend once with its text and an id; a temporary refusal is a retryable
 * `RemitError`, a permanent one is not; nothing is recorded for a refused message.
 *
 * @example
 * ```ts
 * describeNotifierConformance({ name: "smtp", setup: async () => ({ channel: "email", sender, ...backend }) });
 * ```
 * @group Conformance suites
 */
export function describeNotifierConformance(options: NotifierConformanceOptions): void {
  describe(`notifier conformance (${options.name})`, () => {
    let harness: NotifierHarness;
    beforeEach(async () => {
      harness = await options.setup();
    });
    afterEach(async () => {
      await harness.close();
    });

    it("send - declares the v1 port", () => {
      expect(harness.sender.specificationVersion).toBe("v1");
    });

    it("send - delivers the message once to the backend and returns its id", async () => {
      const result = await send(
        harness,
        "Invoice INV-0001 for $303.93 is due on 2026-04-01.",
        "dlv_1",
      );
      expect(result.providerMessageId).toEqual(expect.any(String));
      expect(result.providerMessageId.length).toBeGreaterThan(0);
      const received = await harness.received();
      expect(received).toHaveLength(1);
      expect(received[0]?.to).toBe(harness.recipient);
      expect(received[0]?.text).toContain("Invoice INV-0001 for $303.93 is due on 2026-04-01.");
    });

    it("send - a temporary refusal is a retryable RemitError and records nothing", async () => {
      harness.refuseNext("temporary");
      const error = await send(harness, "Try me later", "dlv_2").then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(RemitError.isInstance(error)).toBe(true);
      expect((error as RemitError).retryable).toBe(true);
      expect(await harness.received()).toEqual([]);
      await send(harness, "Second try", "dlv_2");
      expect(
        (await harness.received()).map((message) => message.text.includes("Second try")),
      ).toEqual([true]);
    });

    it("send - a permanent refusal is a RemitError that is not retryable", async () => {
      harness.refuseNext("permanent");
      const error = await send(harness, "Never", "dlv_3").then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(RemitError.isInstance(error)).toBe(true);
      expect((error as RemitError).retryable).toBe(false);
      expect(await harness.received()).toEqual([]);
    });
  });
}
