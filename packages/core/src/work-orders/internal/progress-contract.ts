import { calculateInvoice } from "../../calculation/calculate-invoice";
import type { CalculatedLine } from "../../calculation/invoice-calculation";
import { draftInvoiceFromWorkOrder } from "../draft-invoice-from-work-order";
import type { WorkOrder } from "../work-order";

/** One line of a work order's contract: what progress billing shares out over the stages. */
export type ProgressContractLine = {
  id: string;
  /** The invoice line kind the stage's line gets (a fee becomes an `other` line). */
  kind: "labor" | "material" | "service" | "other";
  description: string;
  /** The line's net: after its discounts, before any added tax (as `calculateInvoice` says). */
  net: string;
  taxRateIds: string[];
};

const lineKind = (kind: CalculatedLine["kind"]): ProgressContractLine["kind"] =>
  kind === "labor" || kind === "material" || kind === "service" ? kind : "other";

/**
 * The contract of a work order billed in stages: each line of its invoice draft (labor,
 * materials, services, and its fees, so the stages together bill all of it) with its net amount.
 * Lines of 0 are left out: no stage could bill them.
 */
export function progressContractOf(workOrder: WorkOrder): ProgressContractLine[] {
  const draft = draftInvoiceFromWorkOrder(workOrder);
  const taxRateIds = new Map<string, string[]>([
    ...draft.lines.map((line): [string, string[]] => [line.id ?? "", line.taxRateIds ?? []]),
    ...draft.fees.map((fee): [string, string[]] => [fee.id, fee.taxRateIds]),
  ]);
  return calculateInvoice(draft)
    .lines.filter((line) => !/^-?0(\.0+)?$/.test(line.net))
    .map((line) => ({
      id: line.id,
      kind: lineKind(line.kind),
      description: line.description,
      net: line.net,
      taxRateIds: [...(taxRateIds.get(line.id) ?? [])],
    }));
}
