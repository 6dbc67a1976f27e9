/**
 * The Stripe API versions whose objects the adapter reads correctly, by release date (a version is
 * `YYYY-MM-DD` or `YYYY-MM-DD.name`). From 2024-10-28 Stripe sends `refund.*` events for every
 * payment method, which the adapter needs to see a pending refund's outcome; the newest is the one
 * the supported `stripe` SDK (v23) pins and the tests run against.
 * @group Payments
 */
export const supportedStripeApiVersions = {
  oldest: "2024-10-28",
  newest: "2026-10-28",
} as const;

/** Whether objects of API version `version` have the fields the adapter reads. */
export function isSupportedStripeApiVersion(version: string): boolean {
  const date = /^(\d{4}-\d{2}-\d{2})(\.[a-z]+)?$/.exec(version)?.[1];
  if (!date) return false;
  return date >= supportedStripeApiVersions.oldest && date <= supportedStripeApiVersions.newest;
}

/** Why `version` is refused, in words that say what to do. */
export function unsupportedStripeApiVersionMessage(version: string): string {
  return `Stripe API version ${version} is not supported: Remit's Stripe adapter reads versions ${supportedStripeApiVersions.oldest} to ${supportedStripeApiVersions.newest} (set the client's apiVersion, or the webhook endpoint's API version, within that range)`;
}
