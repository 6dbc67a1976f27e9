import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import {
  createPlanInputSchema,
  listPlansInputSchema,
  planMoveInputSchema,
  type Remit,
  skipPlanOccurrenceInputSchema,
  updatePlanInputSchema,
} from "@remit/core";
import type { Authorize } from "../options/remit-handler-options";
import {
  planDetailsResponseSchema,
  planMoveResultSchema,
  planPageSchema,
} from "../schemas/plan-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { defineOperation, idParams, listInput, moveBody } from "./define-operation";

const listPlansQuerySchema = listPlansInputSchema.extend({
  status: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "One or more of active, paused, ended, separated by commas" }),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ example: 50 }),
});

/**
 * The REST API for recurring plans: `/plans`. The sweep (`plans.generateDue`) is not an
 * operation: it belongs to the host's scheduler (cron, the outbox worker's process), not to a
 * signed-in user.
 */
export function definePlanOperations(
  app: OpenAPIHono<RemitApiEnvironment>,
  remit: Remit,
  authorize: Authorize | undefined,
): void {
  const tag = "Plans";
  const define = (definition: Parameters<typeof defineOperation>[2]) =>
    defineOperation(app, authorize, definition);

  define({
    operation: "plans.list",
    method: "get",
    path: "/plans",
    summary: "List recurring plans",
    tag,
    query: listPlansQuerySchema,
    response: planPageSchema,
    run: (ctx, { query }) => remit.plans.list(ctx, listInput(query) as never),
  });
  define({
    operation: "plans.create",
    method: "post",
    path: "/plans",
    summary: "Create a recurring plan",
    tag,
    body: createPlanInputSchema,
    bodyRequired: true,
    response: planMoveResultSchema,
    status: 201,
    run: (ctx, { body }) => remit.plans.create(ctx, body as never),
  });
  define({
    operation: "plans.get",
    method: "get",
    path: "/plans/{id}",
    summary: "A plan with its occurrences",
    tag,
    params: idParams,
    response: planDetailsResponseSchema,
    run: (ctx, { params }) => remit.plans.get(ctx, { id: params.id ?? "" }),
  });
  define({
    operation: "plans.update",
    method: "patch",
    path: "/plans/{id}",
    summary: "Change what the plan bills, from the next occurrence on",
    tag,
    params: idParams,
    body: moveBody(updatePlanInputSchema),
    bodyRequired: true,
    response: planMoveResultSchema,
    run: (ctx, { params, body }) => remit.plans.update(ctx, { ...body, id: params.id } as never),
  });
  const moves = [
    [
      "pause",
      "plans.pause",
      "Pause: nothing is generated while paused",
      planMoveInputSchema,
      remit.plans.pause,
    ],
    [
      "resume",
      "plans.resume",
      "Resume from the next date on",
      planMoveInputSchema,
      remit.plans.resume,
    ],
    [
      "skip",
      "plans.skip",
      "Skip one future occurrence",
      skipPlanOccurrenceInputSchema,
      remit.plans.skip,
    ],
    ["end", "plans.end", "End the plan", planMoveInputSchema, remit.plans.end],
  ] as const;
  for (const [path, operation, summary, schema, move] of moves) {
    define({
      operation,
      method: "post",
      path: `/plans/{id}/${path}`,
      summary,
      tag,
      params: idParams,
      body: moveBody(schema as z.ZodObject),
      response: planMoveResultSchema,
      run: (ctx, { params, body }) =>
        (move as (ctx: unknown, input: unknown) => Promise<unknown>)(ctx, {
          ...body,
          id: params.id,
        }),
    });
  }
}
