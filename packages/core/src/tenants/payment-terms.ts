import { z } from "zod";
import { textSchema } from "../validation/text-schema";
import { addDaysToDate } from "./tenant-dates";

/**
 * When an issued invoice falls due: `"due_on_receipt"`, `"net_N"` (N days after the issue date,
 * e.g. `"net_30"`), or a fixed date `{ dueDate: "2026-12-31" }`.
 * @group Tenants
 */
export const paymentTermsSchema = z.union(
  [
    z.literal("due_on_receipt"),
    textSchema.regex(/^net_([1-9]\d{0,2})$/),
    z.object({ dueDate: z.iso.date() }),
  ],
  { error: 'must be "due_on_receipt", "net_N" (N from 1 to 999) or { dueDate: "YYYY-MM-DD" }' },
);

/**
 * When an invoice is due: `"due_on_receipt"`, `"net_N"` (N days after the issue date) or a fixed
 * `{ dueDate: "YYYY-MM-DD" }`, as {@link paymentTermsSchema} reads it.
 * @group Tenants
 */
export type PaymentTerms = z.infer<typeof paymentTermsSchema>;

/**
 * The due date for an issue date (both `YYYY-MM-DD` in the tenant's time zone).
 * @group Tenants
 */
export function calculateDueDate(terms: PaymentTerms, issueDate: string): string {
  if (terms === "due_on_receipt") return issueDate;
  if (typeof terms === "object") return terms.dueDate;
  const days = Number(terms.slice("net_".length));
  return addDaysToDate(issueDate, days);
}
