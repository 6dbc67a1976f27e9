import { z } from "zod";

// The back office's HTML forms, checked at the edge like the JSON API. Moves re-check their own
// input; these schemas only turn form strings into the shapes the moves take.

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
const version = z.coerce.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

/** Any move that only needs the version the page showed. */
export const versionFormSchema = z.object({ version });

/** The lines editor (see `linesEditorView`) plus the memo. */
export const linesFormSchema = z.object({
  version,
  lineIndex: list,
  description: list,
  quantity: list,
  unitPrice: list,
  memo: text(5_000).default(""),
});

export const reasonFormSchema = z.object({ version, reason: text(1_000).min(1, "is required") });

export const sendFormSchema = z.object({
  version,
  channels: list.pipe(z.array(z.enum(["email", "sms"])).min(1, "pick email, SMS or both")),
});

export const checkPaymentFormSchema = z.object({
  amount: text(32).min(1, "is required"),
  reference: text(100).min(1, "enter the check number"),
  /** Rendered into the form once, so a double submit records one payment. */
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
