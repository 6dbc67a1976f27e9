import { ConcurrencyError } from "../../errors/concurrency-error";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { NotFoundError } from "../../errors/not-found-error";
import type { RemitEvent } from "../../events/remit-event";
import type { MoveScope } from "../../service/internal/run-move";
import type { Quote, QuoteStatus } from "../quote";

/** Reads a quote for a move (held until the transaction ends) and checks version and status. */
export async function loadQuoteForMove(
  scope: MoveScope,
  input: { id: string; expectedVersion?: number | undefined },
  move: string,
  allowedFrom: readonly QuoteStatus[],
): Promise<Quote> {
  const quote = await scope.transaction.quotes.get({ id: input.id, forUpdate: true });
  if (!quote) throw new NotFoundError({ resource: "quote", id: input.id });
  if (input.expectedVersion !== undefined && input.expectedVersion !== quote.version) {
    throw new ConcurrencyError({
      expectedVersion: input.expectedVersion,
      actualVersion: quote.version,
    });
  }
  if (!allowedFrom.includes(quote.status))
    throw new InvalidTransitionError({ status: quote.status, move });
  return quote;
}

/** Writes a quote one version up and appends `quote.<event>`. */
export async function saveQuote(
  scope: MoveScope,
  previous: Quote,
  next: Quote,
  event: string,
  data: Record<string, unknown> = {},
): Promise<Quote> {
  return (await saveQuoteWithEvent(scope, previous, next, event, data)).quote;
}

/** {@link saveQuote}, answering the event too (for moves that add to its data). */
export async function saveQuoteWithEvent(
  scope: MoveScope,
  previous: Quote,
  next: Quote,
  event: string,
  data: Record<string, unknown> = {},
): Promise<{ quote: Quote; event: RemitEvent }> {
  const saved: Quote = { ...next, version: previous.version + 1, updatedAt: scope.now };
  await scope.transaction.quotes.update({ record: saved, expectedVersion: previous.version });
  const emitted = scope.emit(
    `quote.${event}`,
    { type: "quote", id: saved.id, version: saved.version },
    {
      ...data,
      status: saved.status,
      previousStatus: previous.status,
      total: saved.totals.total,
      depositHeld: saved.depositHeld,
    },
  );
  return { quote: saved, event: emitted };
}
