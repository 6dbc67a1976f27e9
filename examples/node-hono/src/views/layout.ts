import { formatMoney } from "@remit/core";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** What a view returns: HTML whose interpolated values `html` has already escaped. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The back office's only styles: the Content-Security-Policy allows them by their hash. */
export const backOfficeStyles = `
body{font-family:system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;color:#1d2733}
nav{display:flex;gap:1rem;margin-bottom:1rem}nav a{font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{padding:.35rem .6rem;border-bottom:1px solid #dde3ea;text-align:left;vertical-align:top}
.status{font-size:.8rem;padding:.1rem .5rem;border-radius:1rem;background:#eef2f6;white-space:nowrap}.num{text-align:right}
.notice{padding:.6rem 1rem;border-radius:.4rem;background:#e6f4ea}.error{padding:.6rem 1rem;border-radius:.4rem;background:#fdecea;color:#8a1c12}
form.inline{display:inline}fieldset{border:1px solid #dde3ea;border-radius:.4rem;margin:.75rem 0}
input,textarea,button{font:inherit}input[type=text],input[type=number]{width:100%;box-sizing:border-box}
button{padding:.3rem .8rem;cursor:pointer}.muted{color:#5b6775}.pay{padding:1rem;border:1px solid #c9d1da;border-radius:.5rem}
input.w8{width:8rem}input.w16{width:16rem}th.w60{width:60%}
nav .who{margin-left:auto;display:flex;gap:.5rem;align-items:baseline}.narrow{max-width:24rem}
input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.3rem}
`;

const style = html`<style>${raw(backOfficeStyles)}</style>`;

/** Who is signed in, for the nav: their name, and whether they see the owner's settings. */
export type SignedIn = { name: string; role: string };

/** The back-office nav: the pages, the owner's settings, and who is signed in with "Sign out". */
function navigation(signedIn: SignedIn | undefined): Html {
  const settings =
    signedIn?.role === "owner"
      ? html`<a href="/settings/payments">Payments</a><a href="/settings/team">Team</a>`
      : "";
  const who = signedIn
    ? html`<span class="who"><span>${signedIn.name} (${signedIn.role})</span><form class="inline" method="post" action="/sign-out"><button>Sign out</button></form></span>`
    : "";
  return html`<nav><a href="/">Invoices</a><a href="/work-orders">Work orders</a>${settings}${who}</nav>`;
}

/**
 * A whole page: title, the back-office nav (unless `nav: false`: the sign-in page and the
 * customer's pages), a notice or error, and the body.
 */
export function page(options: {
  title: string;
  body: Html;
  nav?: boolean;
  signedIn?: SignedIn | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}): Html {
  const nav = options.nav === false ? "" : navigation(options.signedIn);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${options.title}</title>${style}</head>
<body>${nav}${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ""}
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ""}
${options.body}</body></html>`;
}

/** An amount in the record's currency, for a page (the example's pages are in English). */
export function money(amount: string, currency: string): string {
  return formatMoney(amount, currency, "en-US");
}

/** A status badge; `id` lets tests and scripts find it. */
export function statusBadge(status: string, id?: string): Html {
  return id
    ? html`<span class="status" id="${id}">${status}</span>`
    : html`<span class="status">${status}</span>`;
}
