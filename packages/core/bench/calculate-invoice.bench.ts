import { isDeepStrictEqual } from "node:util";
import { bench, describe } from "vitest";
import { calculateInvoice, calculateParsedInvoice, parseInvoiceInput } from "../src/index";
import { baselineCalculateInvoice } from "./baseline-calculate-invoice";
import { largeInvoice, typicalInvoice } from "./bench-invoices";
import { measureInterleaved } from "./measure-interleaved";

// Invoices per second for Remit's calculateInvoice and a plain decimal.js baseline, side by side.
// First a comparison timed in alternating rounds, which prints Remit / baseline; then vitest's
// usual table for each function on its own.

const cases = [
  { name: "typical invoice: 20 lines, 3 taxes, 1 invoice discount, 1 fee", input: typicalInvoice },
  { name: "large invoice: 1,000 lines, 3 taxes, 1 invoice discount, 1 fee", input: largeInvoice },
].map((entry) => ({ ...entry, parsed: parseInvoiceInput(entry.input) }));

// A benchmark of two functions that disagree would compare nothing: check once, before timing.
for (const { name, input } of cases) {
  if (!isDeepStrictEqual(calculateInvoice(input), baselineCalculateInvoice(input))) {
    throw new Error(`Remit and the baseline disagree on the ${name}; the comparison is void`);
  }
}

const perSecond = (value: number) => Math.round(value).toLocaleString("en-US").padStart(9);
const report = [`Remit / baseline, invoices per second (Node ${process.versions.node}):`];
for (const { name, input, parsed } of cases) {
  const [remit, baseline, mathOnly] = measureInterleaved(
    [
      { name: "remit", run: () => calculateInvoice(input) },
      { name: "baseline", run: () => baselineCalculateInvoice(input) },
      { name: "math only", run: () => calculateParsedInvoice(parsed) },
    ],
    { rounds: 15, roundMilliseconds: 100 },
  );
  if (!remit || !baseline || !mathOnly) throw new Error("a candidate went unmeasured");
  report.push(
    `  ${name}`,
    `    Remit calculateInvoice           ${perSecond(remit.perSecond)} /s`,
    `    baseline (decimal.js)            ${perSecond(baseline.perSecond)} /s`,
    `    Remit / baseline                 ${(remit.perSecond / baseline.perSecond).toFixed(2).padStart(9)}`,
    `    calculateParsedInvoice / baseline ${(mathOnly.perSecond / baseline.perSecond).toFixed(2).padStart(8)}  (input parsed beforehand)`,
  );
}
console.log(`${report.join("\n")}\n`);

// A second per function (after a warm-up) keeps vitest's own figures steadier on a small machine.
const options = { time: 1_000, warmupTime: 200 };

for (const { name, input, parsed } of cases) {
  describe(name, () => {
    bench(
      "Remit calculateInvoice (validates, then calculates)",
      () => {
        calculateInvoice(input);
      },
      options,
    );
    bench(
      "baseline: plain decimal.js, no validation",
      () => {
        baselineCalculateInvoice(input);
      },
      options,
    );
    bench(
      "Remit calculateParsedInvoice (input parsed beforehand)",
      () => {
        calculateParsedInvoice(parsed);
      },
      options,
    );
  });
}
