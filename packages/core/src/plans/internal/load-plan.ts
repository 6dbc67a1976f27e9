import { ConcurrencyError } from "../../errors/concurrency-error";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { NotFoundError } from "../../errors/not-found-error";
import { NotSupportedError } from "../../errors/not-supported-error";
import type { PlanCollection, PlanOccurrenceCollection } from "../../ports/store/index";
import type { StoreTransaction } from "../../ports/store/store-transaction";
import type { MoveScope } from "../../service/internal/run-move";
import type { PlanStatus, ServicePlan } from "../service-plan";

/** The store's plan collections; `not_supported` on a store written before plans. */
export function planCollectionsOf(transaction: StoreTransaction): {
  plans: PlanCollection;
  occurrences: PlanOccurrenceCollection;
} {
  const { plans, planOccurrences } = transaction;
  if (!plans || !planOccurrences) throw new NotSupportedError({ feature: "recurring plans" });
  return { plans, occurrences: planOccurrences };
}

/** Reads a plan for a move (held until the transaction ends) and checks version and status. */
export async function loadPlanForMove(
  scope: MoveScope,
  input: { id: string; expectedVersion?: number | undefined },
  move: string,
  allowedFrom: readonly PlanStatus[],
): Promise<ServicePlan> {
  const { plans } = planCollectionsOf(scope.transaction);
  const plan = await plans.get({ id: input.id, forUpdate: true });
  if (!plan) throw new NotFoundError({ resource: "plan", id: input.id });
  if (input.expectedVersion !== undefined && input.expectedVersion !== plan.version) {
    throw new ConcurrencyError({
      expectedVersion: input.expectedVersion,
      actualVersion: plan.version,
    });
  }
  if (!allowedFrom.includes(plan.status))
    throw new InvalidTransitionError({ status: plan.status, move });
  return plan;
}

/** Writes a plan one version up and appends `plan.<event>` with its status after the move. */
export async function savePlan(
  scope: MoveScope,
  previous: ServicePlan,
  next: ServicePlan,
  event: string,
  data: Record<string, unknown> = {},
): Promise<ServicePlan> {
  const saved: ServicePlan = { ...next, version: previous.version + 1, updatedAt: scope.now };
  await planCollectionsOf(scope.transaction).plans.update({
    record: saved,
    expectedVersion: previous.version,
  });
  scope.emit(`plan.${event}`, planSubject(saved), {
    ...data,
    status: saved.status,
    previousStatus: previous.status,
    nextOccurrenceOn: saved.nextOccurrenceOn,
  });
  return saved;
}

export const planSubject = (plan: ServicePlan) =>
  ({ type: "plan", id: plan.id, version: plan.version }) as const;
