import { ProviderError, RemitError, ValidationError } from "@remit/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSmtpEmail } from "../src/index";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(() => {
  sink.received.length = 0;
  sink.attempts.length = 0;
});

const message = {
  to: "dana@example.com",
  subject: "Invoice INV-0001 from Acme Plumbing",
  text: "Hello Dana,\n\nInvoice INV-0001 for $1,234.50 is due on 2026-04-01.",
  html: "<!doctype html><html><body><p>Hello Dana &amp; family</p></body></html>",
  idempotencyKey: "dlv_01JTEST",
};

async function refusal(promise: Promise<unknown>): Promise<RemitError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!RemitError.isInstance(error)) throw new Error(`expected a RemitError, got ${String(error)}`);
  return error;
}

describe("createSmtpEmail", () => {
  it("send - delivers subject, recipients, HTML and text bodies over SMTP", async () => {
    const email = createSmtpEmail({
      transport: sink.transport(),
      from: { name: "Acme Plumbing", address: "billing@acme.example" },
      replyTo: "office@acme.example",
    });
    const sent = await email.send(message);
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail?.subject).toBe("Invoice INV-0001 from Acme Plumbing");
    expect(mail?.envelopeTo).toEqual(["dana@example.com"]);
    expect(mail?.envelopeFrom).toBe("billing@acme.example");
    expect(mail?.from?.value).toEqual([{ name: "Acme Plumbing", address: "billing@acme.example" }]);
    expect(mail?.replyTo?.value[0]?.address).toBe("office@acme.example");
    expect(mail?.text?.trim()).toBe(message.text);
    expect(mail?.html).toContain("Hello Dana &amp; family");
    expect(mail?.attachments).toEqual([]);
    expect(mail?.messageId).toBe("<dlv_01JTEST@acme.example>");
    expect(sent.providerMessageId).toBe("<dlv_01JTEST@acme.example>");
  });

  it("send - attaches the message's attachments and the rendered invoice PDF", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n% invoice INV-0001\n%%EOF\n");
    const rendered: unknown[] = [];
    const email = createSmtpEmail({
      transport: sink.transport(),
      from: "Acme Plumbing <billing@acme.example>",
      renderPdf: (input) => {
        rendered.push(input);
        return pdf;
      },
    });
    const invoice = { id: "inv_1", number: "INV-0001" } as never;
    await email.send({
      ...message,
      attachments: [
        {
          filename: "terms.txt",
          contentType: "text/plain",
          content: new TextEncoder().encode("Net 30"),
        },
      ],
      about: { tenantId: "tenant_acme", deliveryId: "dlv_01JTEST", purpose: "invoice", invoice },
    });
    expect(rendered).toEqual([
      { invoice, purpose: "invoice", tenantId: "tenant_acme", deliveryId: "dlv_01JTEST" },
    ]);
    const attachments = sink.received[0]?.attachments ?? [];
    expect(attachments.map((file) => [file.filename, file.contentType])).toEqual([
      ["terms.txt", "text/plain"],
      ["INV-0001.pdf", "application/pdf"],
    ]);
    expect(Buffer.compare(attachments[1]?.content ?? Buffer.alloc(0), Buffer.from(pdf))).toBe(0);
  });

  it("send - a temporary SMTP refusal (451) is retryable, a permanent one (550) is not", async () => {
    const email = createSmtpEmail({ transport: sink.transport(), from: "billing@acme.example" });
    sink.answerNext("refuse_temporary", "refuse_permanent");
    const temporary = await refusal(email.send(message));
    expect(temporary).toBeInstanceOf(ProviderError);
    expect(temporary).toMatchObject({
      code: "provider_error",
      retryable: true,
      providerCode: "451",
    });
    const permanent = await refusal(email.send(message));
    expect(permanent).toMatchObject({
      code: "provider_error",
      retryable: false,
      providerCode: "550",
    });
    expect(sink.received).toHaveLength(0);
  });

  it("send - a refused connection is retryable", async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const email = createSmtpEmail({ transport: closed.transport(), from: "billing@acme.example" });
    const error = await refusal(email.send(message));
    expect(error).toMatchObject({ code: "provider_error", retryable: true });
  });

  it("send - a failing PDF renderer is retryable and sends nothing", async () => {
    const email = createSmtpEmail({
      transport: sink.transport(),
      from: "billing@acme.example",
      renderPdf: () => {
        throw new Error("renderer down");
      },
    });
    const error = await refusal(
      email.send({
        ...message,
        about: {
          tenantId: "t",
          deliveryId: "d",
          purpose: "invoice",
          invoice: { id: "inv_1" } as never,
        },
      }),
    );
    expect(error).toMatchObject({ code: "provider_error", retryable: true });
    expect(sink.attempts).toHaveLength(0);
  });

  it("createSmtpEmail - refuses a missing transport or a bad sender; send refuses a bad recipient", async () => {
    expect(() => createSmtpEmail({ transport: {} as never, from: "billing@acme.example" })).toThrow(
      ValidationError,
    );
    expect(() => createSmtpEmail({ transport: sink.transport(), from: "not an address" })).toThrow(
      ValidationError,
    );
    const email = createSmtpEmail({ transport: sink.transport(), from: "billing@acme.example" });
    const error = await refusal(email.send({ ...message, to: "dana" }));
    expect(error).toMatchObject({ code: "validation_error", path: "message.to" });
  });

  it("send - names a bad nested field with bracket indices, message.attachments[0].filename", async () => {
    const email = createSmtpEmail({ transport: sink.transport(), from: "billing@acme.example" });
    const attachment = { filename: "", contentType: "text/plain", content: new Uint8Array([1]) };
    const error = await refusal(email.send({ ...message, attachments: [attachment] }));
    expect(error).toMatchObject({
      code: "validation_error",
      path: "message.attachments[0].filename",
    });
    expect(sink.attempts).toHaveLength(0);
  });
});
