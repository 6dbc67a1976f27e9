import { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { RemitApiEnvironment } from "./api/api-environment";
import { createRemitApi } from "./api/create-remit-api";
import { openApiDocumentOf } from "./api/openapi-document";
import { createHostedInvoicePage } from "./hosted/create-hosted-invoice-page";
import { createHostedQuotePage } from "./hosted/create-hosted-quote-page";
import { crossSiteRequestGuard } from "./http/cross-site-request-guard";
import { hostAllowList } from "./http/host-allow-list";
import { createNotFoundHandler } from "./http/not-found-handler";
import { problemResponse } from "./http/problem-details";
import { parseHandlerOptions } from "./options/parse-handler-options";
import type { RemitHandlerOptions } from "./options/remit-handler-options";
import { createRemitWebhooks } from "./webhooks/create-remit-webhooks";

/** What `createRemitHandler` returns: one fetch handler, its Hono app, and each part alone. */
export type RemitHandler = {
  /** Answers one request: `Request → Response`, for any runtime or framework that speaks fetch. */
  fetch(request: Request): Promise<Response>;
  /** The whole Hono app, for `host.route("/", app)` or its own middleware. */
  app: OpenAPIHono;
  /** The REST API (mounted at `/api` in `app`). */
  api: OpenAPIHono<RemitApiEnvironment>;
  /** The providers' webhooks (at `/webhooks`). */
  webhooks: Hono;
  /** The customer's invoice page (at `/i`). */
  hostedPage: Hono;
  /** The customer's quote page (at `/q`): approve, decline, pay the deposit. @since 0.3.0 */
  hostedQuotePage: Hono;
};

/**
 * Remit's HTTP parts as one handler, built on Hono:
 *
 * - `/api/…`: the REST API of the caller `authenticate` names (401 without it), each operation
 *   checked by `authorize` (403), errors as RFC 9457 problem+json;
 * - `/openapi.json`: its OpenAPI 3.1 document, generated from the schemas that validate requests;
 * - `/webhooks/stripe`, `/webhooks/twilio/status`: the providers' webhooks, checked by signature;
 * - `/i/:token`: the customer's invoice page in the tenant's logo, colors and locale, its PDF and
 *   the Pay button;
 * - `/q/:token`: the customer's quote page: the lines and total, approve with a typed name or
 *   decline with a reason, and pay the deposit online.
 *
 * The options are checked when the handler is made: a `ValidationError` names each bad one.
 *
 * @example
 * ```ts
 * import { createRemitHandler } from "@remit/server";
 *
 * const remitHandler = createRemitHandler({
 *   remit,
 *   payments: { stripe: stripePayments },
 *   authenticate: async (request) => {
 *     const user = await sessionUser(request); // the host app's own sign-in
 *     return user ? { tenantId: user.companyId, actor: { type: "user", id: user.id } } : null;
 *   },
 *   authorize: (ctx, { operation }) => operation !== "invoices.refund" || isOwner(ctx),
 *   publicUrl: "https://pay.example.com",
 * });
 * export default { fetch: remitHandler.fetch }; // or mount remitHandler.app in your Hono app
 * ```
 */
export function createRemitHandler(options: RemitHandlerOptions): RemitHandler {
  const { publicUrl, logFor } = parseHandlerOptions(options);
  const logError = logFor("remit");
  const api = createRemitApi(options);
  const webhooks = createRemitWebhooks(options);
  const hostedPage = createHostedInvoicePage(options);
  const hostedQuotePage = createHostedQuotePage(options);

  const app = new OpenAPIHono();
  app.onError((error, context) =>
    problemResponse(error, (cause, errorId) => logError(cause, errorId, context.req.raw)),
  );
  // Before any route: a rebound host name or another site's page changes nothing.
  if (options.allowedHosts) app.use("*", hostAllowList(options.allowedHosts));
  app.use(
    "*",
    crossSiteRequestGuard({
      origins: [
        ...(options.allowedOrigins ?? []),
        ...(typeof publicUrl === "string" ? [new URL(publicUrl).origin] : []),
      ],
    }),
  );
  app.get("/openapi.json", (context) =>
    context.json(
      openApiDocumentOf(app as never, typeof publicUrl === "string" ? publicUrl : undefined),
    ),
  );
  app.route("/api", api);
  app.route("/webhooks", webhooks);
  app.route("/i", hostedPage);
  app.route("/q", hostedQuotePage);
  app.notFound(createNotFoundHandler(app));
  return {
    fetch: async (request) => app.fetch(request),
    app,
    api,
    webhooks,
    hostedPage,
    hostedQuotePage,
  };
}
