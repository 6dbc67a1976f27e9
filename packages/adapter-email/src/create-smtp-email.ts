import type { CreditNote, DeliveryPurpose, EmailMessage, EmailSender, Invoice } from "@remit/core";
import { ProviderError, parseWithSchema } from "@remit/core";
import { z } from "zod";
import { toRemitError } from "./internal/to-remit-error";

/** A mailbox: `"billing@acme.example"`, `"Acme Plumbing <billing@acme.example>"` or `{ name, address }`. */
export type Mailbox = string | { name: string; address: string };

/** One email as handed to the transport: the fields of nodemailer's `sendMail` that Remit sets. */
export type SmtpMail = {
  from: Mailbox;
  to: string;
  replyTo?: Mailbox;
  subject: string;
  text: string;
  html: string;
  /** `<delivery id@sender's domain>`: the same for every try of one delivery. */
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

/** What the sender needs of a nodemailer transport: `nodemailer.createTransport({ host, port, auth })`. */
export type MailTransport = {
  sendMail(mail: SmtpMail): Promise<{ messageId?: string }>;
};

/**
 * What a PDF renderer is given: the invoice exactly as the message was rendered from it, and on a
 * `credit_note` message the credit note it sends (render the credit note's PDF for those).
 */
export type RenderPdfInput = {
  invoice: Invoice;
  purpose: DeliveryPurpose;
  tenantId: string;
  deliveryId: string;
  /** The credit note a `credit_note` message sends. @since 0.3.0 */
  creditNote?: CreditNote;
};

/**
 * A PDF renderer's answer: the bytes (named after the invoice's number, or the credit note's on a
 * credit-note message), or nothing to attach.
 */
export type RenderedPdf = Uint8Array | { filename: string; content: Uint8Array } | undefined;

export type SmtpEmailOptions = {
  /** A nodemailer transport, `nodemailer.createTransport(...)`; the app keeps control of it. */
  transport: MailTransport;
  /** The sender, or a function of the message (per tenant: `message.about?.tenantId`). */
  from: Mailbox | ((message: EmailMessage) => Mailbox);
  /** Where replies go (the tenant's own address), or a function of the message. */
  replyTo?: Mailbox | ((message: EmailMessage) => Mailbox | undefined);
  /**
   * Renders the invoice's PDF to attach; return `undefined` to attach nothing (for receipts,
   * say). Without it, emails carry only the message's own `attachments`.
   */
  renderPdf?: (input: RenderPdfInput) => RenderedPdf | Promise<RenderedPdf>;
};

const mailboxSchema = z.union([
  z
    .string()
    .trim()
    .min(3)
    .max(400)
    .refine((text) => addressOf(text) !== undefined, "must be an address or Name <address>"),
  z.object({ name: z.string().max(200), address: z.email().max(320) }),
]);

const optionsSchema = z.object({
  transport: z.custom<MailTransport>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      typeof (value as { sendMail?: unknown }).sendMail === "function",
    "must be a nodemailer transport, nodemailer.createTransport(...)",
  ),
  from: z.union([mailboxSchema, z.custom<(message: EmailMessage) => Mailbox>(isFunction)]),
  replyTo: z
    .union([mailboxSchema, z.custom<(message: EmailMessage) => Mailbox | undefined>(isFunction)])
    .optional(),
  renderPdf: z
    .custom<NonNullable<SmtpEmailOptions["renderPdf"]>>(isFunction, "must be a function")
    .optional(),
});

const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, "must be bytes");

const messageSchema = z.object({
  to: z.email().max(320),
  subject: z.string().min(1).max(998),
  text: z.string().max(1_000_000),
  html: z.string().max(2_000_000),
  idempotencyKey: z.string().min(1).max(255),
  attachments: z
    .array(
      z.object({
        filename: z.string().min(1).max(255),
        contentType: z.string().min(1).max(255),
        content: bytesSchema,
      }),
    )
    .max(10)
    .optional(),
});

const renderedPdfSchema = z.union([
  bytesSchema,
  z.object({ filename: z.string().min(1).max(255), content: bytesSchema }),
  z.undefined(),
]);

function isFunction(value: unknown): boolean {
  return typeof value === "function";
}

