import type { CalculatedLine } from "../invoice-calculation";

/** A line while the number engine works on it; all money in integer minor units. */
export type NumberLine = {
  id: string;
  kind: CalculatedLine["kind"];
  description: string;
  quantity: string;
  unitPrice: string;
  taxRateIds: readonly string[];
  gross: number;
  discount: number;
  net: number;
  included: number;
  /** Where the line's taxes start in the invoice's `taxes`, one per position in `taxRateIds`. */
  taxOffset: number;
};

/** A tax rate as the number engine uses it, with its running totals over the lines. */
export type NumberRate = {
  micros: number;
  inclusive: boolean;
  compound: boolean;
  taxable: number;
  amount: number;
  used: boolean;
};

// The engine's lines are copies of this template, not object literals, for the reason given in
// read-common-invoice-input.ts (V8 would make them in the old generation after a large invoice).
export const numberLineTemplate: NumberLine = {
  id: "",
  kind: "service",
  description: "",
  quantity: "",
  unitPrice: "",
  taxRateIds: [],
  gross: 0,
  discount: 0,
  net: 0,
  included: 0,
  taxOffset: 0,
};
