import { html, raw } from "hono/html";
import { isRoleName, roleAllows } from "../auth/roles";
import { backOfficeNav } from "./back-office-nav";
import { backOfficeStyles } from "./back-office-styles";
import type { Html } from "./html";

export type { Html } from "./html";
export { backOfficeStyles };

const style = html`<style>${raw(backOfficeStyles)}</style>`;

/** Who is signed in, for the nav: their name, and whether they see the owner's settings. */
export type SignedIn = { name: string; role: string };

/** The back-office nav: the pages, the owner's settings, and who is signed in with "Sign out". */
function navigation(signedIn: SignedIn | undefined): Html {
  const who = signedIn
    ? html`<span class="who"><span>${signedIn.name} (${signedIn.role})</span><form class="inline" method="post" action="/sign-out"><button class="secondary">Sign out</button></form></span>`
    : "";
  return backOfficeNav({
    // Without sign-in (test-header identity) every page is open.
    reports:
      signedIn === undefined ||
      (isRoleName(signedIn.role) && roleAllows(signedIn.role, "reports.aging")),
    settings: signedIn?.role === "owner",
    who,
  });
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
<title>${options.title}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">${style}
<script src="/assets/back-office.js" defer></script></head>
<body><a class="skip" href="#main">Skip to content</a>${nav}<main id="main">${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ""}
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ""}
${options.body}</main></body></html>`;
}
