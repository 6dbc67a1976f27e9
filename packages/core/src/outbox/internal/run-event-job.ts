import type { EventHandlerRegistry, RegisteredHandler } from "../../events/event-handlers";
import type { RemitEvent } from "../../events/remit-event";
import type { OutboxJob } from "../outbox-job";

/** What running one job came to: done, or failed with progress to keep for the retry. */
export type JobOutcome =
  | { ok: true }
  | { ok: false; error: string; state?: Record<string, unknown>; retryable: boolean };

/**
 * Hands one event to every handler registered for its type. Handlers that already succeeded on
 * an earlier try (by name, kept in the job's state) are skipped, so a retry runs only the ones
 * that failed.
 */
export async function runEventJob(
  job: OutboxJob,
  registry: EventHandlerRegistry,
  extraHandlers: readonly RegisteredHandler[],
): Promise<JobOutcome> {
  const event = job.payload.event as RemitEvent;
  const done = new Set<string>(Array.isArray(job.state.done) ? (job.state.done as string[]) : []);
  const handlers = [
    ...registry.handlersFor(event.type),
    ...extraHandlers.filter((handler) => handler.type === "*" || handler.type === event.type),
  ];
  const failures: string[] = [];
  for (const handler of handlers) {
    if (done.has(handler.name)) continue;
    try {
      await handler.handle(event);
      done.add(handler.name);
    } catch (error) {
      failures.push(`${handler.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length === 0) return { ok: true };
  return { ok: false, error: failures.join("; "), state: { done: [...done] }, retryable: true };
}
