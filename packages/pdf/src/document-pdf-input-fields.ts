import { z } from "zod";
import { invoicePdfTenantSchema } from "./render-invoice-pdf-input-schema";

export const decimalText = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "12.50"');
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "USD"');

const localeSchema = z.string().refine((locale) => {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 locale such as "en-US"');

const fontBytes = z.instanceof(Uint8Array, { message: "must be the bytes of a TrueType font" });

/** The options every Remit PDF besides the invoice takes, as `renderInvoicePdf` reads them. */
export const documentPdfOptionFields = {
  tenant: invoicePdfTenantSchema,
  /** Formats amounts and dates. Default: the tenant's locale, else `"en-US"`. */
  locale: localeSchema.optional(),
  /** Default: `"LETTER"` for US, Canadian, Mexican and Philippine locales, else `"A4"`. */
  pageSize: z.enum(["A4", "LETTER"]).optional(),
  /** TrueType fonts to embed instead of the bundled DejaVu Sans. */
  fonts: z.object({ regular: fontBytes, bold: fontBytes.optional() }).optional(),
};

/** Words a document prints, each replaceable by a caller's translation. */
export function labelsSchemaOf<Labels extends Record<string, string>>(defaults: Labels) {
  return z.object(
    Object.fromEntries(
      Object.keys(defaults).map((key) => [key, z.string().max(200).optional()]),
    ) as {
      [Key in keyof Labels]: z.ZodOptional<z.ZodString>;
    },
  );
}

/** The defaults with the caller's non-empty words in their place. */
export function mergeLabels<Labels extends Record<string, string>>(
  defaults: Labels,
  given: Partial<Record<keyof Labels, string | undefined>> | undefined,
): Labels {
  return {
    ...defaults,
    ...Object.fromEntries(Object.entries(given ?? {}).filter(([, text]) => text)),
  } as Labels;
}
