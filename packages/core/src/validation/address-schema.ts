import { z } from "zod";
import { textSchema } from "./text-schema";

/** A postal address, as loose as addresses are across countries. */
export const addressSchema = z.object({
  line1: textSchema.max(200).optional(),
  line2: textSchema.max(200).optional(),
  city: textSchema.max(100).optional(),
  region: textSchema.max(100).optional(),
  postalCode: textSchema.max(20).optional(),
  country: textSchema
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter code such as "US"')
    .optional(),
});

/** @group Customers @interface */
export type Address = z.infer<typeof addressSchema>;
