import type { z } from "zod";
import { ValidationError, type ValidationIssue } from "../../errors/validation-error";
import type { StoredTaxRate, WorkOrder } from "../work-order";
import type { workOrderInputSchema } from "../work-order-input-schema";

type Parsed = z.output<typeof workOrderInputSchema>;
type Parts = Pick<WorkOrder, "labor" | "materials" | "services" | "fees">;

/**
 * Gives every entry an id (`labor-1`, `material-1`, … by position) and checks what the schema
 * cannot: ids unique across entries (they become invoice line and fee ids), tax rates known.
 */
export function workOrderParts(
  input: Pick<Parsed, "labor" | "materials" | "services" | "fees">,
  taxRates: StoredTaxRate[],
): Parts {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const rateIds = new Set(taxRates.map((rate) => rate.id));
  const claim = <T extends { id?: string | undefined; taxRateIds: string[] }>(
    entries: T[],
    kind: string,
    path: string,
  ) =>
    entries.map((entry, index) => {
      const id = entry.id ?? `${kind}-${index + 1}`;
      if (seen.has(id))
        issues.push({
          path: `${path}[${index}].id`,
          message: `id "${id}" is already used by another entry`,
        });
      seen.add(id);
      entry.taxRateIds.forEach((rateId, position) => {
        if (!rateIds.has(rateId))
          issues.push({
            path: `${path}[${index}].taxRateIds[${position}]`,
            message: `no tax rate has id "${rateId}"`,
          });
      });
      return { ...entry, id };
    });
  const parts: Parts = {
    labor: claim(input.labor, "labor", "labor"),
    materials: claim(input.materials, "material", "materials"),
    services: claim(input.services, "service", "services"),
    fees: claim(input.fees, "fee", "fees"),
  };
  if (issues.length > 0) throw new ValidationError({ issues });
  return parts;
}
