/**
 * Where Twilio should post a tenant's message statuses: give it to `createTwilioSms` as
 * `statusCallbackUrl`. `publicUrl` is where the handler is reached (`createRemitHandler`'s).
 *
 * @example
 * ```ts
 * createTwilioSms({ client, from, statusCallbackUrl: (tenantId) => twilioStatusCallbackUrl("https://app.example.com", tenantId) });
 * ```
 */
export function twilioStatusCallbackUrl(publicUrl: string, tenantId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/webhooks/twilio/status?tenant=${encodeURIComponent(tenantId)}`;
}
