import { html } from "hono/html";
import type { Html } from "./html";

const links = [
  ["/", "Home"],
  ["/invoices", "Invoices"],
  ["/work-orders", "Work orders"],
  ["/quotes", "Quotes"],
  ["/customers", "Customers"],
  ["/reports/aging", "Aging"],
] as const;

const settingsLinks = [
  ["/settings/payments", "Payments"],
  ["/settings/team", "Team"],
] as const;

/** The back office's menu: every list, the owner's settings, and who is signed in. */
export function backOfficeNav(options: { settings: boolean; who: Html | string }): Html {
  const shown = options.settings ? [...links, ...settingsLinks] : links;
  return html`<nav aria-label="Back office">${shown.map(([href, label]) => html`<a href="${href}">${label}</a>`)}${options.who}</nav>`;
}
