import { z } from "zod";
import {
  currencyCode,
  decimalText,
  documentPdfOptionFields,
  labelsSchemaOf,
  mergeLabels,
} from "./document-pdf-input-fields";
import { setUpDocumentFrom } from "./internal/document-setup";
import { renderTableDocument } from "./internal/table-document";
import { toValidationError } from "./internal/to-validation-error";

/** The words of a credit-note PDF. */
export const defaultCreditNotePdfLabels = {
  creditNote: "Credit note",
  issueDate: "Issued",
  invoice: "Invoice",
  creditTo: "Credit to",
  description: "Description",
  excludingTax: "Net",
  tax: "Tax",
  amount: "Amount",
  subtotal: "Net credited",
  total: "Total credited",
  reason: "Reason: {reason}",
  page: "Page {page} of {pages}",
};

/** @group PDF */
export type CreditNotePdfLabels = typeof defaultCreditNotePdfLabels;

/** The input of `renderCreditNotePdf`: a `CreditNote` (`remit.invoices.getCreditNote`) fits. */
export const renderCreditNotePdfInputSchema = z.object({
  creditNote: z.object({
    number: z.string().max(64),
    invoiceNumber: z.string().max(64).nullable(),
    currency: currencyCode,
    customer: z
      .object({ name: z.string().max(500), email: z.string().max(320).nullable() })
      .nullable(),
    issueDate: z.iso.date(),
    reason: z.string().max(5_000),
    lines: z
      .array(
        z.object({
          description: z.string().max(5_000),
          excludingTax: decimalText,
          tax: decimalText,
          total: decimalText,
        }),
      )
      .max(10_100),
    taxes: z
      .array(z.object({ name: z.string().max(200), percent: decimalText, amount: decimalText }))
      .max(100),
    excludingTax: decimalText,
    total: decimalText,
    createdAt: z.string(),
  }),
  ...documentPdfOptionFields,
  labels: labelsSchemaOf(defaultCreditNotePdfLabels).optional(),
});

/** What `renderCreditNotePdf` takes. @group PDF */
export type RenderCreditNotePdfInput = z.input<typeof renderCreditNotePdfInputSchema>;

/**
 * Renders a credit note as a PDF in the invoice PDF's style: the contractor, the credit note's
 * number, date and invoice, the customer, each credited line with its net, tax and total, the tax
 * per rate and the total credited, and the reason. The same credit note gives the same bytes.
 *
 * @example
 * ```ts
 * const creditNote = await remit.invoices.getCreditNote(ctx, { id });
 * const pdf = await renderCreditNotePdf({ creditNote, tenant: await remit.tenants.get(ctx) });
 * ```
 * @throws ValidationError when the input is not a credit note and tenant of the expected shape.
 * @group PDF
 * @since 0.3.0
 */
export async function renderCreditNotePdf(
  rawInput: RenderCreditNotePdfInput,
): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = renderCreditNotePdfInputSchema.safeParse(rawInput);
  if (!parsed.success) throw toValidationError(parsed.error);
  const { creditNote, tenant } = parsed.data;
  const labels = mergeLabels(defaultCreditNotePdfLabels, parsed.data.labels);
  const setup = await setUpDocumentFrom(parsed.data, {
    currency: creditNote.currency,
    tenantLocale: tenant.locale,
  });
  const { format } = setup;
  return renderTableDocument({
    ...setup,
    title: `${labels.creditNote} ${creditNote.number}`,
    author: tenant.name,
    date: new Date(creditNote.createdAt),
    from: [tenant.name, tenant.email, tenant.phone]
      .filter((line): line is string => Boolean(line))
      .map(format.text),
    facts: [
      [labels.issueDate, format.date(creditNote.issueDate)],
      ...(creditNote.invoiceNumber
        ? [[labels.invoice, format.text(creditNote.invoiceNumber)] as [string, string]]
        : []),
    ],
    toHeading: labels.creditTo,
    to: [creditNote.customer?.name, creditNote.customer?.email]
      .filter((line): line is string => Boolean(line))
      .map(format.text),
    sections: [
      {
        columns: [
          { title: labels.description, width: 6 },
          { title: labels.excludingTax, width: 2, align: "right" },
          { title: labels.tax, width: 2, align: "right" },
          { title: labels.amount, width: 2.2, align: "right" },
        ],
        rows: creditNote.lines.map((line) => [
          format.text(line.description),
          format.money(line.excludingTax),
          format.money(line.tax),
          format.money(line.total),
        ]),
      },
    ],
    summary: [
      { label: labels.subtotal, value: format.money(creditNote.excludingTax) },
      ...creditNote.taxes.map((tax) => ({
        label: `${format.text(tax.name)} (${format.percent(tax.percent)})`,
        value: format.money(tax.amount),
      })),
      { label: labels.total, value: format.money(creditNote.total), strong: true },
    ],
    note: labels.reason.replace("{reason}", format.text(creditNote.reason)),
    pageLabel: labels.page,
  });
}
