import { z } from "@hono/zod-openapi";
import {
  invoiceStatuses,
  listCustomersInputSchema,
  listInvoicesInputSchema,
  listQuotesInputSchema,
  listWorkOrdersInputSchema,
} from "@remit/core";

// The list calls' own schemas, with the two fields a query string cannot carry as typed: `limit`
// comes as text, and `status` as a comma-separated list. Every other field is checked as the call
// checks it.
const limit = z.coerce.number().int().min(1).max(200).optional().openapi({ example: 50 });
// An unknown value is refused naming the ones there are, so the caller can fix the query.
const status = (statuses: readonly string[]) =>
  z
    .string()
    .max(200)
    .refine((value) => value === "" || value.split(",").every((part) => statuses.includes(part)), {
      message: `must be one or more of ${statuses.join(", ")}, separated by commas`,
    })
    .optional()
    .openapi({ description: `One or more of ${statuses.join(", ")}, separated by commas` });

export const listInvoicesQuerySchema = listInvoicesInputSchema.extend({
  status: status(invoiceStatuses),
  limit,
});
export const listCustomersQuerySchema = listCustomersInputSchema.extend({ limit });
export const listWorkOrdersQuerySchema = listWorkOrdersInputSchema.extend({
  status: status([
    "open",
    "scheduled",
    "in_progress",
    "complete_invoice_needed",
    "invoiced",
    "cancelled",
  ]),
  limit,
});
export const listQuotesQuerySchema = listQuotesInputSchema.extend({
  status: status(["draft", "sent", "approved", "declined", "expired"]),
  limit,
});