function addressOf(mailbox: Mailbox): string | undefined {
  const text = typeof mailbox === "string" ? mailbox : mailbox.address;
  const address = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text)?.[1] ?? text.trim();
  return z.email().safeParse(address).success ? address : undefined;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A file name safe in a MIME header: the invoice number (`INV-2026-0042.pdf`) or its id. */
function pdfFilename(invoice: Invoice, creditNote: CreditNote | undefined): string {
  const name = creditNote?.number ?? invoice.number ?? invoice.id;
  return `${name.replace(/[^\w.-]+/g, "-")}.pdf`;
}

/**
 * Remit's email port over SMTP with nodemailer: sends the rendered invoice, reminder or receipt as
 * one message with an HTML and a plain-text body, and the invoice PDF attached when the app gives
 * `renderPdf`. Every try of one delivery carries the same `Message-ID` (`<delivery id@domain>`),
 * so a resend after a dropped connection reads as the same message to servers and clients that
 * deduplicate. SMTP 4xx replies and connection failures are retryable `ProviderError`s; 5xx
 * replies are permanent.
 *
 * @example
 * ```ts
 * import nodemailer from "nodemailer";
 * import { createSmtpEmail } from "@remit/adapter-email";
 *
 * const email = createSmtpEmail({
 *   transport: nodemailer.createTransport({ host: "smtp.example.com", port: 587, auth: { user, pass } }),
 *   from: { name: "Acme Plumbing", address: "billing@acme.example" },
 *   renderPdf: ({ invoice }) => renderInvoicePdf(invoice), // the app's own renderer
 * });
 * const remit = createRemit({ store, notifiers: { email } });
 * ```
 */
export function createSmtpEmail(options: SmtpEmailOptions): EmailSender {
  const { transport, from, replyTo, renderPdf } = parseWithSchema(optionsSchema, options);

  async function attachmentsOf(message: EmailMessage) {
    const attachments = (message.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: toBuffer(attachment.content),
    }));
    // A quote's message carries no PDF (`about.invoice` is absent).
    if (!renderPdf || !message.about?.invoice) return attachments;
    const { invoice, purpose, tenantId, deliveryId, creditNote } = message.about;
    let rendered: RenderedPdf;
    try {
      rendered = parseWithSchema(
        renderedPdfSchema,
        await renderPdf({
          invoice,
          purpose,
          tenantId,
          deliveryId,
          ...(creditNote ? { creditNote } : {}),
        }),
        { pathPrefix: "renderPdf" },
      );
    } catch (error) {
      // Nothing went out yet: the worker tries again later.
      throw new ProviderError({
        provider: "smtp",
        message: `renderPdf failed: ${error instanceof Error ? error.message : String(error)}`,
        retryable: true,
        cause: error,
      });
    }
    if (rendered === undefined) return attachments;
    const pdf =
      rendered instanceof Uint8Array
        ? { filename: pdfFilename(invoice, creditNote), content: rendered }
        : rendered;
    return [
      ...attachments,
      { filename: pdf.filename, contentType: "application/pdf", content: toBuffer(pdf.content) },
    ];
  }

  return {
    specificationVersion: "v1",
    async send(rawMessage) {
      const message = {
        ...rawMessage,
        ...parseWithSchema(messageSchema, rawMessage, { pathPrefix: "message" }),
      };
      const sender = parseWithSchema(
        mailboxSchema,
        typeof from === "function" ? from(rawMessage) : from,
        { pathPrefix: "from" },
      );
      const replyToMailbox = parseWithSchema(
        mailboxSchema.optional(),
        typeof replyTo === "function" ? replyTo(rawMessage) : replyTo,
        { pathPrefix: "replyTo" },
      );
      const domain = addressOf(sender)?.split("@")[1] ?? "remit.invalid";
      const attachments = await attachmentsOf(message);
      try {
        const info = await transport.sendMail({
          from: sender,
          to: message.to,
          ...(replyToMailbox === undefined ? {} : { replyTo: replyToMailbox }),
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.idempotencyKey.replace(/[^\w.-]+/g, "-")}@${domain}>`,
          ...(attachments.length === 0 ? {} : { attachments }),
        });
        return { providerMessageId: info.messageId ?? message.idempotencyKey };
      } catch (error) {
        throw toRemitError(error);
      }
    },
  };
}
