import { z } from "zod";
import { NotFoundError } from "../../errors/not-found-error";
import type { Delivery } from "../../invoices/delivery";
import { recordIdSchema } from "../../invoices/internal/move-input-fields";
import type { Payment } from "../../invoices/payment";
import type { Page } from "../../ports/store/index";
import { defineRead } from "../../service/internal/define-read";
import { textSchema } from "../../validation/text-schema";
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
