import { z } from "zod";
import { decimalSchema } from "../calculation/decimal-schema";
import { decimalLimits, taxRateInputSchema, textLimits } from "../calculation/invoice-input-schema";
import { textSchema } from "../validation/text-schema";

// Amounts are kept as the decimal strings they were written as: the rule is stored in tenant
// settings and copied onto invoices as JSON, and read back without a second parse.
const amountSchema = decimalSchema(decimalLimits.amount).transform((value) => value.text);
const percentSchema = decimalSchema({ greaterThan: "0", atMost: "100", maxDecimals: 6 }).transform(
  (value) => value.text,
);

/**
 * A tenant's late-fee rule (tenant setting `lateFees`), copied onto each invoice at issue so that
 * a later change of the rule never touches invoices already out. The past-due sweep adds fee
 * number 1 on the first day after `graceDays` past the due date, then one more every
 * `repeatEveryDays` days, at most `maxCount` in all, never more than `maximumTotal` together,
 * and none while the balance is below `minimumBalance`.
 *
 * @example
 * ```ts
 * await remit.tenants.upsert(ctx, {
 *   lateFees: { charge: { type: "percent", percent: "1.5" }, graceDays: 10, repeatEveryDays: 30, maxCount: 3, maximumTotal: "100" },
 * });
 * ```
 * @since 0.3.0
 * @group Late fees
 */
export const lateFeeRuleSchema = z
  .object({
    /** A flat amount in the invoice's currency, or a percent of the balance without late fees. */
    charge: z.discriminatedUnion("type", [
      z.object({ type: z.literal("flat"), amount: amountSchema }),
      z.object({ type: z.literal("percent"), percent: percentSchema }),
    ]),
    /** Days after the due date before the first fee; 0 charges on the first day past due. */
    graceDays: z.number().int().min(0).max(365).default(0),
    /** Days between fees; left out, the fee is charged once. */
    repeatEveryDays: z.number().int().min(1).max(365).optional(),
    /** The most fees one invoice gets (1 without `repeatEveryDays`). */
    maxCount: z.number().int().min(1).max(120).default(1),
    /** No fee while the balance (amount due without late fees) is below this. */
    minimumBalance: amountSchema.default("0"),
    /** The most all late fees of one invoice add up to, before tax (some places cap them by law). */
    maximumTotal: amountSchema.optional(),
    /** The line's description on the invoice. */
    description: textSchema.min(1).max(textLimits.description).default("Late fee"),
    /** Taxes on the fee; none by default (a late fee is usually untaxed). */
    taxRates: z
      .array(taxRateInputSchema.transform((rate) => ({ ...rate, percent: rate.percent.text })))
      .max(10)
      .default([]),
  })
  .refine((rule) => rule.repeatEveryDays !== undefined || rule.maxCount === 1, {
    path: ["maxCount"],
    message: "must be 1 unless repeatEveryDays is set",
  });

/** @since 0.3.0 @group Late fees @interface */
export type LateFeeRuleInput = z.input<typeof lateFeeRuleSchema>;
/** @since 0.3.0 @group Late fees @interface */
export type LateFeeRule = z.output<typeof lateFeeRuleSchema>;
