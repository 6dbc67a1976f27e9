import { z } from "zod";
import { decimalSchema } from "../calculation/decimal-schema";
import { currencySchema, taxRateInputSchema } from "../calculation/invoice-input-schema";
import { addressSchema } from "../customers/customer";
import { idempotencyKeySchema, recordIdSchema } from "../invoices/internal/move-input-fields";
import { paymentTermsSchema } from "../tenants/payment-terms";
import { textSchema } from "../validation/text-schema";

const text = (limits: Parameters<typeof decimalSchema>[0]) =>
  decimalSchema(limits).transform((value) => value.text);
const entryId = textSchema.min(1).max(64);
const taxRateIds = z.array(textSchema.min(1)).max(20).default([]);

export const laborEntryInputSchema = z.object({
  id: entryId.optional(),
  technician: textSchema.trim().min(1).max(100),
  description: textSchema.max(500).default(""),
  /** 0 hours is allowed on the work order and gives no invoice line. */
  hours: text({ lessThan: "10000", maxDecimals: 4 }),
  hourlyRate: text({ lessThan: "1000000", maxDecimals: 4 }),
  overtimeMultiplier: text({ greaterThan: "0", atMost: "5", maxDecimals: 2 }).default("1"),
  taxRateIds,
});

export const materialEntryInputSchema = z.object({
  id: entryId.optional(),
  description: textSchema.trim().min(1).max(500),
  quantity: text({ lessThan: "1000000000", maxDecimals: 6 }),
  unitCost: text({ lessThan: "1000000000", maxDecimals: 4 }),
  markupPercent: text({ atMost: "1000", maxDecimals: 4 }).default("0"),
  taxRateIds,
});

export const serviceEntryInputSchema = z.object({
  id: entryId.optional(),
  description: textSchema.trim().min(1).max(500),
  quantity: text({ lessThan: "1000000000", maxDecimals: 6 }),
  unitPrice: text({ lessThan: "1000000000000", maxDecimals: 4 }),
  taxRateIds,
});

export const workOrderFeeInputSchema = z.object({
  id: entryId.optional(),
  description: textSchema.trim().min(1).max(500),
  amount: text({ lessThan: "1000000000000", maxDecimals: 4 }),
  taxRateIds,
});

const storedTaxRateSchema = taxRateInputSchema.transform((rate) => ({
  ...rate,
  percent: rate.percent.text,
}));

/**
 * What a work order records; every part is optional except the customer and a title.
 * @group Work orders
 */
export const workOrderInputSchema = z.object({
  customerId: recordIdSchema,
  title: textSchema.trim().min(1).max(200),
  site: addressSchema.nullable().optional(),
  currency: currencySchema.optional(),
  terms: paymentTermsSchema.optional(),
  taxRates: z.array(storedTaxRateSchema).max(100).optional(),
  labor: z.array(laborEntryInputSchema).max(500).default([]),
  materials: z.array(materialEntryInputSchema).max(1000).default([]),
  services: z.array(serviceEntryInputSchema).max(500).default([]),
  fees: z.array(workOrderFeeInputSchema).max(100).default([]),
  notes: textSchema.max(10_000).default(""),
  photos: z.array(textSchema.min(1).max(1_000)).max(100).default([]),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** @group Work orders @interface */
export type WorkOrderInput = z.input<typeof workOrderInputSchema>;
