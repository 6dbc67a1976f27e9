import { OpenAPIHono } from "@hono/zod-openapi";
import { ValidationError } from "@remit/core";
import { HTTPException } from "hono/http-exception";
import { createNotFoundHandler } from "../http/not-found-handler";
import { problemResponse } from "../http/problem-details";
import { defaultBodyLimits, requestBodyLimit } from "../http/request-body-limit";
import { zodErrorToValidationError } from "../http/zod-error-to-validation-error";
import { parseHandlerOptions } from "../options/parse-handler-options";
import type { RemitHandlerOptions } from "../options/remit-handler-options";
import type { RemitApiEnvironment } from "./api-environment";
import { authenticationMiddleware } from "./authentication";
import { defineBatchOperations } from "./batch-operations";
import { defineCustomerOperations } from "./customer-operations";
import { defineInvoiceOperations } from "./invoice-operations";
import { openApiDocumentOf } from "./openapi-document";
import { definePlanOperations } from "./plan-operations";
import { defineQuoteOperations } from "./quote-operations";
import { defineReportOperations } from "./report-operations";
import { defineWorkOrderOperations } from "./work-order-operations";

/**
 * The REST API alone, to mount wherever the host app likes (`app.route("/api", api)`): invoices,
 * customers, work orders and quotes of the caller `authenticate` names, each operation checked by
 * `authorize`, with its OpenAPI 3.1 document at `/openapi.json` (open to all: it holds no data).
 *
 * @example
 * ```ts
 * const api = createRemitApi({ remit, authenticate, publicUrl: "https://app.example.com/api" });
 * host.route("/api", api);
 * ```
 */
export function createRemitApi(options: RemitHandlerOptions): OpenAPIHono<RemitApiEnvironment> {
  const { remit, authenticate, authorize, logFor, bodyLimits } = parseHandlerOptions(options);
  const logError = logFor("api");
  const api = new OpenAPIHono<RemitApiEnvironment>({
    // A request that fails its route's schema is answered as Remit's own ValidationError would be.
    defaultHook: (result) => {
      if (!result.success) throw zodErrorToValidationError(result.error, result.target);
    },
  });
  api.onError((error, context) => {
    const log = (cause: unknown, errorId: string) => logError(cause, errorId, context.req.raw);
    // Hono's JSON reader refuses a body that is not JSON with a bare 400: name the field instead.
    if (error instanceof HTTPException && error.status === 400) {
      const issues = [{ path: "body", message: "must be a JSON object" }];
      return problemResponse(new ValidationError({ issues }), log);
    }
    return problemResponse(error, log);
  });
  const notFound = createNotFoundHandler(api);
  api.notFound(notFound);
  api.get("/openapi.json", (context) => context.json(openApiDocumentOf(api as never)));
  api.use("*", requestBodyLimit(bodyLimits?.api ?? defaultBodyLimits.api));
  api.use("*", authenticationMiddleware(authenticate));
  // Before the per-record routes, so `/invoices/issue-many` is never read as an invoice's id.
  defineBatchOperations(api, remit, authorize);
  defineInvoiceOperations(api, remit, authorize);
  defineCustomerOperations(api, remit, authorize);
  defineWorkOrderOperations(api, remit, authorize);
  defineQuoteOperations(api, remit, authorize);
  definePlanOperations(api, remit, authorize);
  defineReportOperations(api, remit, authorize);
  // Last: an unknown path is problem+json even where a host app mounts the API in its own Hono
  // app, whose not-found handler (plain text, or its HTML page) would otherwise answer.
  api.all("*", notFound);
  return api;
}
