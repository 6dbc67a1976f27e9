import { calculateInvoice } from "@remit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EInvoiceError, findEInvoiceIssues, renderCii, renderUbl } from "../src/index";
import { eInvoiceArbitrary } from "./support/e-invoice-arbitrary";
import { expectFiguresOfCalculation } from "./support/expect-figures";
import { readCiiFigures, readUblFigures } from "./support/read-figures";
import { fatalAsserts } from "./support/validate-en16931";

// Each run validates two documents with the official rules (about 0.1 s each on a shared core);
// set E_INVOICE_PROPERTY_RUNS to search longer.
const numRuns = Number(process.env.E_INVOICE_PROPERTY_RUNS ?? 30);

describe("random invoices as e-invoices", () => {
  it(
    "renders - 0 fatal assertions in UBL and CII and every figure calculateInvoice's, or refuses only over BR-CO-17 rounding",
    () => {
      let rendered = 0;
      fc.assert(
        fc.property(eInvoiceArbitrary, ({ input, renderInput, amountPaid }) => {
          const totals = calculateInvoice(input);
          const issues = findEInvoiceIssues(renderInput);
          if (issues.length > 0) {
            // The data is complete and the math is inside the norm: only rounding can differ.
            expect(issues.map((issue) => issue.rule)).toEqual(issues.map(() => "BR-CO-17"));
            const inclusive = (input.taxRates ?? []).some((rate) => rate.inclusive);
            if (!inclusive) {
              // Per-document rounding half up is EN 16931's own: that invoice is always an e-invoice.
              const recomputed = {
                ...renderInput,
                invoice: {
                  ...renderInput.invoice,
                  content: {
                    ...renderInput.invoice.content,
                    rounding: { mode: "half_up" as const, tax: "per_document" as const },
                  },
                  totals: calculateInvoice({
                    ...input,
                    rounding: { mode: "half_up", tax: "per_document" },
                  }),
                  amountPaid: "0",
                },
              };
              expect(findEInvoiceIssues(recomputed)).toEqual([]);
            }
            expect(() => renderCii(renderInput)).toThrow(EInvoiceError);
            return;
          }
          rendered++;
          const ubl = renderUbl(renderInput);
          expect(fatalAsserts("UBL", ubl)).toEqual([]);
          const ublFigures = readUblFigures(ubl);
          expect(ublFigures.typeCode).toBe(
            renderInput.documentType === "credit_note" ? "381" : "380",
          );
          expectFiguresOfCalculation(ublFigures, input, totals, amountPaid);
          const cii = renderCii(renderInput);
          expect(fatalAsserts("CII", cii)).toEqual([]);
          expectFiguresOfCalculation(readCiiFigures(cii), input, totals, amountPaid);
        }),
        { numRuns },
      );
      // Most random invoices are e-invoices; a run where none were would prove nothing.
      expect(rendered).toBeGreaterThan(numRuns / 3);
    },
    // A safety net against a hang, not a measure: SaxonJS is slow on a loaded 2-core machine.
    numRuns * 20_000,
  );
});
