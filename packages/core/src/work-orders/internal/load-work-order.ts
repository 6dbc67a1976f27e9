import { ConcurrencyError } from "../../errors/concurrency-error";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { NotFoundError } from "../../errors/not-found-error";
import type { MoveScope } from "../../service/internal/run-move";
import type { WorkOrder, WorkOrderStatus } from "../work-order";

/** Reads a work order for a move (held until the transaction ends) and checks version and status. */
export async function loadWorkOrderForMove(
  scope: MoveScope,
  input: { id: string; expectedVersion?: number | undefined },
  move: string,
  allowedFrom: readonly WorkOrderStatus[],
): Promise<WorkOrder> {
  const workOrder = await scope.transaction.workOrders.get({ id: input.id, forUpdate: true });
  if (!workOrder) throw new NotFoundError({ resource: "work order", id: input.id });
  if (input.expectedVersion !== undefined && input.expectedVersion !== workOrder.version) {
    throw new ConcurrencyError({
      expectedVersion: input.expectedVersion,
      actualVersion: workOrder.version,
    });
  }
  if (!allowedFrom.includes(workOrder.status))
    throw new InvalidTransitionError({ status: workOrder.status, move });
  return workOrder;
}

/** Writes a work order one version up and appends `work_order.<event>`. */
export async function saveWorkOrder(
  scope: MoveScope,
  previous: WorkOrder,
  next: WorkOrder,
  event: string,
  data: Record<string, unknown> = {},
): Promise<WorkOrder> {
  const saved: WorkOrder = { ...next, version: previous.version + 1, updatedAt: scope.now };
  await scope.transaction.workOrders.update({ record: saved, expectedVersion: previous.version });
  scope.emit(
    `work_order.${event}`,
    { type: "work_order", id: saved.id, version: saved.version },
    {
      ...data,
      status: saved.status,
      previousStatus: previous.status,
    },
  );
  return saved;
}
