import { runMove } from "../../service/internal/run-move";
import type { RemitDependencies } from "../../service/remit-dependencies";
import { wasReplayed } from "../../service/replayed-result";
import { localDateAt } from "../../tenants/tenant-dates";
import { countLateFeesDue } from "../count-late-fees-due";
import { addLateFee, lateFeeDue } from "./add-late-fee";

/**
 * The late-fee part of the past-due sweep: lists the tenant's `past_due` invoices that carry a
 * rule, a batch at a time, and adds each fee that is due and not charged yet, one transaction per
 * fee under its period's idempotency key (`addLateFee`). Any number of workers may run it at
 * once: each fee is added exactly once. Returns how many fees this call added.
 */
export async function addDueLateFees(
  deps: RemitDependencies,
  context: unknown,
  input: { at?: string | undefined; batchSize: number },
): Promise<number> {
  let after: string | undefined;
  let added = 0;
  for (;;) {
    const batch = await runMove(
      deps,
      context,
      { move: "add late fee", actors: ["system", "user"], args: input },
      async (scope) => {
        const listCandidates = scope.transaction.invoices.listLateFeeCandidates;
        return {
          today: localDateAt(input.at ?? scope.now, scope.tenant.timeZone),
          // A store written before late fees holds no invoice with a rule (issuing under one is
          // refused there), so it has none to charge.
          candidates: listCandidates ? await listCandidates({ after, limit: input.batchSize }) : [],
        };
      },
    );
    for (const candidate of batch.candidates) {
      const { lateFee, dueDate } = candidate;
      if (!lateFee || dueDate === null) continue;
      const due = countLateFeesDue(lateFee.rule, dueDate, batch.today);
      // A sweep that missed days charges every period reached since, oldest first.
      for (let period = lateFee.periodsCharged + 1; period <= due; period++) {
        if (lateFeeDue(candidate, period, batch.today) === null) continue;
        const result = await addLateFee(deps, context, {
          invoiceId: candidate.id,
          period,
          today: batch.today,
        });
        if (result.added && !wasReplayed(result)) added++;
      }
    }
    const last = batch.candidates.at(-1);
    if (batch.candidates.length < input.batchSize || last === undefined) return added;
    after = last.id;
  }
}
