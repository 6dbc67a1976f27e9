import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import { type Context, invoiceMoveInputSchema } from "@remit/core";
import type { Context as HonoContext } from "hono";
import type { Authorize } from "../options/remit-handler-options";
import { problemSchema } from "../schemas/response-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { authorizationMiddleware } from "./authentication";
import type { RemitOperation } from "./remit-operations";

/** What a route hands its Remit call: the caller, path parameters, query and raw JSON body. */
export type OperationInput = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
};

/** One REST operation: its route, the schemas that validate and document it, and its call. */
export type OperationDefinition = {
  operation: RemitOperation;
  method: "get" | "post" | "patch";
  /** OpenAPI style: `/invoices/{id}/issue`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The body's schema; a move with no required field takes no body at all. */
  body?: z.ZodType;
  bodyRequired?: boolean;
  response: z.ZodType;
  status?: 200 | 201;
  run: (context: Context, input: OperationInput) => Promise<unknown>;
};

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/**
 * The JSON body as the client sent it. The route's schema has already checked it; Remit's call
 * reads it again from the raw value (its schemas transform, so the parsed value is not its input).
 */
async function rawBody(context: HonoContext): Promise<Record<string, unknown>> {
  if (!context.req.header("content-type")) return {};
  return (await context.req.json()) as Record<string, unknown>;
}

/** Adds an operation to the API: documented, authorized, validated, then Remit's call. */
export function defineOperation(
  app: OpenAPIHono<RemitApiEnvironment>,
  authorize: Authorize | undefined,
  definition: OperationDefinition,
): void {
  const route = createRoute({
    method: definition.method,
    path: definition.path,
    operationId: definition.operation,
    summary: definition.summary,
    tags: [definition.tag],
    middleware: [authorizationMiddleware(authorize, definition.operation)] as const,
    request: {
      ...(definition.params ? { params: definition.params } : {}),
      ...(definition.query ? { query: definition.query } : {}),
      ...(definition.body
        ? {
            body: {
              required: definition.bodyRequired ?? false,
              content: { "application/json": { schema: definition.body } },
            },
          }
        : {}),
    },
    responses: {
      [definition.status ?? 200]: {
        description: "Done",
        content: { "application/json": { schema: definition.response } },
      },
      401: problem("Not signed in: `authenticate` returned null"),
      403: problem("`authorize` refused this operation"),
      404: problem("No such record in the caller's tenant"),
      409: problem("The record's status or version does not allow this"),
      415: problem("The body is not JSON"),
      422: problem("The input is invalid: `issues` names each field"),
    },
  });
  const handler = async (context: HonoContext<RemitApiEnvironment>) => {
    const input: OperationInput = {
      params: context.req.param() as Record<string, string>,
      query: definition.query
        ? ((context.req as unknown as { valid(target: "query"): Record<string, unknown> }).valid(
            "query",
          ) ?? {})
        : {},
      body: definition.body ? await rawBody(context) : {},
    };
    const result = await definition.run(context.get("remitContext"), input);
    return context.json(result as object, definition.status ?? 200);
  };
  app.openapi(route, handler as never);
}

/** The `{id}` path parameter of a record, as Remit's calls check ids. */
export const idParams = invoiceMoveInputSchema.pick({ id: true });

/** A move's body: its input schema without the id, which the path gives. */
export function moveBody<Schema extends z.ZodObject>(schema: Schema) {
  return schema.omit({ id: true } as never);
}

/** A comma-separated list in a query string (`status=paid,past_due`) as an array. */
export function commaSeparated(value: unknown): string[] | undefined {
  return typeof value === "string" && value !== "" ? value.split(",") : undefined;
}

/** The query's fields without empty ones, and `status` split on commas. */
export function listInput(query: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined && value !== "");
  const input = Object.fromEntries(entries);
  if ("status" in input) input.status = commaSeparated(input.status);
  return input;
}
