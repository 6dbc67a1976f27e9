import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import { NotSupportedError } from "../../errors/not-supported-error";
import type { Delivery } from "../../invoices/delivery";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import type { Payment } from "../../invoices/payment";
import type { Page } from "../../ports/store/index";
import { defineRead } from "../../service/internal/define-read";
import type { RemitDependencies } from "../../service/remit-dependencies";
import { textSchema } from "../../validation/text-schema";
import { parseWithSchema } from "../../validation/to-validation-error";
import type { Quote } from "../quote";

const statuses = ["draft", "sent", "approved", "declined", "expired"] as const;

/** @group Quotes */
export const listQuotesInputSchema = z.object({
  status: z.union([z.enum(statuses), z.array(z.enum(statuses)).min(1)]).optional(),
  customerId: recordIdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: textSchema.min(1).max(200).optional(),
});

/** @group Quotes @interface */
export type ListQuotesInput = z.input<typeof listQuotesInputSchema>;

/**
 * `remit.quotes.get`: a quote with its deposits and the messages that sent it (none from a store
 * written before 0.3.0, which cannot list a quote's deliveries).
 */
export const getQuote = defineRead(
  { input: z.object({ id: recordIdSchema }) },
  async (
    { transaction },
    { id },
  ): Promise<{ quote: Quote; deposits: Payment[]; deliveries: Delivery[] }> => {
    const quote = await transaction.quotes.get({ id });
    if (!quote) throw new NotFoundError({ resource: "quote", id });
    const [deposits, deliveries] = await Promise.all([
      transaction.payments.listByQuote({ quoteId: id }),
      transaction.deliveries.listByQuote?.({ quoteId: id }) ?? [],
    ]);
    return { quote, deposits, deliveries };
  },
);

/** `remit.quotes.list`: newest first, by status and customer, one page at a time. */
export const listQuotes = defineRead(
  { input: listQuotesInputSchema.prefault({}) },
  async ({ transaction }, { status, customerId, limit, cursor }): Promise<Page<Quote>> => {
    const filter = {
      ...(status ? { status: Array.isArray(status) ? status : [status] } : {}),
      ...(customerId ? { customerId } : {}),
    };
    return transaction.quotes.list({ filter, limit, ...(cursor ? { cursor } : {}) });
  },
);

// The same bounds as an invoice's token: the hosted page asks on every view.
const publicTokenInputSchema = z.object({ token: textSchema.min(16).max(128) });

/**
 * `remit.quotes.getByPublicToken`: the quote behind a customer's hosted-page link (`/q/<token>`).
 * Only sent quotes have a token; nothing else about the tenant is reachable through it. Throws
 * `NotFoundError` for an unknown token, `NotSupportedError` on a store written before quote tokens.
 *
 * @example
 * ```ts
 * const quote = await remit.quotes.getByPublicToken({ token });
 * ```
 * @since 0.3.0
 */
export async function getQuoteByPublicToken(
  deps: RemitDependencies,
  rawInput: { token: string },
): Promise<Quote> {
  const { token } = parseWithSchema(publicTokenInputSchema, rawInput);
  if (!deps.store.findQuoteByPublicToken) {
    throw new NotSupportedError({ feature: "quote public tokens (since 0.3.0)" });
  }
  const quote = await deps.store.findQuoteByPublicToken({ token });
  if (!quote) throw new NotFoundError({ resource: "quote", id: "(public token)" });
  return quote;
}
