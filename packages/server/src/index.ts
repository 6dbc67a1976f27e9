/**
 * `@remit/server`: Remit's HTTP parts as one handler to mount in any app — the REST API with its
 * OpenAPI 3.1 document, Stripe's and Twilio's webhooks, the customer's hosted invoice page
 * with its PDF and Pay button, and the hosted quote page (approve, decline, pay the deposit). Built on Hono; mounted in Hono, Express (through
 * `@hono/node-server`'s `getRequestListener`), a plain Node `http` server or a Next.js route
 * handler. The host app keeps its users: it says who is calling with `authenticate` and what they
 * may do with `authorize`.
 *
 * @example
 * ```ts
 * import { createRemitHandler } from "@remit/server";
 *
 * const { fetch } = createRemitHandler({
 *   remit,
 *   authenticate: (request) => sessionContext(request), // { tenantId, actor } or null
 *   publicUrl: "https://pay.example.com",
 * });
 * const response = await fetch(new Request("https://pay.example.com/api/invoices"));
 * ```
 *
 * @module
 */
export type { RemitApiEnvironment } from "./api/api-environment";
export { createRemitApi } from "./api/create-remit-api";
export { openApiDocumentOf, openApiInfo } from "./api/openapi-document";
export { type RemitOperation, remitOperations } from "./api/remit-operations";
export { createRemitHandler, type RemitHandler } from "./create-remit-handler";
export { createHostedInvoicePage } from "./hosted/create-hosted-invoice-page";
export { createHostedQuotePage } from "./hosted/create-hosted-quote-page";
export type { HostedPageCacheOptions } from "./hosted/hosted-page-cache";
export { hostedPageHeaders, stripeCheckoutOrigin } from "./hosted/hosted-page-headers";
export { renderInvoicePdfBytes, renderMessagePdfBytes } from "./hosted/invoice-pdf";
export { canPayOnline } from "./hosted/pay-section";
export type { QuoteFormError } from "./hosted/quote-answer-section";
export type { RemitChange, RemitChangeFeed } from "./hosted/remit-change-feed";
export {
  type HostedInvoicePageData,
  renderHostedInvoicePage,
} from "./hosted/render-hosted-invoice-page";
export {
  type HostedQuotePageData,
  renderHostedQuotePage,
} from "./hosted/render-hosted-quote-page";
export { crossSiteRequestGuard } from "./http/cross-site-request-guard";
export {
  type ClientKey,
  defaultFailureLimit,
  type FailureCounter,
  type FailureLimitOptions,
  failureRateLimit,
  socketAddressKey,
} from "./http/failure-rate-limit";
export { hostAllowList } from "./http/host-allow-list";
export { type Problem, problemResponse, statusOf } from "./http/problem-details";
export { defaultBodyLimits } from "./http/request-body-limit";
export {
  createRemitLogger,
  type RemitLogger,
  scrubLogText,
  serializeErrorForLog,
} from "./logging/create-remit-logger";
export {
  type Authenticate,
  type Authorize,
  type PublicUrl,
  type RemitHandlerOptions,
  remitHandlerOptionsSchema,
} from "./options/remit-handler-options";
export { hostedInvoiceUrl, hostedQuoteUrl } from "./options/resolve-public-url";
export * from "./schemas/batch-schemas";
export * from "./schemas/plan-schemas";
export * from "./schemas/record-schemas";
export * from "./schemas/report-schemas";
export * from "./schemas/response-schemas";
export { createRemitWebhooks } from "./webhooks/create-remit-webhooks";
export { twilioStatusCallbackUrl } from "./webhooks/twilio-status-callback-url";
