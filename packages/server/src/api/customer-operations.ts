import type { OpenAPIHono } from "@hono/zod-openapi";
import { createCustomerInputSchema, type Remit, updateCustomerInputSchema } from "@remit/core";
import type { Authorize } from "../options/remit-handler-options";
import { customerCreditResponseSchema, customerResponseSchema } from "../schemas/record-schemas";
import { customerPageSchema } from "../schemas/response-schemas";
import type { RemitApiEnvironment } from "./api-environment";
import { defineOperation, idParams, listInput, moveBody } from "./define-operation";
import { listCustomersQuerySchema } from "./list-query-schemas";

/** The REST API for customers: `/customers`. */
export function defineCustomerOperations(
  app: OpenAPIHono<RemitApiEnvironment>,
  remit: Remit,
  authorize: Authorize | undefined,
): void {
  const tag = "Customers";
  const define = (definition: Parameters<typeof defineOperation>[2]) =>
    defineOperation(app, authorize, definition);

  define({
    operation: "customers.list",
    method: "get",
    path: "/customers",
    summary: "List customers; `search` matches name, email and phone",
    tag,
    query: listCustomersQuerySchema,
    response: customerPageSchema,
    run: (ctx, { query }) => remit.customers.list(ctx, listInput(query) as never),
  });
  define({
    operation: "customers.create",
    method: "post",
    path: "/customers",
    summary: "Create a customer",
    tag,
    body: createCustomerInputSchema,
    bodyRequired: true,
    response: customerResponseSchema,
    status: 201,
    run: (ctx, { body }) => remit.customers.create(ctx, body as never),
  });
  define({
    operation: "customers.get",
    method: "get",
    path: "/customers/{id}",
    summary: "A customer",
    tag,
    params: idParams,
    response: customerResponseSchema,
    run: (ctx, { params }) => remit.customers.get(ctx, { id: params.id ?? "" }),
  });
  define({
    operation: "customers.getCredit",
    method: "get",
    path: "/customers/{id}/credit",
    summary: "The customer's credit per currency, and the credit moved between its invoices",
    tag,
    params: idParams,
    response: customerCreditResponseSchema,
    run: (ctx, { params }) => remit.customers.getCredit(ctx, { id: params.id ?? "" }),
  });
  define({
    operation: "customers.update",
    method: "patch",
    path: "/customers/{id}",
    summary: "Change a customer's details",
    tag,
    params: idParams,
    body: moveBody(updateCustomerInputSchema),
    bodyRequired: true,
    response: customerResponseSchema,
    run: (ctx, { params, body }) =>
      remit.customers.update(ctx, { ...body, id: params.id } as never),
  });
}
