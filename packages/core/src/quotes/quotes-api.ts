import { z } from "zod";
import { NotFoundError } from "../errors/not-found-error";
import { recordIdSchema } from "../invoices/internal/move-input-fields";
import type { Payment } from "../invoices/payment";
import { parseContext } from "../service/internal/run-move";
import type { RemitDependencies } from "../service/remit-dependencies";
import { parseWithSchema } from "../validation/to-validation-error";
import { createQuoteConversions } from "./moves/convert-quote";
import {
  createQuote,
  type QuoteInput,
  type ReviseQuoteInput,
  reviseQuote,
} from "./moves/create-quote";
import { createQuoteMoves } from "./moves/quote-moves";
import type { Quote } from "./quote";

const statuses = ["draft", "sent", "approved", "declined", "expired"] as const;

/** `remit.quotes`: offers before the work. Moves return `{ quote, events }`. */
export function createQuotesApi(deps: RemitDependencies) {
  return {
    create: (context: unknown, input: QuoteInput) => createQuote(deps, context, input),
    revise: (context: unknown, input: ReviseQuoteInput) => reviseQuote(deps, context, input),
    ...createQuoteMoves(deps),
    ...createQuoteConversions(deps),
    /** A quote with its deposits. */
    async get(
      rawContext: unknown,
      rawInput: { id: string },
    ): Promise<{ quote: Quote; deposits: Payment[] }> {
      const context = parseContext(rawContext);
      const { id } = parseWithSchema(z.object({ id: recordIdSchema }), rawInput);
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: async (transaction) => {
          const quote = await transaction.quotes.get({ id });
          if (!quote) throw new NotFoundError({ resource: "quote", id });
          return { quote, deposits: await transaction.payments.listByQuote({ quoteId: id }) };
        },
      });
    },
    async list(
      rawContext: unknown,
      rawInput: {
        status?: Quote["status"] | Quote["status"][];
        customerId?: string;
        limit?: number;
        cursor?: string;
      } = {},
    ) {
      const context = parseContext(rawContext);
      const input = parseWithSchema(
        z.object({
          status: z.union([z.enum(statuses), z.array(z.enum(statuses)).min(1)]).optional(),
          customerId: recordIdSchema.optional(),
          limit: z.number().int().min(1).max(200).default(50),
          cursor: z.string().min(1).max(200).optional(),
        }),
        rawInput,
      );
      const filter = {
        ...(input.status
          ? { status: Array.isArray(input.status) ? input.status : [input.status] }
          : {}),
        ...(input.customerId ? { customerId: input.customerId } : {}),
      };
      return deps.store.transaction({
        tenantId: context.tenantId,
        work: (transaction) =>
          transaction.quotes.list({
            filter,
            limit: input.limit,
            ...(input.cursor ? { cursor: input.cursor } : {}),
          }),
      });
    },
  };
}
