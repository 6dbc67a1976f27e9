import type { CalculatedLine } from "../invoice-calculation";

/** A tax rate as the engine uses it: the percent held as an integer at 10^6 scale. */
export type WorkingRate = {
  id: string;
  name: string;
  percentText: string;
  /** percent × 10^6 */
  percentMicros: bigint;
  inclusive: boolean;
  compound: boolean;
};

/** A line while it is being calculated; all money in integer minor units. */
export type WorkingLine = {
  id: string;
  kind: CalculatedLine["kind"];
  description: string;
  quantity: string;
  unitPrice: string;
  taxRateIds: readonly string[];
  gross: bigint;
  discount: bigint;
  net: bigint;
  /** The line's included taxes, once taxes are known. */
  included: bigint;
  /** Tax per rate id, once taxes are known. */
  taxes: Map<string, bigint>;
};

/** 100 % at the 10^6 scale of `percentMicros`. */
export const hundredPercentMicros = 100_000_000n;

/** A line's rates sorted as the contract applies them: included, then added, then compound. */
export function ratesInApplicationOrder(
  line: WorkingLine,
  rates: ReadonlyMap<string, WorkingRate>,
): { included: WorkingRate[]; added: WorkingRate[]; compound: WorkingRate[] } {
  const included: WorkingRate[] = [];
  const added: WorkingRate[] = [];
  const compound: WorkingRate[] = [];
  for (const rateId of line.taxRateIds) {
    const rate = rates.get(rateId);
    if (!rate) continue;
    if (rate.inclusive) included.push(rate);
    else if (rate.compound) compound.push(rate);
    else added.push(rate);
  }
  return { included, added, compound };
}
