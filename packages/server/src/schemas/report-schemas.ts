import { z } from "@hono/zod-openapi";
import type { AgingReport, CustomerStatement } from "@remit/core";

const money = z
  .string()
  .openapi({ description: "A decimal amount as a string", example: "120.00" });
const localDate = z.string().openapi({ description: "A local date", example: "2026-03-31" });

const agingAmounts = {
  current: money,
  days1to30: money,
  days31to60: money,
  days61to90: money,
  over90: money,
  total: money,
};

export const agingReportResponseSchema = z
  .object({
    asOf: z.string(),
    asOfDate: localDate,
    timeZone: z.string(),
    customers: z.array(
      z.object({
        customerId: z.string().nullable(),
        customerName: z.string().nullable(),
        currency: z.string(),
        invoiceCount: z.number().int(),
        ...agingAmounts,
      }),
    ),
    totals: z.array(
      z.object({ currency: z.string(), invoiceCount: z.number().int(), ...agingAmounts }),
    ),
  })
  .openapi("AgingReport");

export const customerStatementResponseSchema = z
  .object({
    customerId: z.string(),
    customerName: z.string(),
    customerEmail: z.string().nullable(),
    currency: z.string(),
    from: localDate,
    to: localDate,
    timeZone: z.string(),
    openingBalance: money,
    lines: z.array(
      z.object({
        date: localDate,
        kind: z.enum([
          "invoice",
          "payment",
          "refund",
          "credit_note",
          "write_off",
          "credit_applied",
        ]),
        id: z.string(),
        invoiceId: z.string(),
        invoiceNumber: z.string().nullable(),
        reference: z.string().nullable(),
        amount: money,
        change: money,
        balance: money,
      }),
    ),
    invoiced: money,
    paid: money,
    refunded: money,
    credited: money,
    writtenOff: money,
    creditApplied: money,
    closingBalance: money,
    openInvoices: z.array(
      z.object({
        invoiceId: z.string(),
        number: z.string().nullable(),
        issueDate: localDate.nullable(),
        dueDate: localDate.nullable(),
        status: z.string(),
        total: money,
        amountDue: money,
      }),
    ),
  })
  .openapi("CustomerStatement");

// Compile-time checks: what core returns is accepted by the schemas.
type Accepts<Schema extends z.ZodType, Record> = Record extends z.input<Schema> ? true : never;
const reportSchemasMatchCore: [
  Accepts<typeof agingReportResponseSchema, AgingReport>,
  Accepts<typeof customerStatementResponseSchema, CustomerStatement>,
] = [true, true];
void reportSchemasMatchCore;
