import type { z } from "zod";
import { ValidationError } from "../errors/validation-error";
import type { Actor } from "../service/actor";
import type { ServiceCall } from "../service/internal/define-move";
import { parseContext } from "../service/internal/run-move";
import { parseWithSchema } from "../validation/to-validation-error";
import type { BatchResult } from "./batch-result";
import { type BatchPlan, runBatch } from "./run-batch";

type BatchFields = {
  ids: string[];
  batchKey: string;
  concurrency: number;
  onProgress?: BatchPlan<never>["onProgress"];
};

/**
 * Declares a batch call over a single move: the whole input and the context are checked once, up
 * front (a bad batch is one `ValidationError`, with paths such as `ids[3]`, and does nothing),
 * then `runBatch` does each item through `single`.
 */
export function defineBatch<Schema extends z.ZodType<BatchFields>, Result extends object>(
  definition: {
    move: string;
    actors: readonly Actor["type"][];
    input: Schema;
    alreadyDone?: BatchPlan<Result>["alreadyDone"];
  },
  single: (
    deps: Parameters<ServiceCall<unknown, unknown>>[0],
    context: Parameters<ServiceCall<unknown, unknown>>[1],
    input: z.output<Schema>,
    item: { id: string; idempotencyKey: string },
  ) => Promise<Result>,
): ServiceCall<z.input<Schema>, BatchResult<Result>> {
  return async (deps, rawContext, rawInput) => {
    const context = parseContext(rawContext);
    if (!definition.actors.includes(context.actor.type)) {
      throw new ValidationError({
        issues: [
          {
            path: "actor",
            message: `a ${context.actor.type} actor may not ${definition.move}; allowed: ${definition.actors.join(", ")}`,
          },
        ],
      });
    }
    const input = parseWithSchema(definition.input, rawInput);
    return runBatch<Result>({
      move: definition.move,
      ids: input.ids,
      batchKey: input.batchKey,
      concurrency: input.concurrency,
      onProgress: input.onProgress as BatchPlan<Result>["onProgress"],
      run: (id, idempotencyKey) => single(deps, context, input, { id, idempotencyKey }),
      ...(definition.alreadyDone ? { alreadyDone: definition.alreadyDone } : {}),
    });
  };
}
