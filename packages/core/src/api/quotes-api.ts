import { convertQuoteToWorkOrder, sweepExpiredQuotes } from "../quotes/moves/convert-quote";
import { createQuote, reviseQuote } from "../quotes/moves/create-quote";
import {
  approveQuote,
  declineQuote,
  recordDeposit,
  refundDeposit,
  sendQuote,
} from "../quotes/moves/quote-moves";
import { getQuote, getQuoteByPublicToken, listQuotes } from "../quotes/reads/read-quotes";
import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";

/** `remit.quotes`: offers before the work. Moves return `{ quote, events }`. */
export function createQuotesApi(deps: RemitDependencies) {
  return {
    ...bindCalls(deps, {
      create: createQuote,
      revise: reviseQuote,
      send: sendQuote,
      approve: approveQuote,
      decline: declineQuote,
      recordDeposit,
      refundDeposit,
      convertToWorkOrder: convertQuoteToWorkOrder,
      sweepExpired: sweepExpiredQuotes,
      get: getQuote,
      list: listQuotes,
    }),
    // Without a context, as `invoices.getByPublicToken`: the customer's link carries no tenant.
    getByPublicToken: (input: { token: string }) => getQuoteByPublicToken(deps, input),
  };
}
