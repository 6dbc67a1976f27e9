import { formatMoney } from "../money/format-money";
import type { Quote } from "../quotes/quote";
import type { Tenant } from "../tenants/tenant-settings";
import { type RenderedMessage, renderFromTemplates } from "./render-invoice-message";

const quoteDefaults = {
  subject: "Quote from {{business}}: {{title}}",
  body: "Hello {{customer}},\n\nHere is our quote for {{title}}: {{total}}.{{expiryNote}}\nSee it, approve or decline it here: {{url}}\n\nThank you,\n{{business}}",
  sms: "{{business}}: your quote for {{title}} is {{total}}.{{expiryNote}} View and approve: {{url}}",
};

/**
 * Renders a quote's message (`quotes.send`) from the tenant's `quoteSubject`, `quoteBody` and
 * `quoteSms` templates, or Remit's defaults. Placeholders: `{{business}}`, `{{customer}}`,
 * `{{title}}`, `{{total}}`, `{{expiresOn}}`, `{{url}}`, and the sentence `{{expiryNote}}` (until
 * when it can be approved, if it expires).
 * @group Messages
 * @since 0.3.0
 */
export function renderQuoteMessage(input: {
  quote: Quote;
  tenant: Tenant;
  url: string;
}): RenderedMessage {
  const { quote, tenant } = input;
  const values = {
    business: tenant.name,
    customer: quote.customer.name,
    title: quote.title,
    total: formatMoney(quote.totals.total, quote.currency, tenant.locale),
    expiresOn: quote.expiresOn ?? "",
    url: input.url,
    expiryNote: quote.expiresOn ? ` It can be approved until ${quote.expiresOn}.` : "",
  };
  return renderFromTemplates(tenant, "quote", quoteDefaults, values);
}
