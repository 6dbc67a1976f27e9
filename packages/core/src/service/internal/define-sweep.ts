import type { z } from "zod";
import { parseWithSchema } from "../../validation/to-validation-error";
import type { ServiceCall } from "./define-move";
import type { MoveScope } from "./run-move";
import { runMove } from "./run-move";

/**
 * Declares a sweep (past due, quote expiry), run one batch per transaction: `batch` lists up to
 * `batchSize` candidates after the last id seen, moves the ones that still qualify, and says which
 * it looked at and how many it moved. A long sweep never holds one huge transaction, and a second
 * run moves nothing. System and user actors may sweep.
 */
export function defineSweep<Schema extends z.ZodType>(
  definition: { move: string; input: Schema; batchSize: (input: z.output<Schema>) => number },
  batch: (
    scope: MoveScope,
    input: z.output<Schema>,
    after: string | undefined,
  ) => Promise<{ ids: string[]; moved: number }>,
): ServiceCall<z.input<Schema> | undefined, { moved: number }> {
  return async (deps, context, rawInput) => {
    const input = parseWithSchema(definition.input, rawInput);
    const batchSize = definition.batchSize(input);
    let after: string | undefined;
    let moved = 0;
    for (;;) {
      const result = await runMove(
        deps,
        context,
        { move: definition.move, actors: ["system", "user"], args: input },
        (scope) => batch(scope, input, after),
      );
      moved += result.moved;
      const last = result.ids.at(-1);
      if (result.ids.length < batchSize || last === undefined) return { moved };
      after = last;
    }
  };
}
