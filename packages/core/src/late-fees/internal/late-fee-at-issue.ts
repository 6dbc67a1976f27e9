import type { InvoiceLateFee } from "../../invoices/invoice";
import { requireCollection } from "../../service/internal/require-collection";
import type { MoveScope } from "../../service/internal/run-move";

/**
 * The late fee an invoice takes at issue: the tenant's rule in force, no period charged yet; `null`
 * when the tenant has none. A store written before late fees could not keep the rule, so issuing
 * under one there is `not_supported` rather than an invoice that silently never gets its fees.
 */
export function lateFeeAtIssue(scope: MoveScope): InvoiceLateFee | null {
  const rule = scope.tenant.lateFees;
  if (rule === undefined) return null;
  requireCollection(
    scope.transaction.invoices.listLateFeeCandidates,
    "late fees (invoices.listLateFeeCandidates)",
  );
  return { rule, periodsCharged: 0 };
}
