import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** An email address as a `mailto:` link, a phone number as a `tel:` link; nothing for neither. */
export function contactLinks(contact: { email?: string | null; phone?: string | null }): Html[] {
  const links: Html[] = [];
  if (contact.email) links.push(html`<a href="mailto:${contact.email}">${contact.email}</a>`);
  if (contact.phone) {
    links.push(html`<a href="tel:${contact.phone.replace(/[^+\d]/g, "")}">${contact.phone}</a>`);
  }
  return links;
}
