import { z } from "zod";
import { currencySchema, taxRateInputSchema } from "../calculation/invoice-input-schema";
import { textSchema } from "../validation/text-schema";

const amount = textSchema.regex(/^\d+(\.\d+)?$/, "a decimal amount such as 1250.00");
const percent = textSchema
  .regex(/^\d+(\.\d{1,4})?$/, "a percent such as 25 or 12.5")
  .refine((value) => Number(value) <= 100, "at most 100");

/** One line of the contract: its net amount (after its discounts, before tax). */
export const progressContractLineSchema = z.object({
  id: textSchema.min(1).max(64),
  description: textSchema.max(1_000),
  net: amount,
  taxRateIds: z.array(textSchema.min(1).max(64)).max(20).default([]),
});

/**
 * What one stage bills: a percent of the contract, an amount, each line's cumulative percent
 * complete, or `final` (exactly what is left of every line).
 */
export const progressStageSchema = z.union([
  z.object({ percent }),
  z.object({ amount }),
  z.object({ lineProgress: z.record(textSchema.min(1).max(64), percent) }),
  z.object({ final: z.literal(true) }),
]);

/** The input of `calculateProgressStage`. */
export const progressStageInputSchema = z.object({
  currency: currencySchema,
  lines: z.array(progressContractLineSchema).min(1).max(500),
  taxRates: z.array(taxRateInputSchema).max(20).default([]),
  /** Net billed so far per line id by the earlier stages; a line left out has none. */
  billed: z.record(textSchema.min(1).max(64), amount).default({}),
  stage: progressStageSchema,
  /** Withheld from each stage's amount due, as a percent of its net; billed at the end. */
  retainagePercent: percent.default("0"),
  /** What is left of the deposits paid on the quote, applied to the stages in order. */
  depositLeft: amount.default("0"),
});

export type ProgressStageInput = z.input<typeof progressStageInputSchema>;
export type ProgressStage = z.input<typeof progressStageSchema>;
