import type { InvoiceInput } from "../src/index";

// The invoices the benchmark calculates. Built from a fixed pseudo-random sequence, so every run
// measures the same work.

function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const taxRates: NonNullable<InvoiceInput["taxRates"]> = [
  { id: "state", name: "State sales tax", percent: "6.25" },
  { id: "county", name: "County sales tax", percent: "1.25" },
  { id: "eco", name: "Environmental levy", percent: "2", compound: true },
];

function invoiceWithLines(count: number, seed: number): InvoiceInput {
  const next = pseudoRandom(seed);
  const cents = (max: number) => (Math.floor(next() * max * 100) / 100).toFixed(2);
  const lines: InvoiceInput["lines"] = Array.from({ length: count }, (_, index) => {
    const labor = index % 3 === 0;
    return {
      id: `l${index + 1}`,
      kind: labor ? "labor" : "material",
      description: labor ? "Labour" : `Part ${index + 1}`,
      quantity: labor
        ? (Math.ceil(next() * 16) / 4).toFixed(2)
        : String(1 + Math.floor(next() * 12)),
      unitPrice: labor ? "85.00" : cents(240),
      taxRateIds: labor ? ["state"] : ["state", "county", "eco"],
      ...(index % 7 === 3 ? { discount: { type: "percent" as const, value: "10" } } : {}),
    };
  });
  return {
    currency: "USD",
    lines,
    taxRates,
    discounts: [{ id: "loyalty", type: "percent", value: "5" }],
    fees: [
      {
        id: "trip",
        description: "Trip charge",
        type: "amount",
        value: "49.00",
        taxRateIds: ["state"],
      },
    ],
  };
}

/** A typical field-service invoice: 20 lines, 3 taxes, one invoice discount, one fee. */
export const typicalInvoice = invoiceWithLines(20, 20_240_601);

/** A large invoice: 1,000 lines, the same taxes, discount and fee. */
export const largeInvoice = invoiceWithLines(1_000, 19_990_101);
