import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Remit } from "@remit/core";
import type { Authorize } from "../options/remit-handler-options";
import {
  agingReportResponseSchema,
  customerStatementResponseSchema,
} from "../schemas/report-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { defineOperation, idParams } from "./define-operation";

// Query strings arrive as text: core's own schemas check the values and name the field.
const agingQuerySchema = z.object({
  asOf: z.string().optional().openapi({ description: "An instant; default now" }),
});
const statementQuerySchema = z.object({
  from: z.string().openapi({ description: "First local date, YYYY-MM-DD", example: "2026-03-01" }),
  to: z.string().openapi({ description: "Last local date, YYYY-MM-DD", example: "2026-03-31" }),
  currency: z.string().optional().openapi({ description: "Default: the tenant's currency" }),
});

/** The REST API for reports: `/reports/aging` and `/customers/{id}/statement`. */
export function defineReportOperations(
  app: OpenAPIHono<RemitApiEnvironment>,
  remit: Remit,
  authorize: Authorize | undefined,
): void {
  const tag = "Reports";
  const define = (definition: Parameters<typeof defineOperation>[2]) =>
    defineOperation(app, authorize, definition);

  define({
    operation: "reports.aging",
    method: "get",
    path: "/reports/aging",
    summary: "Open balances per customer and currency by days past due",
    tag,
    query: agingQuerySchema,
    response: agingReportResponseSchema,
    run: (ctx, { query }) =>
      remit.reports.aging(ctx, query.asOf ? { asOf: query.asOf as string } : {}),
  });
  define({
    operation: "reports.customerStatement",
    method: "get",
    path: "/customers/{id}/statement",
    summary: "A customer's statement for a period: opening balance, lines, closing balance",
    tag,
    params: idParams,
    query: statementQuerySchema,
    response: customerStatementResponseSchema,
    run: (ctx, { params, query }) =>
      remit.reports.customerStatement(ctx, {
        customerId: params.id ?? "",
        from: query.from as string,
        to: query.to as string,
        ...(query.currency ? { currency: query.currency as string } : {}),
      }),
  });
}
