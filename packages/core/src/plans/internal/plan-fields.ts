import { z } from "zod";
import { currencySchema } from "../../calculation/invoice-input-schema";
import {
  expectedVersionSchema,
  idempotencyKeySchema,
  invoiceContentFields,
  recordIdSchema,
} from "../../invoices/internal/move-input-fields";
import { deliveryChannelSchema } from "../../invoices/moves/send-invoice";
import { paymentTermsSchema } from "../../tenants/payment-terms";
import { textSchema } from "../../validation/text-schema";
import { parsePlanRule } from "../calculate-plan-occurrences";

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const calendarDateSchema = z.iso.date();

/** When a plan bills: an RRULE on the tenant's calendar, a start and maybe an end. */
export const planScheduleSchema = z
  .object({
    /** RFC 5545, e.g. `FREQ=MONTHLY;BYMONTHDAY=1` or `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO`. */
    rrule: textSchema.min(1).max(500),
    startDate: calendarDateSchema,
    endDate: calendarDateSchema.nullable().default(null),
  })
  .superRefine((schedule, context) => {
    const parsed = parsePlanRule(schedule.rrule);
    if ("problem" in parsed)
      context.addIssue({ code: "custom", path: ["rrule"], message: parsed.problem });
    if (schedule.endDate !== null && schedule.endDate < schedule.startDate)
      context.addIssue({ code: "custom", path: ["endDate"], message: "is before startDate" });
  });

const channelsSchema = z
  .array(deliveryChannelSchema)
  .min(1, "choose at least one channel")
  .max(2)
  .refine((channels) => new Set(channels).size === channels.length, "each channel at most once");

/** What each occurrence bills and how: the fields create and update share. */
export const planContentFields = {
  ...invoiceContentFields,
  /** Defaults to the tenant's terms. */
  terms: paymentTermsSchema.optional(),
  mode: z.enum(["review", "issue_and_send"]).optional(),
  channels: channelsSchema.optional(),
};

export const createPlanInputSchema = z.object({
  customerId: recordIdSchema,
  name: textSchema.trim().min(1).max(200),
  currency: currencySchema.optional(),
  schedule: planScheduleSchema,
  ...planContentFields,
  idempotencyKey: idempotencyKeySchema.optional(),
});

export const updatePlanInputSchema = z.object({
  id: recordIdSchema,
  expectedVersion: expectedVersionSchema,
  name: textSchema.trim().min(1).max(200).optional(),
  ...planContentFields,
  idempotencyKey: idempotencyKeySchema.optional(),
});
