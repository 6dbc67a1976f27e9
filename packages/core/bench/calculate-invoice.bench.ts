import { isDeepStrictEqual } from "node:util";
import { bench, describe } from "vitest";
import {
  calculateInvoice,
  calculateParsedInvoice,
  type InvoiceCalculation,
  parseInvoiceInput,
} from "../src/index";
import { baselineCalculateInvoice } from "./baseline-calculate-invoice";
import { largeInvoice, typicalInvoice } from "./bench-invoices";
import { dineroInvoice } from "./dinero-invoice";
import { measureInterleaved } from "./measure-interleaved";
import { medusaCartOf, medusaInvoice } from "./medusa-invoice";
import { type InvoiceTotals, plainDecimalLoop } from "./plain-decimal-loop";

// Invoices per second for Remit's calculateInvoice (validation included) next to the same
// invoice computed by a plain decimal.js loop, by dinero.js 2 and by Medusa's decorateCartTotals,
// timed in alternating rounds in one process, so that their ratios hold on a busy machine. The
// printed report gives the four figures and Remit's ratio to each, for the 20-line and the
// 1,000-line invoice; vitest's usual table for each function on its own follows.
// What each competitor computes is written beside it: plain-decimal-loop.ts, dinero-invoice.ts,
// medusa-invoice.ts.

const goals = { loop: 3, dinero: 2, medusa: 30 };

const cases = [
  { name: "typical invoice: 20 lines, 3 taxes, 1 invoice discount, 1 fee", input: typicalInvoice },
  { name: "large invoice: 1,000 lines, 3 taxes, 1 invoice discount, 1 fee", input: largeInvoice },
].map((entry) => {
  const calculated = calculateInvoice(entry.input);
  return {
    ...entry,
    calculated,
    parsed: parseInvoiceInput(entry.input),
    cart: medusaCartOf(entry.input, calculated),
  };
});

const totalsOf = (invoice: InvoiceCalculation): InvoiceTotals => ({
  subtotal: invoice.subtotal,
  discountTotal: invoice.discountTotal,
  feeTotal: invoice.feeTotal,
  taxTotal: invoice.taxTotal,
  total: invoice.total,
});

const centsBetween = (a: string, b: string) => Math.round(Math.abs(Number(a) - Number(b)) * 100);

// A benchmark of functions that compute different things would compare nothing: check once,
// before timing. The plain loop and the earlier whole-contract baseline must agree with Remit
// exactly; dinero.js and Medusa on the items, discounts and fees, their taxes within the cents
// their allocation and their lack of rounding explain (reported below the figures).
function checkAgreement({ name, input, calculated, cart }: (typeof cases)[number]): string {
  const remit = totalsOf(calculated);
  if (!isDeepStrictEqual(calculated, baselineCalculateInvoice(input))) {
    throw new Error(`Remit and the whole-contract baseline disagree on the ${name}`);
  }
  if (!isDeepStrictEqual(remit, plainDecimalLoop(input))) {
    throw new Error(`Remit and the plain decimal.js loop disagree on the ${name}`);
  }
  const tolerance = Math.ceil(input.lines.length / 2);
  const differences: string[] = [];
  for (const [label, totals] of [
    ["dinero.js", dineroInvoice(input)],
    ["Medusa", medusaInvoice(cart)],
  ] as const) {
    for (const key of ["subtotal", "discountTotal", "feeTotal"] as const) {
      if (totals[key] !== remit[key]) throw new Error(`${label} ${key} differs on the ${name}`);
    }
    const cents = centsBetween(totals.taxTotal, remit.taxTotal);
    if (cents > tolerance) throw new Error(`${label} taxes are ${cents} cents off on the ${name}`);
    differences.push(`${label} tax ${cents === 0 ? "same" : `${cents}¢ off`}`);
  }
  return differences.join(", ");
}

const agreements = cases.map(checkAgreement);

const perSecond = (value: number) => Math.round(value).toLocaleString("en-US").padStart(9);
const ratio = (value: number) => value.toFixed(value < 10 ? 2 : 1).padStart(6);
const verdict = (value: number, goal: number) =>
  `(goal ≥ ${goal}: ${value >= goal ? "met" : "NOT met"})`;

const report = [
  `Invoices per second, timed in alternating rounds in one process (Node ${process.versions.node}):`,
];
cases.forEach(({ name, input, parsed, cart }, index) => {
  const [remit, loop, dinero, medusa, mathOnly, wholeContract] = measureInterleaved(
    [
      { name: "remit", run: () => calculateInvoice(input) },
      { name: "loop", run: () => plainDecimalLoop(input) },
      { name: "dinero", run: () => dineroInvoice(input) },
      { name: "medusa", run: () => medusaInvoice(cart) },
      { name: "math only", run: () => calculateParsedInvoice(parsed) },
      { name: "whole contract", run: () => baselineCalculateInvoice(input) },
    ],
    { rounds: 15, roundMilliseconds: 100 },
  );
  if (!remit || !loop || !dinero || !medusa || !mathOnly || !wholeContract) {
    throw new Error("a candidate went unmeasured");
  }
  const toLoop = remit.perSecond / loop.perSecond;
  const toDinero = remit.perSecond / dinero.perSecond;
  const toMedusa = remit.perSecond / medusa.perSecond;
  report.push(
    `  ${name}`,
    `    Remit calculateInvoice, validation included ${perSecond(remit.perSecond)} /s`,
    `    plain decimal.js loop, no validation        ${perSecond(loop.perSecond)} /s   Remit / loop   ${ratio(toLoop)}  ${verdict(toLoop, goals.loop)}`,
    `    dinero.js 2                                 ${perSecond(dinero.perSecond)} /s   Remit / dinero ${ratio(toDinero)}  ${verdict(toDinero, goals.dinero)}`,
    `    Medusa decorateCartTotals                   ${perSecond(medusa.perSecond)} /s   Remit / Medusa ${ratio(toMedusa)}  ${verdict(toMedusa, goals.medusa)}`,
    `    (Remit calculateParsedInvoice, parsed beforehand ${perSecond(mathOnly.perSecond)} /s;` +
      ` decimal.js whole contract, the earlier baseline ${perSecond(wholeContract.perSecond).trim()} /s)`,
    `    (totals agree; ${agreements[index]})`,
  );
});
console.log(`${report.join("\n")}\n`);

// A second per function (after a warm-up) keeps vitest's own figures steadier on a small machine.
const options = { time: 1_000, warmupTime: 200 };

for (const { name, input, cart } of cases) {
  describe(name, () => {
    bench(
      "Remit calculateInvoice (validates, then calculates)",
      () => {
        calculateInvoice(input);
      },
      options,
    );
    bench(
      "plain decimal.js loop, no validation",
      () => {
        plainDecimalLoop(input);
      },
      options,
    );
    bench(
      "dinero.js 2",
      () => {
        dineroInvoice(input);
      },
      options,
    );
    bench(
      "Medusa decorateCartTotals",
      () => {
        medusaInvoice(cart);
      },
      options,
    );
  });
}
