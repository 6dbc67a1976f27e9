import { ValidationError } from "@remit/core";
import type { InvoicePdfLabels } from "../invoice-pdf-labels";
import { defaultInvoicePdfLabels } from "../invoice-pdf-labels";
import { createFormatters, type Formatters } from "./create-formatters";
import { loadBundledFonts } from "./load-fonts";
import { createGlyphCheck } from "./printable-text";

const letterRegions = new Set(["US", "CA", "MX", "PH"]);

/** What every Remit PDF settles before it draws: fonts, locale, page size and formatters. */
export type DocumentSetup = {
  fonts: { regular: Uint8Array; bold: Uint8Array };
  locale: string;
  pageSize: "A4" | "LETTER";
  format: Formatters;
};

/**
 * The invoice PDF's choices for any other document: the bundled DejaVu Sans unless fonts are
 * given, the tenant's locale else `en-US`, Letter in the Americas' Letter countries else A4.
 */
export async function setUpDocument(options: {
  currency: string;
  locale?: string | undefined;
  tenantLocale?: string | undefined;
  pageSize?: "A4" | "LETTER" | undefined;
  fonts?: { regular: Uint8Array; bold?: Uint8Array | undefined } | undefined;
  labels?: InvoicePdfLabels;
}): Promise<DocumentSetup> {
  const fonts = options.fonts
    ? { regular: options.fonts.regular, bold: options.fonts.bold ?? options.fonts.regular }
    : await loadBundledFonts();
  let glyphs: ReturnType<typeof createGlyphCheck>;
  try {
    glyphs = createGlyphCheck(fonts.regular);
  } catch (error) {
    throw new ValidationError({
      cause: error,
      issues: [{ path: "fonts.regular", message: "is not a TrueType or OpenType font" }],
    });
  }
  const locale = options.locale ?? options.tenantLocale ?? "en-US";
  const region = new Intl.Locale(locale).maximize().region ?? "";
  return {
    fonts,
    locale,
    pageSize: options.pageSize ?? (letterRegions.has(region) ? "LETTER" : "A4"),
    format: createFormatters({
      locale,
      currency: options.currency,
      labels: options.labels ?? defaultInvoicePdfLabels,
      glyphs,
    }),
  };
}

/**
 * {@link setUpDocument} from a document's parsed PDF options (`documentPdfOptionFields`), for a
 * document in `currency` of a tenant with `tenantLocale`.
 */
export function setUpDocumentFrom(
  options: {
    locale?: string | undefined;
    pageSize?: "A4" | "LETTER" | undefined;
    fonts?: { regular: Uint8Array; bold?: Uint8Array | undefined } | undefined;
  },
  document: { currency: string; tenantLocale?: string | undefined },
): Promise<DocumentSetup> {
  return setUpDocument({
    currency: document.currency,
    locale: options.locale,
    tenantLocale: document.tenantLocale,
    pageSize: options.pageSize,
    fonts: options.fonts,
  });
}
