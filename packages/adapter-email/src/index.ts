/**
 * `@remit/adapter-email`: Remit's email port over SMTP with nodemailer. `createSmtpEmail` sends
 * invoices, reminders and receipts as clean HTML + text emails, with the invoice PDF attached when
 * the app provides a renderer.
 *
 * @example
 * ```ts
 * import nodemailer from "nodemailer";
 * import { createRemit } from "@remit/core";
 * import { createSmtpEmail } from "@remit/adapter-email";
 *
 * const remit = createRemit({
 *   store,
 *   notifiers: {
 *     email: createSmtpEmail({
 *       transport: nodemailer.createTransport({ host: "smtp.example.com", port: 587, auth: { user, pass } }),
 *       from: { name: "Acme Plumbing", address: "billing@acme.example" },
 *     }),
 *   },
 * });
 * ```
 *
 * @module
 */
export {
  createSmtpEmail,
  type Mailbox,
  type MailTransport,
  type RenderedPdf,
  type RenderPdfInput,
  type SmtpEmailOptions,
  type SmtpMail,
} from "./create-smtp-email";
