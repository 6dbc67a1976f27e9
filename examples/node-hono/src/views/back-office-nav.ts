import { html } from "hono/html";
import type { Html } from "./html";

const links = [
  ["/", "Home"],
  ["/invoices", "Invoices"],
  ["/work-orders", "Work orders"],
  ["/quotes", "Quotes"],
  ["/customers", "Customers"],
] as const;

const reportLinks = [
  ["/plans", "Plans"],
  ["/reports/aging", "Aging"],
] as const;

const settingsLinks = [
  ["/settings/payments", "Payments"],
  ["/settings/team", "Team"],
] as const;

/**
 * The back office's menu: every list, the plans and reports (for the roles that may read them:
 * office and owner), the owner's
 * settings, and who is signed in. A link the role cannot follow would only lead to a 403.
 */
export function backOfficeNav(options: {
  reports: boolean;
  settings: boolean;
  who: Html | string;
}): Html {
  const shown = [
    ...links,
    ...(options.reports ? reportLinks : []),
    ...(options.settings ? settingsLinks : []),
  ];
  return html`<nav aria-label="Back office">${shown.map(([href, label]) => html`<a href="${href}">${label}</a>`)}${options.who}</nav>`;
}
