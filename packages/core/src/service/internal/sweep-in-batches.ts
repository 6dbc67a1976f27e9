import type { RemitDependencies } from "../remit-dependencies";
import type { MoveScope } from "./run-move";
import { runMove } from "./run-move";

/**
 * Runs a sweep (past due, quote expiry) one batch per transaction: `batch` lists up to `batchSize`
 * candidates after the last id seen, moves the ones that still qualify, and says how many it
 * moved. A long sweep never holds one huge transaction, and a second run moves nothing.
 */
export async function sweepInBatches(
  deps: RemitDependencies,
  context: unknown,
  options: { move: string; args: unknown; batchSize: number },
  batch: (scope: MoveScope, after: string | undefined) => Promise<{ ids: string[]; moved: number }>,
): Promise<{ moved: number }> {
  let after: string | undefined;
  let moved = 0;
  for (;;) {
    const result = await runMove(
      deps,
      context,
      { move: options.move, actors: ["system", "user"], args: options.args },
      (scope) => batch(scope, after),
    );
    moved += result.moved;
    const last = result.ids.at(-1);
    if (result.ids.length < options.batchSize || last === undefined) return { moved };
    after = last;
  }
}
