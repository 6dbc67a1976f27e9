import type { RemitLogger } from "@remit/server";
import { Hono } from "hono";
import { notFoundPageResponse } from "../error-page";
import { deliverStripeEvents } from "./deliver-stripe-events";
import { type TestCheckout, testCheckoutPath } from "./start-test-checkout";
import {
  closedTestCheckoutPage,
  testCheckoutPage,
  undeliveredTestCheckoutPage,
} from "./test-checkout-page";

const sessionIdPattern = /^cs_test_\w{1,64}$/;

/**
 * `GET /test-checkout/:sessionId`, the demo's stand-in for Stripe Checkout, and `POST` there, its
 * "Pay (test)" button: the fake Stripe completes the session (`pay`), and its events, signed, go to
 * the example's real `POST /webhooks/stripe`, which records the payment; then the customer goes to
 * the session's success URL, the hosted page. Without `testCheckout` (Stripe keys set, another
 * host than loopback, or switched off) every path here is 404.
 */
export function testCheckoutRoutes(testCheckout: TestCheckout | undefined, logger: RemitLogger) {
  const routes = new Hono();
  const entryOf = (sessionId: string) =>
    testCheckout && sessionIdPattern.test(sessionId)
      ? testCheckout.fake.state.sessions.get(sessionId)
      : undefined;

  routes.get(`${testCheckoutPath}/:sessionId`, (context) => {
    const entry = entryOf(context.req.param("sessionId"));
    if (!entry) return notFoundPageResponse(context);
    const { session } = entry;
    if (session.status === "complete" && session.success_url) {
      return context.redirect(session.success_url, 303);
    }
    if (session.status !== "open") return context.html(closedTestCheckoutPage(session), 409);
    return context.html(
      testCheckoutPage({
        session,
        description: entry.intentDescription,
        action: `${testCheckoutPath}/${session.id}`,
      }),
    );
  });

  routes.post(`${testCheckoutPath}/:sessionId`, async (context) => {
    const entry = entryOf(context.req.param("sessionId"));
    if (!testCheckout || !entry) return notFoundPageResponse(context);
    const { session } = entry;
    // A second press after the first went through: the invoice page already says "Paid".
    if (session.status === "complete" && session.success_url) {
      return context.redirect(session.success_url, 303);
    }
    if (session.status !== "open") return context.html(closedTestCheckoutPage(session), 409);
    const { fake } = testCheckout;
    fake.state.now = Math.floor(Date.now() / 1000);
    fake.pay(session.id);
    try {
      // Everything Stripe would have sent by now, in order: the payment's events and any
      // expired sessions', as Stripe delivers them to the endpoint.
      await deliverStripeEvents(fake.takeEvents(), {
        url: testCheckout.webhookUrl(),
        secret: testCheckout.webhookSecret,
      });
    } catch (error) {
      logger.error({ err: error, part: "test checkout" }, "a test payment's webhook was refused");
      return context.html(undeliveredTestCheckoutPage(session), 502);
    }
    return context.redirect(session.success_url ?? session.cancel_url ?? "/", 303);
  });

  routes.all(`${testCheckoutPath}/*`, (context) => notFoundPageResponse(context));
  routes.all(testCheckoutPath, (context) => notFoundPageResponse(context));
  return routes;
}
