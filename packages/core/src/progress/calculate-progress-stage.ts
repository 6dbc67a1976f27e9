import Decimal from "decimal.js";
import { calculateInvoice } from "../calculation/calculate-invoice";
import { allocateByLargestRemainder } from "../calculation/internal/allocate-by-largest-remainder";
import type { InvoiceCalculation } from "../calculation/invoice-calculation";
import { ValidationError } from "../errors/validation-error";
import { minorUnitsOf } from "../money/currencies";
import { fromMinorUnits, toMinorUnits } from "../money/money-arithmetic";
import { parseWithSchema } from "../validation/to-validation-error";
import { type ProgressStageInput, progressStageInputSchema } from "./progress-stage-input-schema";

/**
 * One stage of progress billing, ready to become its invoice.
 * @group Invoice math
 */
export type ProgressStageCalculation = {
  /** What this stage bills of each contract line (net), in the contract's order; zero lines too. */
  lines: { lineId: string; description: string; amount: string }[];
  /** The stage's invoice: one line per contract line it bills, with the normal math's taxes. */
  invoice: InvoiceCalculation;
  /** Net billed per line after this stage: the next stage's `billed`. */
  billedAfter: Record<string, string>;
  /** Whether this stage bills everything left: no later stage has anything to bill. */
  final: boolean;
  /** The deposit applied to this stage: min(deposit left, stage total). */
  depositApplied: string;
  /** Withheld this stage (retainage), billed by the final retainage invoice. */
  retained: string;
  /** `total − depositApplied − retained`: what the customer pays for this stage now. */
  amountDue: string;
  /** What is left of the deposits after this stage. */
  depositLeft: string;
};

const refuse = (path: string, message: string): never => {
  throw new ValidationError({ issues: [{ path, message }] });
};

