import { NotFoundError, type PaymentProvider } from "@remit/core";
import { type Context, Hono } from "hono";
import { failureRateLimit } from "../http/failure-rate-limit";
import { defaultBodyLimits, requestBodyLimit } from "../http/request-body-limit";
import { parseHandlerOptions } from "../options/parse-handler-options";
import type { RemitHandlerOptions } from "../options/remit-handler-options";
import { hostedInvoiceUrl, pathOfPublicUrl, resolvePublicUrl } from "../options/resolve-public-url";
import { hostedErrorResponse } from "./hosted-error-page";
import { createHostedPageCache } from "./hosted-page-cache";
import { hostedPageHeaders, styleSourcesOf, withStyleSources } from "./hosted-page-headers";
import { invoicePdfResponse } from "./invoice-pdf";
import { canPayOnline } from "./pay-section";
import { renderHostedInvoicePage } from "./render-hosted-invoice-page";

// The token is the only key to the page: keep it out of Referer headers, caches and search engines.
const privateHeaders = {
  "referrer-policy": "no-referrer",
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex",
};

/**
 * The customer's side alone, to mount at `/i` under the public URL: the hosted page
 * (`/:token`), its PDF (`/:token/pdf`) and the Pay button's target (`POST /:token/pay`, which
 * starts the checkout provider's checkout). Reached only through an invoice's unguessable token;
 * no sign-in.
 */
export function createHostedInvoicePage(options: RemitHandlerOptions): Hono {
  const { remit, payments, checkoutProvider, publicUrl, logFor, hostedPageCache } =
    parseHandlerOptions(options);
  const logError = logFor("hosted page");
  const providerName = checkoutProvider ?? "stripe";
  const provider: PaymentProvider | undefined = payments?.[providerName];
  const checkoutName = provider?.createCheckout ? provider.name : undefined;

  const load = async (token: string) => {
    const invoice = await remit.invoices.getByPublicToken({ token });
    const tenant = await remit.tenants.get({
      tenantId: invoice.tenantId,
      actor: { type: "system" },
    });
    const url = hostedInvoiceUrl(resolvePublicUrl(publicUrl, tenant), token);
    return { invoice, tenant, url, payOnline: canPayOnline(tenant, checkoutName) };
  };

  const cache = hostedPageCache ? createHostedPageCache(remit, hostedPageCache) : undefined;

  const page = new Hono();
  page.onError((error, context) => hostedErrorResponse(context.req.raw, error, logError));
  // Security headers and a body limit on every answer, errors included.
  page.use(
    "*",
    requestBodyLimit(options.bodyLimits?.hostedPage ?? defaultBodyLimits.hostedPage),
    ...hostedPageHeaders(options.checkoutOrigins),
  );
  // Guessing tokens fails: a client that keeps failing is slowed down; good links never count.
  if (options.rateLimits?.hostedPage !== false) {
    page.use(
      "*",
      failureRateLimit({
        ...options.rateLimits?.hostedPage,
        ...(options.clientKey ? { clientKey: options.clientKey } : {}),
        isFailure: (response) => response.status === 404 || response.status === 422,
      }),
    );
  }

  page.get("/:token", async (context) => {
    const token = context.req.param("token");
    const cached = cache?.get(token);
    if (cached !== undefined) {
      return withStyleSources(context.html(cached.html, 200, privateHeaders), cached.styleSources);
    }
    const mark = cache?.mark() ?? 0;
    const { invoice, tenant, url, payOnline } = await load(token);
    const html = renderHostedInvoicePage({
      invoice,
      tenant,
      payOnline,
      pagePath: pathOfPublicUrl(url),
    });
    // Hashed once per rendering, for the Content-Security-Policy (see hostedPageHeaders).
    const styleSources = await styleSourcesOf(html);
    cache?.put(token, { tenantId: invoice.tenantId, html, styleSources }, mark);
    return withStyleSources(context.html(html, 200, privateHeaders), styleSources);
  });

  page.get("/:token/pdf", async (context) => {
    const invoice = await remit.invoices.getByPublicToken({ token: context.req.param("token") });
    return invoicePdfResponse(remit, invoice, privateHeaders);
  });

  // Starts a checkout for the amount due and sends the customer there; the provider's webhook
  // then records the payment. Return URLs come from the public URL, never the request's Host.
  page.post("/:token/pay", async (context) => {
    const { invoice, tenant, url, payOnline } = await load(context.req.param("token"));
    const payable = invoice.status === "pending_payment" || invoice.status === "past_due";
    if (!payOnline || !payable || !provider?.createCheckout) {
      return context.redirect(pathOfPublicUrl(url), 303);
    }
    const checkout = await provider.createCheckout({
      invoice,
      tenant,
      amount: invoice.amountDue,
      successUrl: `${url}?paid=1`,
      cancelUrl: url,
    });
    return context.redirect(checkout.url, 303);
  });

  const notFound = (context: Context) =>
    hostedErrorResponse(
      context.req.raw,
      new NotFoundError({ resource: "page", id: context.req.path }),
      logError,
    );
  page.notFound(notFound);
  // The customer's own 404 page (no host app's menu), also when mounted in a host app.
  page.all("*", notFound);
  return page;
}
