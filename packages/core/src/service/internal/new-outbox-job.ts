import type { OutboxJob } from "../../outbox/outbox-job";
import type { MoveScope } from "./run-move";

/** Adds a timed job for the outbox worker inside a move's transaction. */
export async function insertOutboxJob(
  scope: MoveScope,
  job: { kind: OutboxJob["kind"]; runAt: string; payload: Record<string, unknown> },
): Promise<OutboxJob> {
  const row: OutboxJob = {
    tenantId: scope.context.tenantId,
    id: scope.deps.ids.newId("job"),
    kind: job.kind,
    runAt: job.runAt,
    status: "pending",
    attempts: 0,
    payload: job.payload,
    state: {},
    lockedBy: null,
    lockedUntil: null,
    lastError: null,
    createdAt: scope.now,
    updatedAt: scope.now,
  };
  await scope.transaction.jobs.insert({ record: row });
  return row;
}
