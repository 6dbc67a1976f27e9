import Decimal from "decimal.js";
import type { CreditNote } from "../credit-notes/credit-note";
import type { Delivery } from "../invoices/delivery";
import type { Invoice } from "../invoices/invoice";
import { totalOfLateFees } from "../late-fees/total-of-late-fees";
import { formatMoney } from "../money/format-money";
import type { Tenant } from "../tenants/tenant-settings";

/**
 * A message ready for a channel.
 * @group Messages
 */
export type RenderedMessage = { subject: string; text: string; html: string; sms: string };

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML bodies and attributes.
 * @group Messages
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

const placeholder = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders. `escapeText` is applied to the template's own text as well as to the
 * values: a tenant's template is text, so markup in it (a link, a script) is shown, never run.
 */
function fill(
  template: string,
  values: Record<string, string>,
  escapeText: (text: string) => string,
): string {
  let filled = "";
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    const name = match[1] ?? "";
    filled += escapeText(template.slice(last, match.index));
    filled += escapeText(name in values ? (values[name] ?? "") : match[0]);
    last = match.index + match[0].length;
  }
  return filled + escapeText(template.slice(last));
}

const defaults = {
  invoice: {
    subject: "Invoice {{number}} from {{business}}",
    body: "Hello {{customer}},\n\nInvoice {{number}} for {{amountDue}} is due on {{dueDate}}.\nView and pay it here: {{url}}\n\nThank you,\n{{business}}",
    sms: "{{business}}: invoice {{number}} for {{amountDue}} is due {{dueDate}}. View and pay: {{url}}",
  },
  reminder: {
    subject: "Reminder: invoice {{number}} from {{business}}",
    body: "Hello {{customer}},\n\nA reminder that invoice {{number}} for {{amountDue}} is due on {{dueDate}}.\nView and pay it here: {{url}}\n\nThank you,\n{{business}}",
    sms: "{{business}}: reminder, invoice {{number}} for {{amountDue}} is due {{dueDate}}. Pay: {{url}}",
  },
  overdue: {
    subject: "Past due: invoice {{number}} from {{business}}",
    body: "Hello {{customer}},\n\nInvoice {{number}} for {{amountDue}} was due on {{dueDate}} and is now past due.{{lateFeeNote}}\nView and pay it here: {{url}}\n\nThank you,\n{{business}}",
    sms: "{{business}}: invoice {{number}} for {{amountDue}} was due {{dueDate}} and is past due.{{lateFeeNote}} Pay: {{url}}",
  },
  receipt: {
    subject: "Receipt for invoice {{number}} from {{business}}",
    body: "Hello {{customer}},\n\nWe received your payment. Paid so far: {{amountPaid}}; still due: {{amountDue}}.\n{{url}}\n\nThank you,\n{{business}}",
    sms: "{{business}}: payment received for invoice {{number}}. Still due: {{amountDue}}.",
  },
  credit_note: {
    subject: "Credit note {{creditNoteNumber}} from {{business}}",
    body: "Hello {{customer}},\n\nWe have issued credit note {{creditNoteNumber}} for {{creditNoteTotal}} on invoice {{number}}.\nReason: {{creditNoteReason}}\nStill due on the invoice: {{amountDue}}.\nView it here: {{url}}\n\nThank you,\n{{business}}",
    sms: "{{business}}: credit note {{creditNoteNumber}} for {{creditNoteTotal}} on invoice {{number}}. Still due: {{amountDue}}. {{url}}",
  },
} as const;

// The tenant's template names for each kind of message (`invoiceSentSubject`, `creditNoteBody`).
const templatePrefixes = {
  invoice: "invoiceSent",
  reminder: "reminder",
  overdue: "overdue",
  receipt: "receipt",
  credit_note: "creditNote",
} as const;

/**
 * Renders a delivery's message from the tenant's templates (or Remit's defaults): the same data
 * always renders the same message; amounts in the invoice's currency and the tenant's locale;
 * the template and its values HTML-escaped in the HTML body.
 * @group Messages
 */
export function renderInvoiceMessage(input: {
  invoice: Invoice;
  tenant: Tenant;
  purpose: Exclude<Delivery["purpose"], "quote">;
  url: string;
  /** The credit note a `credit_note` message sends (`@since 0.3.0`). */
  creditNote?: CreditNote;
}): RenderedMessage {
  const { invoice, tenant, purpose } = input;
  // A reminder for an invoice already past due speaks of it as overdue.
  const kind = purpose === "reminder" && invoice.status === "past_due" ? "overdue" : purpose;
  const prefix = templatePrefixes[kind];
  const lateFees = totalOfLateFees(invoice);
  const values = {
    business: tenant.name,
    customer: invoice.customer?.name ?? "",
    number: invoice.number ?? "",
    total: formatMoney(invoice.total, invoice.currency, tenant.locale),
    amountDue: formatMoney(invoice.amountDue, invoice.currency, tenant.locale),
    amountPaid: formatMoney(invoice.amountPaid, invoice.currency, tenant.locale),
    dueDate: invoice.dueDate ?? "",
    url: input.url,
    /** The late fees on the invoice (`late_fee` lines, with their tax); `@since 0.3.0`. */
    lateFees: formatMoney(lateFees, invoice.currency, tenant.locale),
    // A sentence for the overdue message, empty while the invoice carries no late fee, so the
    // default text reads the same as before late fees for every tenant without a rule.
    lateFeeNote: new Decimal(lateFees).isZero()
      ? ""
      : ` It includes late fees of ${formatMoney(lateFees, invoice.currency, tenant.locale)}.`,
    /** The credit note's number, total and reason on a `credit_note` message; `@since 0.3.0`. */
    creditNoteNumber: input.creditNote?.number ?? "",
    creditNoteTotal: input.creditNote
      ? formatMoney(input.creditNote.total, input.creditNote.currency, tenant.locale)
      : "",
    creditNoteReason: input.creditNote?.reason ?? "",
  };
  return renderFromTemplates(tenant, prefix, defaults[kind], values);
}

/**
 * Fills the tenant's `<prefix>Subject`, `<prefix>Body` and `<prefix>Sms` templates, or the given
 * defaults, with `values`: the body escaped for the HTML part, as it is for the text part and SMS.
 */
export function renderFromTemplates(
  tenant: Tenant,
  prefix: string,
  fallback: { subject: string; body: string; sms: string },
  values: Record<string, string>,
): RenderedMessage {
  const custom = tenant.templates as Record<string, string | undefined>;
  const asIs = (text: string) => text;
  const body = custom[`${prefix}Body`] ?? fallback.body;
  const subject = fill(custom[`${prefix}Subject`] ?? fallback.subject, values, asIs);
  const text = fill(body, values, asIs);
  const htmlBody = fill(body, values, escapeHtml);
  const html = `<!doctype html><html><body><div style="font-family:sans-serif;white-space:pre-line">${htmlBody}</div></body></html>`;
  const sms = fill(custom[`${prefix}Sms`] ?? fallback.sms, values, asIs);
  return { subject, text, html, sms };
}
