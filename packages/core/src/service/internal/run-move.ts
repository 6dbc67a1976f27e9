import { IdempotencyError } from "../../errors/idempotency-error";
import { IdempotencyKeyTakenError } from "../../errors/idempotency-key-taken-error";
import { OutcomeUnknownError } from "../../errors/outcome-unknown-error";
import { ValidationError } from "../../errors/validation-error";
import type { RemitEvent } from "../../events/remit-event";
import { fingerprint } from "../../internal/fingerprint";
import { defaultTenant } from "../../tenants/default-tenant";
import { parseWithSchema } from "../../validation/to-validation-error";
import { type Actor, type Context, contextSchema } from "../actor";
import type { MoveScope, RemitDependencies } from "../remit-dependencies";
import { markReplayed } from "../replayed-result";

export type { MoveScope } from "../remit-dependencies";

export type MoveOptions = {
  /** The move's name as the docs write it (`"issue"`), for fingerprints and errors. */
  move: string;
  /** Who may make this move; any other actor is a validation error. */
  actors: readonly Actor["type"][];
  idempotencyKey?: string;
  /** The move's arguments, fingerprinted with its idempotency key. */
  args: unknown;
};

/** Reads and checks the context every call takes. */
export function parseContext(context: unknown): Context {
  return parseWithSchema(contextSchema, context);
}

/**
 * Runs one move in one store transaction: idempotency (a repeat returns the first result and
 * appends nothing; other arguments are `idempotency_conflict`), the move's body, and its events
 * appended with their outbox jobs in the same transaction.
 */
export async function runMove<Result extends object>(
  deps: RemitDependencies,
  rawContext: unknown,
  options: MoveOptions,
  body: (scope: MoveScope) => Promise<Result>,
): Promise<Result & { events: RemitEvent[] }> {
  const context = parseContext(rawContext);
  if (!options.actors.includes(context.actor.type)) {
    throw new ValidationError({
      issues: [
        {
          path: "actor",
          message: `a ${context.actor.type} actor may not ${options.move}; allowed: ${options.actors.join(", ")}`,
        },
      ],
    });
  }
  const key = options.idempotencyKey;
  const requestFingerprint =
    key === undefined ? undefined : await fingerprint(options.move, options.args);

  // Set when this call's transaction appended events (not when a repeat answered from its record).
  let appended: RemitEvent[] | undefined;
  // The first attempt takes the key straight away (a key is new far more often than not); when
  // it is taken, the repeat reads the first call's result instead.
  const attempt = (keyTaken: boolean) =>
    deps.store.transaction({
      tenantId: context.tenantId,
      work: async (transaction) => {
        if (key !== undefined && keyTaken) {
          const stored = await transaction.idempotency.get({ key });
          if (stored) {
            if (stored.fingerprint !== requestFingerprint)
              throw new IdempotencyError({ idempotencyKey: key });
            return markReplayed(stored.result as Result & { events: RemitEvent[] });
          }
        }
        const now = deps.clock.now();
        // Take the key before anything else: a concurrent repeat waits here for this transaction
        // and then answers with its result, instead of racing it for the record's lock.
        if (key !== undefined && requestFingerprint !== undefined) {
          await transaction.idempotency.put({
            record: {
              tenantId: context.tenantId,
              key,
              fingerprint: requestFingerprint,
              result: null,
              createdAt: now,
            },
          });
        }
        const tenant = (await transaction.tenants.get()) ?? defaultTenant(context.tenantId, now);
        const events: RemitEvent[] = [];
        const scope: MoveScope = {
          deps,
          transaction,
          context,
          tenant,
          now,
          events,
          emit(type, subject, data) {
            const event: RemitEvent = {
              id: deps.ids.newId("evt"),
              type,
              specVersion: 1,
              tenantId: context.tenantId,
              subject,
              occurredAt: now,
              actor: context.actor,
              data,
            };
            events.push(event);
            return event;
          },
        };
        const result = { ...(await body(scope)), events };
        if (key !== undefined) await transaction.idempotency.complete({ key, result });
        // Last, just before COMMIT: a store may hold the tenant's feed position from here to the
        // commit (see EventCollection.append), so nothing else runs while it is held.
        if (events.length > 0) await transaction.events.append({ events, runAt: now });
        appended = events;
        return result;
      },
    });

  // Lost at commit: whether the move was saved is unknown. A repeat is safe with a key (it
  // answers with the first result if there was one), and only then.
  const outcomeUnknown = (error: unknown) =>
    OutcomeUnknownError.isInstance(error)
      ? new OutcomeUnknownError({
          retryable: key !== undefined,
          message:
            key !== undefined
              ? `The connection was lost while saving ${options.move}: it may or may not have been saved. Retry with the same idempotencyKey ("${key}"); the repeat answers with the first result if it was`
              : `The connection was lost while saving ${options.move}: it may or may not have been saved. Read the record before trying again; a retry without an idempotencyKey could apply it twice`,
          cause: error,
        })
      : error;
  const committed = <T>(result: T): T => {
    // Told after COMMIT and before the caller hears back, so a cache cleared here never outlives
    // the change in this process (the hosted page's cache, `remit.events.onCommit`).
    if (appended && appended.length > 0) deps.handlers.committed(context.tenantId, appended);
    return result;
  };
  try {
    return committed(await attempt(false));
  } catch (error) {
    // The key was taken, by an earlier request or a concurrent one that committed first: answer
    // from its stored result.
    if (!IdempotencyKeyTakenError.isInstance(error)) throw outcomeUnknown(error);
    appended = undefined;
    try {
      return committed(await attempt(true));
    } catch (again) {
      throw outcomeUnknown(again);
    }
  }
}
