import { isLoopbackHost } from "../config/check-exposure";

/** The env variable that turns the demo's test checkout off (`off`); on by default. */
export const testCheckoutVariable = "REMIT_DEMO_TEST_CHECKOUT";

/** Whether the demo runs its test checkout, and if not, why (for the startup banner). */
export type TestCheckoutDecision = { on: true } | { on: false; reason: string };

/**
 * The demo's test checkout runs only when nothing real could be confused with it: no Stripe keys
 * (then the Pay button is Stripe's), this machine only (a customer reaching the server from
 * elsewhere must never see a checkout that takes no money), and not switched off.
 */
export function decideTestCheckout(options: {
  wanted: boolean;
  stripeConfigured: boolean;
  host: string;
}): TestCheckoutDecision {
  if (!options.wanted) return { on: false, reason: `${testCheckoutVariable}=off` };
  if (options.stripeConfigured) {
    return { on: false, reason: "Stripe keys are set: the Pay button is Stripe's" };
  }
  if (!isLoopbackHost(options.host)) {
    return {
      on: false,
      reason: `HOST ${options.host} lets others reach this server; the test checkout runs on loopback only`,
    };
  }
  return { on: true };
}

/** The startup banner's line: what the Pay button does in the demo, or why it is not a test. */
export function testCheckoutBanner(decision: TestCheckoutDecision): string {
  return decision.on
    ? 'Test checkout: on. The hosted page\'s Pay button opens a local page labelled "Test mode: no real money"; "Pay (test)" pays through the signed Stripe webhook. Set Stripe keys for real payments, or REMIT_DEMO_TEST_CHECKOUT=off.'
    : `Test checkout: off (${decision.reason}).`;
}
