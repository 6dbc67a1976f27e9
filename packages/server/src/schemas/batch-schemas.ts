import { z } from "@hono/zod-openapi";
import {
  invoiceMoveResultSchema,
  problemSchema,
  workOrderMoveResultSchema,
} from "./response-schemas";

/**
 * A batch's answer: one item per id, in order, with what became of it. A refused item carries its
 * error as problem details (the same body a single call's refusal has), so a client shows both
 * the same way; the batch itself answers 200 even when every item was refused.
 */
function batchResultSchema<Result extends z.ZodType>(result: Result, name: string) {
  const item = z.discriminatedUnion("status", [
    z.object({ id: z.string(), status: z.literal("done"), result }),
    z.object({
      id: z.string(),
      status: z.literal("skipped"),
      reason: z.enum(["already_done_in_batch", "already_done"]),
      result: result.optional(),
    }),
    z.object({ id: z.string(), status: z.literal("refused"), error: problemSchema }),
  ]);
  return z
    .object({
      batchKey: z.string(),
      items: z.array(item),
      counts: z.object({
        done: z.number().int(),
        skipped: z.number().int(),
        refused: z.number().int(),
      }),
    })
    .openapi(`${name}BatchResult`);
}

export const workOrderBatchResultSchema = batchResultSchema(workOrderMoveResultSchema, "WorkOrder");
export const invoiceBatchResultSchema = batchResultSchema(invoiceMoveResultSchema, "Invoice");
