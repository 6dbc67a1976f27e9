import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { encodeBase64 } from "hono/utils/encode";

/** Where the Pay button may send the customer: Stripe Checkout, always. */
export const stripeCheckoutOrigin = "https://checkout.stripe.com";

// Filled in once the page is rendered with the hashes of its own <style> blocks.
const stylePlaceholder = "'none'";
const styleBlocks = /<style>([\s\S]*?)<\/style>/g;
const hashes = new Map<string, string>();

async function sha256Source(text: string): Promise<string> {
  const known = hashes.get(text);
  if (known) return known;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const source = `'sha256-${encodeBase64(digest)}'`;
  if (hashes.size >= 1_000) hashes.clear(); // one entry per tenant's colors: rarely many
  hashes.set(text, source);
  return source;
}

/** The CSP sources (`'sha256-…'`) of the `<style>` blocks of a page's HTML. */
export async function styleSourcesOf(html: string): Promise<string[]> {
  return await Promise.all(
    [...html.matchAll(styleBlocks)].map((match) => sha256Source(match[1] ?? "")),
  );
}

// Answers whose style sources their route already knows (`withStyleSources`): reading the body
// back means cloning the response and teeing its stream, which cost a cached page a third of its
// speed; and a cloned answer leaves @hono/node-server's fast path for string bodies.
const knownStyleSources = new WeakMap<Response, string[]>();

/** Marks an HTML answer with its style sources (`styleSourcesOf`), so its body is not read again. */
export function withStyleSources(response: Response, sources: string[]): Response {
  knownStyleSources.set(response, sources);
  return response;
}

/** Allows the inline styles of an HTML answer by their hashes: the page needs no other source. */
const styleHashes: MiddlewareHandler = async (context, next) => {
  await next();
  const csp = context.res.headers.get("content-security-policy");
  if (!csp || !context.res.headers.get("content-type")?.includes("text/html")) return;
  const sources =
    knownStyleSources.get(context.res) ?? (await styleSourcesOf(await context.res.clone().text()));
  if (sources.length === 0) return;
  context.res.headers.set(
    "content-security-policy",
    csp.replace(`style-src ${stylePlaceholder}`, `style-src ${[...new Set(sources)].join(" ")}`),
  );
};

/**
 * The customer page's security headers: a Content-Security-Policy that allows nothing but the
 * page's own inline styles (by hash), images over https (the tenant's logo), and forms to this
 * page and the checkout (`form-action`); no framing (`frame-ancestors 'none'`, `X-Frame-Options`),
 * `nosniff`, and no `Referer` (the URL holds the token).
 */
export function hostedPageHeaders(checkoutOrigins: readonly string[] = []): MiddlewareHandler[] {
  return [
    styleHashes,
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: [stylePlaceholder],
        imgSrc: ["https:", "data:"],
        formAction: ["'self'", stripeCheckoutOrigin, ...checkoutOrigins],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: "no-referrer",
      xFrameOptions: "DENY",
      crossOriginResourcePolicy: "same-origin",
    }),
  ];
}
