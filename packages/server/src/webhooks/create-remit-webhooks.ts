import { Hono } from "hono";
import { createNotFoundHandler } from "../http/not-found-handler";
import { problemResponse } from "../http/problem-details";
import { defaultBodyLimits, requestBodyLimit } from "../http/request-body-limit";
import { parseHandlerOptions } from "../options/parse-handler-options";
import type { RemitHandlerOptions } from "../options/remit-handler-options";
import { stripeWebhookRoute } from "./stripe-webhook-route";
import { twilioWebhookRoute } from "./twilio-webhook-route";

/**
 * The providers' webhooks alone, to mount at `/webhooks` (or anywhere: point the providers at
 * it): `POST /stripe` when `payments.stripe` is given, `POST /twilio/status` when
 * `notifiers.twilio` is. They need no sign-in: each checks its provider's signature.
 */
export function createRemitWebhooks(options: RemitHandlerOptions): Hono {
  const { remit, payments, notifiers, publicUrl, logFor, bodyLimits } =
    parseHandlerOptions(options);
  const webhooks = new Hono();
  const logError = logFor("webhooks");
  webhooks.onError((error, context) =>
    problemResponse(error, (cause, errorId) => logError(cause, errorId, context.req.raw)),
  );
  webhooks.use("*", requestBodyLimit(bodyLimits?.webhooks ?? defaultBodyLimits.webhooks));
  if (payments?.stripe) {
    webhooks.route("/", stripeWebhookRoute(remit, payments.stripe, logFor("stripe webhook")));
  }
  if (notifiers?.twilio) {
    webhooks.route(
      "/",
      twilioWebhookRoute(remit, {
        authToken: notifiers.twilio.authToken,
        publicUrl,
        logError: logFor("twilio status callback"),
      }),
    );
  }
  const notFound = createNotFoundHandler(webhooks);
  webhooks.notFound(notFound);
  // Answers unknown paths itself, also when mounted in a host app (see createRemitApi).
  webhooks.all("*", notFound);
  return webhooks;
}
