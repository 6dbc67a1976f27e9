import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookSignatureError } from "@remit/core";

/** The header that carries an event delivery's signature: `t=<unix seconds>,v1=<hex HMAC>`. */
export const eventSignatureHeader = "remit-signature";

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/**
 * Signs a delivery's raw body: HMAC-SHA256 with the shared secret over `"<timestamp>.<body>"`,
 * written as `t=<timestamp>,v1=<hex>` (the scheme Stripe uses, so it is familiar to verify).
 */
export function signEventPayload(options: {
  body: string;
  secret: string;
  timestamp: number;
}): string {
  return `t=${options.timestamp},v1=${hmac(options.secret, options.timestamp, options.body)}`;
}

/**
 * Checks a delivery's `remit-signature` header against the raw body, for the receiving app. Accepts
 * any of `secrets` (to rotate one) and refuses a timestamp more than `toleranceSeconds` (default
 * 300) from `now`, so a captured delivery cannot be replayed later. Throws WebhookSignatureError.
 */
export function verifyEventSignature(options: {
  body: string;
  header: string | null | undefined;
  secrets: readonly string[];
  now?: number;
  toleranceSeconds?: number;
}): void {
  const parts = new Map(
    (options.header ?? "").split(",").map((part) => {
      const [key = "", ...rest] = part.trim().split("=");
      return [key, rest.join("=")] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const signature = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) {
    throw new WebhookSignatureError({
      message: `Missing or malformed ${eventSignatureHeader} header`,
    });
  }
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) {
    throw new WebhookSignatureError({ message: "Signature timestamp is outside the tolerance" });
  }
  const given = Buffer.from(signature, "hex");
  const matches = options.secrets.some((secret) =>
    timingSafeEqual(Buffer.from(hmac(secret, timestamp, options.body), "hex"), given),
  );
  if (!matches) throw new WebhookSignatureError({ message: "Signature does not match the body" });
}
