import type { OpenAPIHono } from "@hono/zod-openapi";

/** The document's `info`: what the API is, for the reference page and client generators. */
export const openApiInfo = {
  title: "Remit REST API",
  version: "0.1.0",
  description:
    "Invoices, customers, work orders and quotes of the signed-in tenant. Errors are RFC 9457 " +
    "problem+json with Remit's stable `code` and, for invalid input, the path of each field.",
};

/** The OpenAPI 3.1 document of an API app, its paths under `basePath` (`"/api"`, or `""`). */
export function openApiDocumentOf(app: OpenAPIHono<never>, serverUrl?: string) {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: openApiInfo,
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
}
