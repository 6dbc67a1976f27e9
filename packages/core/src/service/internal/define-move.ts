import type { z } from "zod";
import type { Actor } from "../../events/actor";
import { parseWithSchema } from "../../validation/to-validation-error";
import type { RemitDependencies } from "../remit-dependencies";
import { type MoveScope, runMove } from "./run-move";

/**
 * Declares a move: who may make it, the zod schema of its input, and its body. The result reads
 * the input (a `ValidationError` naming each bad field), then runs the body in one store
 * transaction with the input's `idempotencyKey`, and returns the body's result with its events.
 */
export function defineMove<
  Schema extends z.ZodType<{ idempotencyKey?: string | undefined }>,
  Result extends object,
>(
  definition: { move: string; actors: readonly Actor["type"][]; input: Schema },
  body: (scope: MoveScope, input: z.output<Schema>) => Promise<Result>,
) {
  return async (deps: RemitDependencies, context: unknown, rawInput: z.input<Schema>) => {
    const input = parseWithSchema(definition.input, rawInput);
    return runMove(
      deps,
      context,
      {
        move: definition.move,
        actors: definition.actors,
        idempotencyKey: input.idempotencyKey,
        args: input,
      },
      (scope) => body(scope, input),
    );
  };
}

type MoveFunction = (deps: RemitDependencies, context: unknown, input: never) => Promise<unknown>;

/** The service's face of moves: each bound to the ports, taking `(context, input)`. */
export type BoundMoves<Moves extends Record<string, MoveFunction>> = {
  [Name in keyof Moves]: (
    context: unknown,
    input: Parameters<Moves[Name]>[2],
  ) => ReturnType<Moves[Name]>;
};

/** Binds moves to the service's ports, as `remit.invoices`, `remit.quotes`, … expose them. */
export function bindMoves<Moves extends Record<string, MoveFunction>>(
  deps: RemitDependencies,
  moves: Moves,
): BoundMoves<Moves> {
  return Object.fromEntries(
    Object.entries(moves).map(([name, move]) => [
      name,
      (context: unknown, input: never) => move(deps, context, input),
    ]),
  ) as BoundMoves<Moves>;
}
