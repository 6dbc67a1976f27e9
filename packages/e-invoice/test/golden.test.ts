import { calculateInvoice, type InvoiceCalculation } from "@remit/core";
import { describe, expect, it } from "vitest";
import { findEInvoiceIssues, renderCii, renderUbl } from "../src/index";
import { eInvoiceInput } from "./support/e-invoice-fixture";
import { expectFiguresOfCalculation } from "./support/expect-figures";
import { goldenCases, withEInvoiceData } from "./support/golden-cases";
import { readCiiFigures, readUblFigures } from "./support/read-figures";
import { fatalAsserts } from "./support/validate-en16931";

/**
 * The golden cases EN 16931 cannot express, and the rule and field each refusal names. Every other
 * golden case is an e-invoice with 0 fatal assertions in both syntaxes and the golden figures.
 */
const refused: Record<string, string[]> = {
  "KWD has three decimals": ["BR-DEC-23 invoice.currency"],
  "CLF has four decimals": ["BR-DEC-23 invoice.currency"],
  "Quebec: GST and QST side by side, not compounded": [
    "BR-CO-04 invoice.content.lines[0].taxRateIds",
    "BR-CO-04 invoice.content.lines[1].taxRateIds",
  ],
  "a compound tax charged on the price plus the other tax": [
    "BR-CO-04 invoice.content.lines[0].taxRateIds",
    "BR-CO-04 invoice.content.lines[1].taxRateIds",
  ],
  "an included and an added tax on one line": ["BR-CO-04 invoice.content.lines[0].taxRateIds"],
  "per-document tax on an included-tax base that is exactly half a cent (exact arithmetic needed)":
    ["BR-CO-04 invoice.content.lines[0].taxRateIds"],
  "per-document included tax whose exact sum over three lines is a half cent": [
    "BR-CO-04 invoice.content.lines[0].taxRateIds",
    "BR-CO-04 invoice.content.lines[1].taxRateIds",
  ],
  "India: CGST and SGST both included, computed together then split": [
    "BR-CO-04 invoice.content.lines[0].taxRateIds",
    "BR-CO-04 invoice.content.lines[1].taxRateIds",
  ],
  "three included taxes on two cents never push the line below zero": [
    "BR-CO-04 invoice.content.lines[0].taxRateIds",
  ],
  "tax rates listed out of order on a line are still applied included, added, then compound": [
    "BR-CO-04 invoice.content.lines[0].taxRateIds",
  ],
  // VAT taken out of VAT-inclusive prices rounds differently from VAT added to the net (BR-CO-17).
  "20% VAT included, rounded per line": ["BR-CO-17 invoice.content.taxRates[0].inclusive"],
  "20% VAT included, rounded once per invoice": ["BR-CO-17 invoice.content.taxRates[0].inclusive"],
  "an invoice with no lines totals zero": ["BR-16 invoice.content.lines"],
  "a very large line stays exact": ["xs:decimal invoice.totals.total"],
};

function withoutDescriptions(calculation: InvoiceCalculation) {
  return { ...calculation, lines: calculation.lines.map(({ description: _, ...line }) => line) };
}

const renderable = goldenCases.filter((entry) => !(entry.name in refused));

describe("golden invoices as e-invoices", () => {
  it("names every golden case that cannot be an e-invoice", () => {
    expect(
      Object.keys(refused).every((name) => goldenCases.some((entry) => entry.name === name)),
    ).toBe(true);
    expect(renderable.length).toBe(goldenCases.length - Object.keys(refused).length);
  });

  it.each(renderable.map((entry) => [entry.name, entry] as const))(
    "%s - UBL and CII with 0 fatal assertions and the golden figures",
    (_name, entry) => {
      const input = withEInvoiceData(entry.input);
      // The e-invoice data (names given to unnamed lines aside) leaves the math alone.
      expect(withoutDescriptions(calculateInvoice(input))).toEqual(
        withoutDescriptions(entry.expected),
      );
      const ubl = renderUbl(eInvoiceInput(input));
      expect(fatalAsserts("UBL", ubl)).toEqual([]);
      expectFiguresOfCalculation(readUblFigures(ubl), input, entry.expected);
      expect(readUblFigures(ubl).taxInclusive).toBe(entry.expected.total);
      const cii = renderCii(eInvoiceInput(input));
      expect(fatalAsserts("CII", cii)).toEqual([]);
      expectFiguresOfCalculation(readCiiFigures(cii), input, entry.expected);
    },
  );

  it.each(Object.entries(refused))(
    "%s - refused, naming the rule and the field",
    (name, expected) => {
      const entry = goldenCases.find((candidate) => candidate.name === name);
      const issues = findEInvoiceIssues(eInvoiceInput(withEInvoiceData(entry?.input as never)));
      expect(issues.map((issue) => `${issue.rule} ${issue.path}`)).toEqual(expected);
      expect(() => renderUbl(eInvoiceInput(withEInvoiceData(entry?.input as never)))).toThrow(
        expect.objectContaining({ code: "e_invoice_refused" }),
      );
    },
  );
});
