import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  approveQuoteInputSchema,
  convertQuoteInputSchema,
  declineQuoteInputSchema,
  quoteInputSchema,
  type Remit,
  recordDepositInputSchema,
  refundDepositInputSchema,
  reviseQuoteInputSchema,
  sendQuoteInputSchema,
} from "@remit/core";
import type { z } from "zod";
import type { Authorize } from "../options/remit-handler-options";
import { quoteResponseSchema } from "../schemas/record-schemas";
import { quoteMoveResultSchema, quotePageSchema } from "../schemas/response-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { defineOperation, idParams, listInput, moveBody } from "./define-operation";
import { listQuotesQuerySchema } from "./list-query-schemas";

/** The REST API for quotes: `/quotes`. Every move answers `{ quote, events }` (and more). */
export function defineQuoteOperations(
  app: OpenAPIHono<RemitApiEnvironment>,
  remit: Remit,
  authorize: Authorize | undefined,
): void {
  const tag = "Quotes";
  const define = (definition: Parameters<typeof defineOperation>[2]) =>
    defineOperation(app, authorize, definition);

  define({
    operation: "quotes.list",
    method: "get",
    path: "/quotes",
    summary: "List quotes",
    tag,
    query: listQuotesQuerySchema,
    response: quotePageSchema,
    run: (ctx, { query }) => remit.quotes.list(ctx, listInput(query) as never),
  });
  define({
    operation: "quotes.create",
    method: "post",
    path: "/quotes",
    summary: "Create a draft quote",
    tag,
    body: quoteInputSchema,
    bodyRequired: true,
    response: quoteMoveResultSchema,
    status: 201,
    run: (ctx, { body }) => remit.quotes.create(ctx, body as never),
  });
  define({
    operation: "quotes.get",
    method: "get",
    path: "/quotes/{id}",
    summary: "A quote",
    tag,
    params: idParams,
    response: quoteResponseSchema,
    run: (ctx, { params }) => remit.quotes.get(ctx, { id: params.id ?? "" }),
  });

  const moves = [
    [
      "revise",
      "quotes.revise",
      "Change a draft or sent quote",
      reviseQuoteInputSchema,
      remit.quotes.revise,
    ],
    [
      "send",
      "quotes.send",
      "Send to the customer: with `channels`, its link by email and/or text",
      sendQuoteInputSchema,
      remit.quotes.send,
    ],
    [
      "approve",
      "quotes.approve",
      "The customer accepts",
      approveQuoteInputSchema,
      remit.quotes.approve,
    ],
    [
      "decline",
      "quotes.decline",
      "The customer says no",
      declineQuoteInputSchema,
      remit.quotes.decline,
    ],
    [
      "deposits",
      "quotes.recordDeposit",
      "Record a deposit",
      recordDepositInputSchema,
      remit.quotes.recordDeposit,
    ],
    [
      "deposit-refunds",
      "quotes.refundDeposit",
      "Refund a deposit",
      refundDepositInputSchema,
      remit.quotes.refundDeposit,
    ],
    [
      "convert-to-work-order",
      "quotes.convertToWorkOrder",
      "Turn an approved quote into a work order",
      convertQuoteInputSchema,
      remit.quotes.convertToWorkOrder,
    ],
  ] as const;
  for (const [path, operation, summary, schema, move] of moves) {
    define({
      operation,
      method: "post",
      path: `/quotes/{id}/${path}`,
      summary,
      tag,
      params: idParams,
      body: moveBody(schema as z.ZodObject),
      response: quoteMoveResultSchema,
      run: (ctx, { params, body }) =>
        (move as (ctx: unknown, input: unknown) => Promise<unknown>)(ctx, {
          ...body,
          id: params.id,
        }),
    });
  }
}
