import type { Tenant } from "@remit/core";
import type { PublicUrl } from "./remit-handler-options";

/** The tenant's public URL, without a trailing slash: `https://pay.example.com/billing`. */
export function resolvePublicUrl(publicUrl: PublicUrl, tenant: Tenant): string {
  const url = typeof publicUrl === "function" ? publicUrl(tenant) : publicUrl;
  return url.replace(/\/+$/, "");
}

/** The path part of a public URL (`/billing`, or `""` at the root), for links within a page. */
export function pathOfPublicUrl(url: string): string {
  return new URL(url).pathname.replace(/\/+$/, "");
}

/** Where a customer sees an invoice: `<publicUrl>/i/<token>`. */
export function hostedInvoiceUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/i/${encodeURIComponent(token)}`;
}

/** Where a customer sees and answers a quote: `<publicUrl>/q/<token>`. */
export function hostedQuoteUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/q/${encodeURIComponent(token)}`;
}
