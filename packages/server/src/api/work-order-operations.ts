import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  billWorkOrderRetainageInputSchema,
  billWorkOrderStageInputSchema,
  cancelWorkOrderInputSchema,
  draftWorkOrderInvoiceInputSchema,
  invoiceMoveInputSchema,
  type Remit,
  scheduleWorkOrderInputSchema,
  submitWorkOrderInvoiceInputSchema,
  updateWorkOrderInputSchema,
  workOrderInputSchema,
} from "@remit/core";
import type { z } from "zod";
import type { Authorize } from "../options/remit-handler-options";
import { invoiceDraftResponseSchema, workOrderResponseSchema } from "../schemas/record-schemas";
import { workOrderMoveResultSchema, workOrderPageSchema } from "../schemas/response-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { defineOperation, idParams, listInput, moveBody } from "./define-operation";
import { listWorkOrdersQuerySchema } from "./list-query-schemas";

/** The REST API for work orders: `/work-orders`. Every move answers `{ workOrder, events }`. */
export function defineWorkOrderOperations(
  app: OpenAPIHono<RemitApiEnvironment>,
  remit: Remit,
  authorize: Authorize | undefined,
): void {
  const tag = "Work orders";
  const define = (definition: Parameters<typeof defineOperation>[2]) =>
    defineOperation(app, authorize, definition);

  define({
    operation: "workOrders.list",
    method: "get",
    path: "/work-orders",
    summary: "List work orders",
    tag,
    query: listWorkOrdersQuerySchema,
    response: workOrderPageSchema,
    run: (ctx, { query }) => remit.workOrders.list(ctx, listInput(query) as never),
  });
  define({
    operation: "workOrders.create",
    method: "post",
    path: "/work-orders",
    summary: "Create a work order",
    tag,
    body: workOrderInputSchema,
    bodyRequired: true,
    response: workOrderMoveResultSchema,
    status: 201,
    run: (ctx, { body }) => remit.workOrders.create(ctx, body as never),
  });
  define({
    operation: "workOrders.get",
    method: "get",
    path: "/work-orders/{id}",
    summary: "A work order",
    tag,
    params: idParams,
    response: workOrderResponseSchema,
    run: (ctx, { params }) => remit.workOrders.get(ctx, { id: params.id ?? "" }),
  });
  define({
    operation: "workOrders.update",
    method: "patch",
    path: "/work-orders/{id}",
    summary: "Change the job's details before it is invoiced",
    tag,
    params: idParams,
    body: moveBody(updateWorkOrderInputSchema),
    bodyRequired: true,
    response: workOrderMoveResultSchema,
    run: (ctx, { params, body }) =>
      remit.workOrders.update(ctx, { ...body, id: params.id } as never),
  });
  define({
    operation: "workOrders.draftInvoice",
    method: "get",
    path: "/work-orders/{id}/invoice-draft",
    summary: "The invoice draft for review & submit",
    tag,
    params: draftWorkOrderInvoiceInputSchema.pick({ id: true }),
    response: invoiceDraftResponseSchema,
    run: (ctx, { params }) => remit.workOrders.draftInvoice(ctx, { id: params.id ?? "" }),
  });

  const moves = [
    [
      "schedule",
      "workOrders.schedule",
      "Set the date, window and technician",
      scheduleWorkOrderInputSchema,
      remit.workOrders.schedule,
    ],
    ["start", "workOrders.start", "Work started", invoiceMoveInputSchema, remit.workOrders.start],
    [
      "complete",
      "workOrders.complete",
      "Work done: ready to invoice",
      invoiceMoveInputSchema,
      remit.workOrders.complete,
    ],
    [
      "cancel",
      "workOrders.cancel",
      "Withdraw the job with a reason",
      cancelWorkOrderInputSchema,
      remit.workOrders.cancel,
    ],
    [
      "submit-invoice",
      "workOrders.submitInvoice",
      "Review & submit: create the invoice (with `changes`) and submit or issue it",
      submitWorkOrderInvoiceInputSchema,
      remit.workOrders.submitInvoice,
    ],
  ] as const;
  define({
    operation: "workOrders.billStage",
    method: "post",
    path: "/work-orders/{id}/stages",
    summary:
      "Progress billing: bill the next stage (a percent, an amount, each line's percent complete, or the final remainder) as an invoice",
    tag,
    params: idParams,
    body: moveBody(billWorkOrderStageInputSchema),
    bodyRequired: true,
    response: workOrderMoveResultSchema,
    status: 201,
    run: (ctx, { params, body }) =>
      remit.workOrders.billStage(ctx, { ...body, id: params.id } as never),
  });
  define({
    operation: "workOrders.billRetainage",
    method: "post",
    path: "/work-orders/{id}/retainage",
    summary: "Progress billing: after the final stage, bill the retainage the stages withheld",
    tag,
    params: idParams,
    body: moveBody(billWorkOrderRetainageInputSchema),
    response: workOrderMoveResultSchema,
    status: 201,
    run: (ctx, { params, body }) =>
      remit.workOrders.billRetainage(ctx, { ...body, id: params.id } as never),
  });

  for (const [path, operation, summary, schema, move] of moves) {
    define({
      operation,
      method: "post",
      path: `/work-orders/{id}/${path}`,
      summary,
      tag,
      params: idParams,
      body: moveBody(schema as z.ZodObject),
      response: workOrderMoveResultSchema,
      run: (ctx, { params, body }) =>
        (move as (ctx: unknown, input: unknown) => Promise<unknown>)(ctx, {
          ...body,
          id: params.id,
        }),
    });
  }
}
