import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** The two faces an invoice is set in. */
export type InvoiceFonts = { regular: Uint8Array; bold: Uint8Array };

let bundled: Promise<InvoiceFonts> | undefined;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, read once per process. The 14 standard PDF
 * fonts only know Latin-1 (no ₹, ₩ or ₫), so every invoice embeds a subset of this font instead.
 */
export function loadBundledFonts(): Promise<InvoiceFonts> {
  bundled ??= (async () => {
    const require = createRequire(import.meta.url);
    const [regular, bold] = await Promise.all(
      ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
        readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
      ),
    );
    return { regular: regular as Uint8Array, bold: bold as Uint8Array };
  })();
  // A failed read (a bundler that dropped the font files) must not be cached forever.
  bundled.catch(() => {
    bundled = undefined;
  });
  return bundled;
}
