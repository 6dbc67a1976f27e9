import { z } from "zod";

// The back office's HTML forms, checked at the edge like the JSON API. Moves re-check their own
// input; these schemas only turn form strings into the shapes the moves take.

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
const version = z.coerce.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

/** Which of the invoice page's forms was sent (each posts to the page itself). */
export const moveFormSchema = z.object({ move: text(40).min(1, "is required") });

/** Any move that only needs the version the page showed. */
export const versionFormSchema = z.object({ version });

/** The lines editor's rows (see `linesEditorView`), without the record's own fields. */
export const lineRowsFormSchema = z.object({
  rowKey: list,
  lineIndex: list,
  kind: list,
  description: list,
  quantity: list,
  unitPrice: list,
  /** The `rowKey`s of the rows whose Remove box is ticked. */
  remove: list,
  memo: text(5_000).default(""),
});

/** The lines editor plus the memo, on a record with a version. */
export const linesFormSchema = lineRowsFormSchema.extend({ version });

export const reasonFormSchema = z.object({ version, reason: text(1_000).min(1, "is required") });

export const sendFormSchema = z.object({
  version,
  channels: list.pipe(z.array(z.enum(["email", "sms"])).min(1, "pick email, SMS or both")),
});

/** "Send" on a credit note: its own channel buttons (a credit note has no version). */
export const sendCreditNoteFormSchema = z.object({
  channels: list.pipe(z.array(z.enum(["email", "sms"])).min(1, "pick email, SMS or both")),
});

/** "Record a payment": cash, check, card (with its reference) or other. */
export const paymentFormSchema = z.object({
  amount: text(32).min(1, "is required"),
  method: z.enum(["cash", "check", "card", "other"]).default("check"),
  reference: text(100).default(""),
  /** Rendered into the form once, so a double submit records one payment. */
  idempotencyKey: text(255).min(1),
  /** Set by the confirmation step when the amount is more than is due. */
  confirmOverpayment: z.string().optional(),
});

/** "Refund": which payment, how much, and why. */
export const refundFormSchema = z.object({
  paymentId: text(100).min(1, "pick the payment to refund"),
  amount: text(32).min(1, "is required"),
  reason: text(1_000).default(""),
  idempotencyKey: text(255).min(1),
});

/** "Connect Stripe": who the connected account is for; `connectAccount` checks the rest. */
export const connectStripeFormSchema = z.object({
  email: text(320).min(1, "is required"),
  country: text(2).toUpperCase(),
  businessName: text(200)
    .optional()
    .transform((value) => value || undefined),
});

/** "Payment receipts": the channels ticked (none turns receipts off). */
export const receiptSettingsFormSchema = z.object({
  receiptChannels: list.pipe(z.array(z.enum(["email", "sms"]))),
});
