import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Text with every kind of space (no-break, narrow no-break) as a plain space, as PDF readers extract it. */
export function plain(text: string): string {
  return text.replace(/\s/gu, " ");
}

/** What a reader gets back from a PDF: each page's text, and the raw bytes as Latin-1 text. */
export type ReadPdf = { pages: string[]; text: string; raw: string };

/** Parses a PDF with Mozilla's PDF.js (an independent reader) and extracts its text. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? plain(item.str) : ""))
        .filter(Boolean)
        .join("\n"),
    );
  }
  await document.destroy();
  return { pages, text: pages.join("\n"), raw: Buffer.from(bytes).toString("latin1") };
}
