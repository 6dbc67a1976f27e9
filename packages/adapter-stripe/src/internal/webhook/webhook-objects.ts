import { z } from "zod";

// The fields of Stripe's objects that the webhook handler reads. A verified event is authentic,
// but its shape still depends on the endpoint's API version: check what is used, keep the rest.

const metadataSchema = z.record(z.string(), z.string()).nullish();
const idOrObject = z.union([z.string(), z.looseObject({ id: z.string() })]).nullish();

/** The id of an expandable field (`"pi_…"` or `{ id: "pi_…", … }`), or `null`. */
export function idOf(value: z.infer<typeof idOrObject>): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

export const eventSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  account: z.string().nullish(),
  /** The API version the event's object was rendered in (the endpoint's). */
  api_version: z.string().max(64).nullish(),
  data: z.looseObject({ object: z.looseObject({}) }),
});

export type StripeEventShape = z.infer<typeof eventSchema>;

export const checkoutSessionSchema = z.looseObject({
  id: z.string(),
  payment_intent: idOrObject,
  payment_status: z.string(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  metadata: metadataSchema,
  payment_method_types: z.array(z.string()).default([]),
});

export const paymentIntentSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  amount: z.number().int(),
  amount_received: z.number().int().nullish(),
  currency: z.string(),
  metadata: metadataSchema,
  payment_method_types: z.array(z.string()).default([]),
  latest_charge: idOrObject,
  last_payment_error: z
    .looseObject({
      code: z.string().nullish(),
      decline_code: z.string().nullish(),
      message: z.string().nullish(),
      charge: z.string().nullish(),
    })
    .nullish(),
});

export type PaymentIntentShape = z.infer<typeof paymentIntentSchema>;

export const refundSchema = z.looseObject({
  id: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.string().nullish(),
  payment_intent: idOrObject,
  charge: idOrObject,
  metadata: metadataSchema,
  reason: z.string().nullish(),
});

export type RefundShape = z.infer<typeof refundSchema>;

export const chargeSchema = z.looseObject({
  id: z.string(),
  payment_intent: idOrObject,
  refunds: z
    .looseObject({ data: z.array(refundSchema), has_more: z.boolean().default(false) })
    .nullish(),
});

export const disputeSchema = z.looseObject({
  id: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  payment_intent: idOrObject,
  charge: idOrObject,
});

export const accountSchema = z.looseObject({
  id: z.string(),
  metadata: metadataSchema,
});

/** `data.object` of `account.application.deauthorized`: the platform's Connect application. */
export const applicationSchema = z.looseObject({
  id: z.string(),
  object: z.literal("application"),
  name: z.string().nullish(),
});
