import { z } from "zod";
import { defaultInvoicePdfLabels, type InvoicePdfLabels } from "./invoice-pdf-labels";

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "12.50"');
const date = z.iso.date();

const addressSchema = z.object({
  line1: z.string().max(200).optional(),
  line2: z.string().max(200).optional(),
  city: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  postalCode: z.string().max(20).optional(),
  country: z.string().max(2).optional(),
});

const lineSchema = z.object({
  kind: z.enum(["labor", "material", "service", "other", "late_fee", "fee"]),
  description: z.string().max(5_000),
  quantity: decimal,
  unitPrice: decimal,
  gross: decimal,
  net: decimal,
});

const taxSchema = z.object({
  name: z.string().max(200),
  percent: decimal,
  inclusive: z.boolean(),
  amount: decimal,
});

/** The parts of a Remit `Invoice` that the PDF prints (a stored invoice passes as it is). */
export const invoicePdfInvoiceSchema = z.object({
  status: z.enum([
    "pending_action",
    "pending_review",
    "pending_payment",
    "past_due",
    "paid",
    "uncollectible",
    "cancelled",
  ]),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"'),
  number: z.string().max(64).nullable(),
  issueDate: date.nullable(),
  dueDate: date.nullable(),
  terms: z.union([z.string().max(16), z.object({ dueDate: date })]),
  customer: z
    .object({
      name: z.string().max(500),
      email: z.string().max(320).nullable(),
      phone: z.string().max(32).nullable(),
      billingAddress: addressSchema.nullable(),
    })
    .nullable(),
  content: z.object({ memo: z.string().max(5_000).optional() }),
  totals: z.object({
    lines: z.array(lineSchema).max(10_100),
    taxes: z.array(taxSchema).max(100),
    subtotal: decimal,
    discountTotal: decimal,
    total: decimal,
  }),
  amountPaid: decimal,
  amountDue: decimal,
  credit: decimal,
  /** The credit notes issued on it; absent on invoices stored before 0.3. @since 0.3.0 */
  creditNoteTotal: decimal.optional(),
  /** The balance written off while uncollectible. @since 0.3.0 */
  writtenOff: decimal.optional(),
  /** A progress stage's retainage (`invoice.progress.retained`). @since 0.3.0 */
  progress: z.object({ retained: decimal }).nullable().optional(),
  issuedAt: z.string().nullable(),
  updatedAt: z.string(),
});

/** The parts of a Remit `Tenant` that the PDF prints: the contractor's name and contacts. */
export const invoicePdfTenantSchema = z.object({
  name: z.string().min(1).max(200),
  email: z.string().max(320).nullable().optional(),
  phone: z.string().max(32).nullable().optional(),
  locale: z.string().max(35).optional(),
});

const localeSchema = z.string().refine((locale) => {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 locale such as "en-US"');

const labelsSchema = z.object(
  Object.fromEntries(
    Object.keys(defaultInvoicePdfLabels).map((key) => [key, z.string().max(200).optional()]),
  ) as { [Key in keyof InvoicePdfLabels]: z.ZodOptional<z.ZodString> },
);

const fontBytes = z.instanceof(Uint8Array, { message: "must be the bytes of a TrueType font" });

/** A file embedded in a PDF/A-3 (an e-invoice's XML, say), with its relationship to the document. */
export const pdfAttachmentSchema = z.object({
  /** The file's name in the PDF, e.g. `"factur-x.xml"`. */
  name: z.string().min(1).max(200),
  data: z.instanceof(Uint8Array, { message: "must be the file's bytes" }),
  /** The MIME type, e.g. `"text/xml"`. */
  mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as "text/xml"'),
  description: z.string().max(500).optional(),
  /** PDF/A-3's `AFRelationship`: how the file relates to the document. */
  relationship: z.enum(["Source", "Data", "Alternative", "Supplement", "Unspecified"]),
});

/** The input of `renderInvoicePdf`. */
export const renderInvoicePdfInputSchema = z.object({
  invoice: invoicePdfInvoiceSchema,
  tenant: invoicePdfTenantSchema,
  /** Formats amounts and dates. Default: the tenant's locale, else `"en-US"`. */
  locale: localeSchema.optional(),
  /** Where the work was done (a work order's site), printed beside the billing address. */
  site: addressSchema.nullable().optional(),
  /** Page size. Default: `"LETTER"` for US, Canadian, Mexican and Philippine locales, else `"A4"`. */
  pageSize: z.enum(["A4", "LETTER"]).optional(),
  /** Words to print instead of the English defaults. */
  labels: labelsSchema.optional(),
  /**
   * TrueType fonts to embed instead of the bundled DejaVu Sans (which covers Latin, Greek,
   * Cyrillic and every currency sign in common use), e.g. a Noto font for Thai or Japanese names.
   */
  fonts: z.object({ regular: fontBytes, bold: fontBytes.optional() }).optional(),
  /**
   * Makes the PDF an archivable PDF/A-3b (sRGB output intent, XMP metadata, every font embedded)
   * with `attachments` embedded and listed as associated files, and `xmp` (whole
   * `rdf:Description` elements) added to its metadata: what Factur-X and ZUGFeRD build on
   * (`@remit/e-invoice`'s `renderFacturX` uses it).
   * @since 0.2.0
   */
  archive: z
    .object({
      conformance: z.literal("PDF/A-3b"),
      attachments: z.array(pdfAttachmentSchema).max(10).default([]),
      xmp: z.string().max(100_000).optional(),
    })
    .optional(),
});

/** What `renderInvoicePdf` takes: a Remit `Invoice` and `Tenant` fit as they are. */
export type RenderInvoicePdfInput = z.input<typeof renderInvoicePdfInputSchema>;
export type ParsedRenderInvoicePdfInput = z.output<typeof renderInvoicePdfInputSchema>;