/** `value × percent / 100` in minor units, half up: a stage never bills a fraction of a cent. */
function percentOf(units: bigint, percent: string): bigint {
  const exact = new Decimal(units.toString()).times(percent).dividedBy(100);
  return BigInt(exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/**
 * The next stage of progress billing on a contract (a quote's or work order's lines). Each stage
 * bills a share of each line's net: by percent or amount, shared over what is left of the lines
 * by largest remainder (so the stage lands on its figure to the cent); by each line's cumulative
 * percent complete; or `final`, exactly what is left of every line. Together the stages never pass
 * 100 % of any line: a stage that would is refused (`ValidationError` at `stage.percent`,
 * `stage.amount` or `stage.lineProgress.<id>`). Each stage's taxes come from `calculateInvoice`
 * on its own lines, so the stages' taxes may differ from one invoice's by rounding. Deposits
 * apply in order (each stage takes min(deposit left, total)); retainage is withheld from the
 * amount due, never a negative line. Pure: the caller keeps `billedAfter` for the next stage.
 *
 * @example
 * ```ts
 * const first = calculateProgressStage({
 *   currency: "USD",
 *   lines: [{ id: "framing", description: "Framing", net: "10000.00" }],
 *   stage: { percent: "30" },
 * });
 * first.invoice.total; // → "3000.00"
 * ```
 * @group Invoice math
 */
export function calculateProgressStage(rawInput: ProgressStageInput): ProgressStageCalculation {
  const input = parseWithSchema(progressStageInputSchema, rawInput);
  const digits = minorUnitsOf(input.currency);
  const units = (value: string, path: string) => {
    const exact = toMinorUnits(value, digits, "down");
    if (fromMinorUnits(exact, digits) !== new Decimal(value).toFixed(digits))
      refuse(path, `has more than ${digits} decimals`);
    return exact;
  };
  const ids = new Set<string>();
  const nets = input.lines.map((line, index) => {
    if (ids.has(line.id)) refuse(`lines[${index}].id`, "each line id at most once");
    ids.add(line.id);
    return units(line.net, `lines[${index}].net`);
  });
  for (const id of Object.keys(input.billed))
    if (!ids.has(id)) refuse(`billed.${id}`, "is not a line of the contract");
  const billed = input.lines.map((line) =>
    units(input.billed[line.id] ?? "0", `billed.${line.id}`),
  );
  const remaining = nets.map((net, index) => net - (billed[index] as bigint));
  remaining.forEach((left, index) => {
    if (left < 0n) refuse(`billed.${input.lines[index]?.id}`, "is more than the line's net");
  });
  const remainingTotal = remaining.reduce((sum, left) => sum + left, 0n);
  const contractTotal = nets.reduce((sum, net) => sum + net, 0n);

  const shareOf = (target: bigint, path: string): bigint[] => {
    if (target > remainingTotal)
      refuse(
        path,
        `would bill past 100 % of the contract: ${fromMinorUnits(remainingTotal, digits)} is left`,
      );
    // Shared over what is left of each line, no line gets more than its remainder.
    return target === remainingTotal ? remaining : allocateByLargestRemainder(target, remaining);
  };
  const { stage } = input;
  let amounts: bigint[];
  if ("final" in stage) amounts = remaining;
  else if ("percent" in stage)
    amounts = shareOf(percentOf(contractTotal, stage.percent), "stage.percent");
  else if ("amount" in stage)
    amounts = shareOf(units(stage.amount, "stage.amount"), "stage.amount");
  else {
    for (const id of Object.keys(stage.lineProgress))
      if (!ids.has(id)) refuse(`stage.lineProgress.${id}`, "is not a line of the contract");
    amounts = input.lines.map((line, index) => {
      const complete = stage.lineProgress[line.id];
      if (complete === undefined) return 0n;
      const toDate =
        complete === "100" ? (nets[index] as bigint) : percentOf(nets[index] as bigint, complete);
      const amount = toDate - (billed[index] as bigint);
      if (amount < 0n) refuse(`stage.lineProgress.${line.id}`, "is less than already billed");
      return amount;
    });
  }
  if (amounts.every((amount) => amount === 0n))
    refuse("stage", "bills nothing: nothing is left, or the stage is 0");

  const billedLines = input.lines.flatMap((line, index) =>
    (amounts[index] as bigint) === 0n
      ? []
      : [
          {
            id: line.id,
            description: line.description,
            quantity: "1",
            unitPrice: fromMinorUnits(amounts[index] as bigint, digits),
            taxRateIds: line.taxRateIds,
          },
        ],
  );
  const invoice = calculateInvoice({
    currency: input.currency,
    lines: billedLines,
    taxRates: input.taxRates.map((rate) => ({ ...rate, percent: rate.percent.text })),
  });
  const total = toMinorUnits(invoice.total, digits);
  const subtotal = toMinorUnits(invoice.subtotal, digits);
  const depositLeft = units(input.depositLeft, "depositLeft");
  const depositApplied = depositLeft < total ? depositLeft : total;
  const withheld = percentOf(subtotal, input.retainagePercent);
  const retained = withheld < total - depositApplied ? withheld : total - depositApplied;
  const after = input.lines.map(
    (_, index) => (billed[index] as bigint) + (amounts[index] as bigint),
  );
  return {
    lines: input.lines.map((line, index) => ({
      lineId: line.id,
      description: line.description,
      amount: fromMinorUnits(amounts[index] as bigint, digits),
    })),
    invoice,
    billedAfter: Object.fromEntries(
      input.lines.map((line, index) => [line.id, fromMinorUnits(after[index] as bigint, digits)]),
    ),
    final: after.every((value, index) => value === nets[index]),
    depositApplied: fromMinorUnits(depositApplied, digits),
    retained: fromMinorUnits(retained, digits),
    amountDue: fromMinorUnits(total - depositApplied - retained, digits),
    depositLeft: fromMinorUnits(depositLeft - depositApplied, digits),
  };
}
