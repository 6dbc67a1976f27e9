import { formatMoney } from "@remit/core";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFString,
} from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { convert } from "xmlbuilder2";
import { readPdf } from "../../pdf/test/support/read-pdf";
import { facturXFileName, renderCii, renderFacturX } from "../src/index";
import { issuedEInvoice } from "./support/issued-e-invoice";
import { readCiiFigures } from "./support/read-figures";
import { fatalAsserts } from "./support/validate-en16931";

let bytes: Uint8Array;
let pdf: PDFDocument;
let expectedXml: string;
let total: string;
let amountDue: string;

beforeAll(async () => {
  const { invoice, tenant } = await issuedEInvoice();
  bytes = await renderFacturX({ invoice, tenant, pdf: { locale: "de-DE" } });
  pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  expectedXml = renderCii({ invoice, tenant });
  total = invoice.total;
  amountDue = invoice.amountDue;
});

function lookupDict(dict: PDFDict, name: string): PDFDict {
  return dict.lookup(PDFName.of(name), PDFDict);
}

function lookupStream(dict: PDFDict, name: string): PDFRawStream {
  const stream = dict.lookup(PDFName.of(name));
  if (!(stream instanceof PDFRawStream)) throw new Error(`/${name} is not a stream`);
  return stream;
}

function embeddedFiles(): { spec: PDFDict; name: string }[] {
  const names = lookupDict(lookupDict(pdf.catalog, "Names"), "EmbeddedFiles").lookup(
    PDFName.of("Names"),
    PDFArray,
  );
  const files: { spec: PDFDict; name: string }[] = [];
  for (let index = 0; index < names.size(); index += 2) {
    files.push({
      name: names.lookup(index, PDFString).decodeText(),
      spec: names.lookup(index + 1, PDFDict),
    });
  }
  return files;
}

describe("renderFacturX - a PDF/A-3 with its CII e-invoice", () => {
  it("renderFacturX - embeds factur-x.xml as an associated file, Alternative, text/xml", () => {
    const files = embeddedFiles();
    expect(files.map((file) => file.name)).toEqual([facturXFileName]);
    const spec = files[0]?.spec as PDFDict;
    expect(spec.get(PDFName.of("AFRelationship"))).toEqual(PDFName.of("Alternative"));
    expect(spec.lookup(PDFName.of("UF"), PDFString).decodeText()).toBe(facturXFileName);
    // The catalog's /AF lists the same file specification (PDF/A-3 associated files).
    const associated = pdf.catalog.lookup(PDFName.of("AF"), PDFArray);
    expect(associated.size()).toBe(1);
    expect(associated.lookup(0, PDFDict)).toBe(spec);
    const stream = lookupStream(lookupDict(spec, "EF"), "F");
    expect(stream.dict.get(PDFName.of("Subtype"))).toEqual(PDFName.of("text/xml"));
    expect(lookupDict(stream.dict, "Params").has(PDFName.of("ModDate"))).toBe(true);
  });

  it("renderFacturX - the embedded XML is the CII e-invoice, with 0 fatal assertions", () => {
    const spec = embeddedFiles()[0]?.spec as PDFDict;
    const stream = lookupStream(lookupDict(spec, "EF"), "F");
    const xml = new TextDecoder().decode(decodePDFRawStream(stream).decode());
    expect(xml).toBe(expectedXml);
    expect(fatalAsserts("CII", xml)).toEqual([]);
    const figures = readCiiFigures(xml);
    expect(figures.taxInclusive).toBe(total);
    expect(figures.payable).toBe(amountDue);
  });

  it("renderFacturX - PDF/A-3b and Factur-X EN 16931 in the XMP metadata, with the extension schema", () => {
    const metadata = lookupStream(pdf.catalog, "Metadata");
    const xmp = new TextDecoder().decode(metadata.getContents());
    // Well-formed XML (a PDF/A validator parses it).
    expect(() => convert(xmp, { format: "object" })).not.toThrow();
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toMatch(/<fx:DocumentFileName>factur-x\.xml<\/fx:DocumentFileName>/);
    expect(xmp).toMatch(/<fx:DocumentType>INVOICE<\/fx:DocumentType>/);
    expect(xmp).toMatch(/<fx:Version>1\.0<\/fx:Version>/);
    expect(xmp).toMatch(/<fx:ConformanceLevel>EN 16931<\/fx:ConformanceLevel>/);
    expect(xmp).toMatch(
      /<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#<\/pdfaSchema:namespaceURI>/,
    );
    // An sRGB output intent, as PDF/A requires.
    const intents = pdf.catalog.lookup(PDFName.of("OutputIntents"), PDFArray);
    expect(intents.lookup(0, PDFDict).get(PDFName.of("S"))).toEqual(PDFName.of("GTS_PDFA1"));
    expect(Buffer.from(bytes.subarray(0, 8)).toString("latin1")).toBe("%PDF-1.7");
  });

  it("renderFacturX - the PDF prints the totals the XML carries", async () => {
    const { text } = await readPdf(bytes);
    expect(text).toContain(formatMoney(total, "EUR", "de-DE").replace(/\s/gu, " "));
    expect(text).toContain(formatMoney(amountDue, "EUR", "de-DE").replace(/\s/gu, " "));
  });

  it("renderFacturX - the same invoice gives the same bytes", async () => {
    const { invoice, tenant } = await issuedEInvoice();
    const again = await renderFacturX({ invoice, tenant, pdf: { locale: "de-DE" } });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
