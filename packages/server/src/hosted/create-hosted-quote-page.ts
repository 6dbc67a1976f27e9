import {
  compareMoney,
  InvalidTransitionError,
  localDateAt,
  minorUnitsOf,
  NotFoundError,
  type PaymentProvider,
  type Quote,
  type Context as RemitContext,
  RemitError,
  subtractMoney,
} from "@remit/core";
import { type Context, Hono } from "hono";
import { crossSiteRequestGuard } from "../http/cross-site-request-guard";
import { failureRateLimit } from "../http/failure-rate-limit";
import { defaultBodyLimits, requestBodyLimit } from "../http/request-body-limit";
import { parseHandlerOptions } from "../options/parse-handler-options";
import type { RemitHandlerOptions } from "../options/remit-handler-options";
import { hostedQuoteUrl, pathOfPublicUrl, resolvePublicUrl } from "../options/resolve-public-url";
import { customerIpOf } from "./customer-ip";
import { hostedErrorResponse } from "./hosted-error-page";
import { hostedPageHeaders, styleSourcesOf, withStyleSources } from "./hosted-page-headers";
import { canPayOnline } from "./pay-section";
import { isOpenForAnswer, type QuoteFormError } from "./quote-answer-section";
import { renderHostedQuotePage } from "./render-hosted-quote-page";

// The token is the only key to the page: keep it out of Referer headers, caches and search engines.
const privateHeaders = {
  "referrer-policy": "no-referrer",
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex",
};

/** What of the deposit asked is not held yet, at least 0. */
function depositDueOf(quote: Quote): string {
  if (quote.depositRequired === null) return "0";
  const due = subtractMoney(minorUnitsOf(quote.currency), quote.depositRequired, quote.depositHeld);
  return compareMoney(due, "0") > 0 ? due : "0";
}

/** A form field as text (a file or a repeated field counts as missing). */
function textField(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value.trim() : "";
}

/**
 * The customer's quote page, to mount at `/q` under the public URL, beside the invoice page at
 * `/i`: the page (`/:token`), the answers (`POST /:token/approve` with the typed full name,
 * `POST /:token/decline` with a reason, both as the `customer` actor with the request's IP) and the
 * deposit's "Pay deposit" (`POST /:token/deposit`, which starts the checkout provider's deposit
 * checkout). Reached only through a sent quote's unguessable token; no sign-in. The same headers,
 * body limit, failure rate limit and error page as the invoice page, and the answers refuse
 * another site's forms.
 */
