import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  type BatchResult,
  issueInvoicesInputSchema,
  type Remit,
  sendInvoicesInputSchema,
  submitWorkOrderInvoicesInputSchema,
} from "@remit/core";
import { remitProblem } from "../http/problem-details";
import type { Authorize } from "../options/remit-handler-options";
import { invoiceBatchResultSchema, workOrderBatchResultSchema } from "../schemas/batch-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { defineOperation } from "./define-operation";

/** A batch's result as JSON: each refused item's error as problem details. */
function toBatchResponse(result: BatchResult<object>) {
  return {
    ...result,
    items: result.items.map((item) =>
      item.status === "refused" ? { ...item, error: remitProblem(item.error) } : item,
    ),
  };
}

// Over HTTP a batch reports no progress (there is no callback to call): the client shows the
// items as the answer lists them, or runs smaller batches for a finer progress bar.
const noCallback = { onProgress: true } as const;

/**
 * "Invoice selected" and "Send selected": the batch calls, one POST each. A retried request with
 * the same `batchKey` does each item once.
 */
export function defineBatchOperations(
  app: OpenAPIHono<RemitApiEnvironment>,
  remit: Remit,
  authorize: Authorize | undefined,
): void {
  const define = (definition: Parameters<typeof defineOperation>[2]) =>
    defineOperation(app, authorize, definition);
  define({
    operation: "workOrders.submitInvoices",
    method: "post",
    path: "/work-orders/submit-invoices",
    summary: "Invoice selected: review & submit many work orders, each on its own",
    tag: "Work orders",
    body: submitWorkOrderInvoicesInputSchema.omit(noCallback),
    bodyRequired: true,
    response: workOrderBatchResultSchema,
    run: async (ctx, { body }) =>
      toBatchResponse(await remit.workOrders.submitInvoices(ctx, withoutCallback(body))),
  });
  define({
    operation: "invoices.issueMany",
    method: "post",
    path: "/invoices/issue-many",
    summary: "Issue (and send) many invoices, each on its own",
    tag: "Invoices",
    body: issueInvoicesInputSchema.omit(noCallback),
    bodyRequired: true,
    response: invoiceBatchResultSchema,
    run: async (ctx, { body }) =>
      toBatchResponse(await remit.invoices.issueMany(ctx, withoutCallback(body))),
  });
  define({
    operation: "invoices.sendMany",
    method: "post",
    path: "/invoices/send-many",
    summary: "Send selected: send many issued invoices, each on its own",
    tag: "Invoices",
    body: sendInvoicesInputSchema.omit(noCallback),
    bodyRequired: true,
    response: invoiceBatchResultSchema,
    run: async (ctx, { body }) =>
      toBatchResponse(await remit.invoices.sendMany(ctx, withoutCallback(body))),
  });
}

/** The body as the call's input, with any `onProgress` a client sent dropped. */
function withoutCallback(body: Record<string, unknown>): never {
  const { onProgress: _ignored, ...input } = body;
  return input as never;
}
