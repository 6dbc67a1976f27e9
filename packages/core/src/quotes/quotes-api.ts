import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";
import { convertQuoteToWorkOrder, sweepExpiredQuotes } from "./moves/convert-quote";
import { createQuote, reviseQuote } from "./moves/create-quote";
import {
  approveQuote,
  declineQuote,
  recordDeposit,
  refundDeposit,
  sendQuote,
} from "./moves/quote-moves";
import { getQuote, listQuotes } from "./read-quotes";

/** `remit.quotes`: offers before the work. Moves return `{ quote, events }`. */
export function createQuotesApi(deps: RemitDependencies) {
  return bindCalls(deps, {
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
  });
}