export function createHostedQuotePage(options: RemitHandlerOptions): Hono {
  const { remit, payments, checkoutProvider, publicUrl, logFor } = parseHandlerOptions(options);
  const logError = logFor("hosted quote page");
  const provider: PaymentProvider | undefined = payments?.[checkoutProvider ?? "stripe"];
  const depositCheckout = provider?.createDepositCheckout ? provider : undefined;

  const load = async (token: string) => {
    const quote = await remit.quotes.getByPublicToken({ token });
    const tenant = await remit.tenants.get({ tenantId: quote.tenantId, actor: { type: "system" } });
    const url = hostedQuoteUrl(resolvePublicUrl(publicUrl, tenant), token);
    return {
      quote,
      tenant,
      url,
      today: localDateAt(remit.clock.now(), tenant.timeZone),
      payOnline: canPayOnline(tenant, depositCheckout?.name),
    };
  };
  type Loaded = Awaited<ReturnType<typeof load>>;

  const render = async (
    context: Context,
    loaded: Loaded,
    extra: { status?: 200 | 409 | 422; formError?: QuoteFormError; returned?: boolean } = {},
  ) => {
    const html = renderHostedQuotePage({
      quote: loaded.quote,
      tenant: loaded.tenant,
      today: loaded.today,
      dayOf: (instant) => localDateAt(instant, loaded.tenant.timeZone),
      depositDue: depositDueOf(loaded.quote),
      payOnline: loaded.payOnline,
      pagePath: pathOfPublicUrl(loaded.url),
      returnedFromCheckout: extra.returned ?? false,
      ...(extra.formError ? { formError: extra.formError } : {}),
    });
    // Hashed once per rendering, for the Content-Security-Policy (see hostedPageHeaders).
    const styleSources = await styleSourcesOf(html);
    return withStyleSources(context.html(html, extra.status ?? 200, privateHeaders), styleSources);
  };

  /**
   * Runs the customer's answer. A quote answered or expired meanwhile (a second click, another
   * tab) shows what it became; a quote revised since the page loaded asks to look again; a
   * refused input is shown beside its form (422).
   */
  const answer = async (
    context: Context,
    form: QuoteFormError["form"],
    move: (input: {
      quote: Quote;
      customer: RemitContext;
      expectedVersion: number;
      form: Record<string, unknown>;
    }) => Promise<unknown>,
  ) => {
    const loaded = await load(context.req.param("token") ?? "");
    const pagePath = pathOfPublicUrl(loaded.url);
    if (!isOpenForAnswer(loaded.quote, loaded.today)) return context.redirect(pagePath, 303);
    const customer: RemitContext = {
      tenantId: loaded.quote.tenantId,
      actor: { type: "customer", ip: customerIpOf(context, options.clientKey) },
    };
    const body = await context.req.parseBody();
    const version = Number.parseInt(textField(body, "version"), 10);
    try {
      await move({
        quote: loaded.quote,
        customer,
        expectedVersion: Number.isSafeInteger(version) ? version : loaded.quote.version,
        form: body,
      });
    } catch (error) {
      if (error instanceof InvalidTransitionError) return context.redirect(pagePath, 303);
      if (RemitError.isInstance(error) && error.code === "version_conflict") {
        return render(context, await load(context.req.param("token") ?? ""), {
          status: 409,
          formError: {
            form,
            message: "The quote changed since you opened it: read it again, then answer.",
          },
        });
      }
      if (RemitError.isInstance(error) && error.code === "validation_error") {
        return render(context, loaded, {
          status: 422,
          formError: {
            form,
            message:
              form === "approve"
                ? "Type your full name (at most 200 characters) to approve."
                : "Say why in a few words (at most 1,000 characters).",
          },
        });
      }
      throw error;
    }
    return context.redirect(pagePath, 303);
  };

  const page = new Hono();
  page.onError((error, context) =>
    hostedErrorResponse(context.req.raw, error, logError, { record: "quote" }),
  );
  page.use(
    "*",
    requestBodyLimit(options.bodyLimits?.hostedPage ?? defaultBodyLimits.hostedPage),
    ...hostedPageHeaders(options.checkoutOrigins),
    // The answers change the quote: refuse another site's forms here too, also when this page is
    // mounted alone in a host app without createRemitHandler's guard.
    crossSiteRequestGuard({
      origins: [
        ...(options.allowedOrigins ?? []),
        ...(typeof publicUrl === "string" ? [new URL(publicUrl).origin] : []),
      ],
    }),
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

  page.get("/:token", async (context) =>
    render(context, await load(context.req.param("token")), {
      returned: context.req.query("deposit") === "1",
    }),
  );

  page.post("/:token/approve", (context) =>
    answer(context, "approve", ({ quote, customer, expectedVersion, form }) =>
      remit.quotes.approve(customer, {
        id: quote.id,
        expectedVersion,
        approvedBy: textField(form, "approvedBy"),
      }),
    ),
  );

  page.post("/:token/decline", (context) =>
    answer(context, "decline", ({ quote, customer, expectedVersion, form }) =>
      remit.quotes.decline(customer, {
        id: quote.id,
        expectedVersion,
        reason: textField(form, "reason"),
      }),
    ),
  );

  // Starts a checkout for the deposit still to pay and sends the customer there; the provider's
  // webhook then records it. Return URLs come from the public URL, never the request's Host.
  page.post("/:token/deposit", async (context) => {
    const { quote, tenant, url, payOnline } = await load(context.req.param("token"));
    const due = depositDueOf(quote);
    if (
      !payOnline ||
      !depositCheckout?.createDepositCheckout ||
      quote.status !== "approved" ||
      compareMoney(due, "0") <= 0
    ) {
      return context.redirect(pathOfPublicUrl(url), 303);
    }
    const checkout = await depositCheckout.createDepositCheckout({
      quote,
      tenant,
      amount: due,
      successUrl: `${url}?deposit=1`,
      cancelUrl: url,
    });
    return context.redirect(checkout.url, 303);
  });

  const notFound = (context: Context) =>
    hostedErrorResponse(
      context.req.raw,
      new NotFoundError({ resource: "page", id: context.req.path }),
      logError,
      { record: "quote" },
    );
  page.notFound(notFound);
  // The customer's own 404 page (no host app's menu), also when mounted in a host app.
  page.all("*", notFound);
  return page;
}
