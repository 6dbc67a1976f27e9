import { z } from "zod";
import type { RemitEvent } from "../../events/remit-event";
import { parseWithSchema } from "../../validation/to-validation-error";
import type { Actor, Context } from "../actor";
import type { RemitDependencies } from "../remit-dependencies";
import { type MoveScope, runMove } from "./run-move";

/** What every declared move and read is: a function of the ports, the context and one input. */
export type ServiceCall<Input, Output> = (
  deps: RemitDependencies,
  context: Context,
  input: Input,
) => Promise<Output>;

/**
 * An input schema for a move whose input can only be checked inside its transaction (an invoice's
 * taxes default to the tenant's, a customer must exist): it accepts anything and types it as
 * `Input`, and the body validates it, reporting every bad field at once.
 */
export function checkedInBody<Input>() {
  return z.custom<Input>(() => true);
}

/**
 * Declares a move: who may make it, the zod schema of its input, and its body. The result reads
 * the input (a `ValidationError` naming each bad field), then runs the body in one store
 * transaction with the input's `idempotencyKey`, and returns the body's result with its events.
 * The body also gets the input as given, for moves that change only the fields sent.
 * `output` shapes what the caller gets (a customer rather than `{ customer, events }`); the
 * idempotency record keeps the whole result, so a repeat answers the same.
 */
export function defineMove<
  Schema extends z.ZodType,
  Result extends object,
  Output = Result & { events: RemitEvent[] },
>(
  definition: {
    move: string;
    actors: readonly Actor["type"][];
    input: Schema;
  },
  body: (scope: MoveScope, input: z.output<Schema>, given: z.input<Schema>) => Promise<Result>,
  output?: (result: Result & { events: RemitEvent[] }) => Output,
): ServiceCall<z.input<Schema>, Output> {
  return async (deps, context, rawInput) => {
    const input = parseWithSchema(definition.input, rawInput);
    const key = (input as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
    const result = await runMove(
      deps,
      context,
      {
        move: definition.move,
        actors: definition.actors,
        idempotencyKey: typeof key === "string" ? key : undefined,
        args: input,
      },
      (scope) => body(scope, input, rawInput),
    );
    return output ? output(result) : (result as Output);
  };
}
