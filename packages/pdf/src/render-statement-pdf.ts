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

/** The words of a statement PDF; `{page}`, `{pages}`, `{number}` are filled in. */
export const defaultStatementPdfLabels = {
  statement: "Statement",
  period: "Period",
  currency: "Currency",
  statementFor: "Statement for",
  activity: "Activity",
  date: "Date",
  description: "Description",
  amount: "Amount",
  balance: "Balance",
  invoiceLine: "Invoice {number}",
  paymentLine: "Payment, {number}",
  refundLine: "Refund, {number}",
  creditNoteLine: "Credit note {reference}, {number}",
  writeOffLine: "Written off, {number}",
  creditAppliedLine: "Credit applied to {number}",
  noActivity: "No activity in this period.",
  openingBalance: "Opening balance",
  invoiced: "Invoiced",
  paid: "Payments",
  refunded: "Refunds",
  credited: "Credit notes",
  writtenOff: "Written off",
  closingBalance: "Closing balance",
  openInvoices: "Open invoices",
  number: "Number",
  dueDate: "Due",
  amountDue: "Amount due",
  page: "Page {page} of {pages}",
};

/** @group PDF */
export type StatementPdfLabels = typeof defaultStatementPdfLabels;

const date = z.iso.date();

/** The input of `renderStatementPdf`: a `CustomerStatement` from `remit.reports.customerStatement`. */
export const renderStatementPdfInputSchema = z.object({
  statement: z.object({
    customerName: z.string().max(500),
    customerEmail: z.string().max(320).nullable(),
    currency: currencyCode,
    from: date,
    to: date,
    openingBalance: decimalText,
    lines: z
      .array(
        z.object({
          date,
          kind: z.enum([
            "invoice",
            "payment",
            "refund",
            "credit_note",
            "write_off",
            "credit_applied",
          ]),
          invoiceNumber: z.string().max(64).nullable(),
          reference: z.string().max(64).nullable(),
          amount: decimalText,
          change: decimalText,
          balance: decimalText,
        }),
      )
      .max(20_000),
    invoiced: decimalText,
    paid: decimalText,
    refunded: decimalText,
    credited: decimalText,
    writtenOff: decimalText,
    closingBalance: decimalText,
    openInvoices: z
      .array(
        z.object({
          number: z.string().max(64).nullable(),
          dueDate: date.nullable(),
          total: decimalText,
          amountDue: decimalText,
        }),
      )
      .max(20_000),
  }),
  ...documentPdfOptionFields,
  labels: labelsSchemaOf(defaultStatementPdfLabels).optional(),
});

/** What `renderStatementPdf` takes. @group PDF */
export type RenderStatementPdfInput = z.input<typeof renderStatementPdfInputSchema>;

/**
 * Renders a customer statement (`remit.reports.customerStatement`) as a PDF in the invoice PDF's
 * style: the contractor, the period and currency, the customer, every line with its running
 * balance, the sums from opening to closing balance, and the invoices open now. The same
 * statement gives the same bytes.
 *
 * @example
 * ```ts
 * const statement = await remit.reports.customerStatement(ctx, { customerId, from, to });
 * const pdf = await renderStatementPdf({ statement, tenant: await remit.tenants.get(ctx) });
 * ```
 * @throws ValidationError when the input is not a statement and tenant of the expected shape.
 * @group PDF
 * @since 0.3.0
 */
export async function renderStatementPdf(
  rawInput: RenderStatementPdfInput,
): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = renderStatementPdfInputSchema.safeParse(rawInput);
  if (!parsed.success) throw toValidationError(parsed.error);
  const { statement, tenant } = parsed.data;
  const labels = mergeLabels(defaultStatementPdfLabels, parsed.data.labels);
  const setup = await setUpDocumentFrom(parsed.data, {
    currency: statement.currency,
    tenantLocale: tenant.locale,
  });
  const { format } = setup;
  const describe = (line: (typeof statement.lines)[number]) => {
    const template = {
      invoice: labels.invoiceLine,
      payment: labels.paymentLine,
      refund: labels.refundLine,
      credit_note: labels.creditNoteLine,
      write_off: labels.writeOffLine,
      credit_applied: labels.creditAppliedLine,
    }[line.kind];
    return format.text(
      template
        .replace("{number}", line.invoiceNumber ?? "")
        .replace("{reference}", line.reference ?? ""),
    );
  };
  const activityRows = statement.lines.map((line) => [
    format.date(line.date),
    describe(line),
    line.kind === "credit_applied" ? format.money(line.amount) : format.money(line.change),
    format.money(line.balance),
  ]);
  return renderTableDocument({
    ...setup,
    title: labels.statement,
    author: tenant.name,
    // The period's last day: a fixed date from the statement, so its bytes never change.
    date: new Date(`${statement.to}T00:00:00Z`),
    from: [tenant.name, tenant.email, tenant.phone]
      .filter((line): line is string => Boolean(line))
      .map(format.text),
    facts: [
      [labels.period, `${format.date(statement.from)} – ${format.date(statement.to)}`],
      [labels.currency, statement.currency],
    ],
    toHeading: labels.statementFor,
    to: [statement.customerName, statement.customerEmail]
      .filter((line): line is string => Boolean(line))
      .map(format.text),
    sections: [
      {
        heading: labels.activity,
        columns: [
          { title: labels.date, width: 2 },
          { title: labels.description, width: 5 },
          { title: labels.amount, width: 2.2, align: "right" },
          { title: labels.balance, width: 2.2, align: "right" },
        ],
        rows: activityRows.length > 0 ? activityRows : [["", labels.noActivity, "", ""]],
      },
      ...(statement.openInvoices.length > 0
        ? [
            {
              heading: labels.openInvoices,
              columns: [
                { title: labels.number, width: 4 },
                { title: labels.dueDate, width: 3 },
                { title: labels.amount, width: 2.2, align: "right" as const },
                { title: labels.amountDue, width: 2.2, align: "right" as const },
              ],
              rows: statement.openInvoices.map((open) => [
                format.text(open.number ?? ""),
                open.dueDate ? format.date(open.dueDate) : "",
                format.money(open.total),
                format.money(open.amountDue),
              ]),
            },
          ]
        : []),
    ],
    summary: [
      { label: labels.openingBalance, value: format.money(statement.openingBalance) },
      { label: labels.invoiced, value: format.money(statement.invoiced) },
      { label: labels.paid, value: format.money(negate(statement.paid)) },
      { label: labels.refunded, value: format.money(statement.refunded) },
      { label: labels.credited, value: format.money(negate(statement.credited)) },
      { label: labels.writtenOff, value: format.money(negate(statement.writtenOff)) },
      { label: labels.closingBalance, value: format.money(statement.closingBalance), strong: true },
    ],
    pageLabel: labels.page,
  });
}

function negate(amount: string): string {
  if (/^-?0(\.0+)?$/.test(amount)) return amount;
  return amount.startsWith("-") ? amount.slice(1) : `-${amount}`;
}
