import type { z } from "zod";
import type { StoreTransaction } from "../../ports/store/index";
import { parseWithSchema } from "../../validation/to-validation-error";
import type { Context } from "../actor";
import type { RemitDependencies } from "../remit-dependencies";
import type { ServiceCall } from "./define-move";
import { parseContext } from "./run-move";

/** What a read's body works with: one transaction of the caller's tenant. */
export type ReadScope = {
  readonly deps: RemitDependencies;
  readonly transaction: StoreTransaction;
  readonly context: Context;
};

/**
 * Declares a read: the zod schema of its input and its body, run in one store transaction of the
 * context's tenant (a `singleStatement` read maybe in none: one statement sees one moment). Reads
 * append no events and take no idempotency key.
 */
export function defineRead<Schema extends z.ZodType, Result>(
  definition: {
    input: Schema;
    /** The body makes one read at most: the store may skip the transaction around it. */
    singleStatement?: boolean;
  },
  body: (scope: ReadScope, input: z.output<Schema>) => Promise<Result>,
): ServiceCall<z.input<Schema>, Result> {
  return async (deps, rawContext, rawInput) => {
    const context = parseContext(rawContext);
    const input = parseWithSchema(definition.input, rawInput);
    return deps.store.transaction({
      tenantId: context.tenantId,
      readOnly: true,
      ...(definition.singleStatement ? { singleStatement: true } : {}),
      work: (transaction) => body({ deps, transaction, context }, input),
    });
  };
}
