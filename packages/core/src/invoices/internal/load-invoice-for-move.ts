import { ConcurrencyError } from "../../errors/concurrency-error";
import { InvalidTransitionError } from "../../errors/invalid-transition-error";
import { NotFoundError } from "../../errors/not-found-error";
import type { MoveScope } from "../../service/internal/run-move";
import type { Invoice } from "../invoice";
import type { InvoiceStatus } from "../invoice-status";

/**
 * Reads an invoice for a move, holding it until the transaction ends, and checks the caller's
 * `expectedVersion` and that the move is allowed from its status.
 */
export async function loadInvoiceForMove(
  scope: MoveScope,
  input: { id: string; expectedVersion?: number | undefined },
  move: string,
  allowedFrom: readonly InvoiceStatus[],
): Promise<Invoice> {
  const invoice = await scope.transaction.invoices.get({ id: input.id, forUpdate: true });
  if (!invoice) throw new NotFoundError({ resource: "invoice", id: input.id });
  if (input.expectedVersion !== undefined && input.expectedVersion !== invoice.version) {
    throw new ConcurrencyError({
      expectedVersion: input.expectedVersion,
      actualVersion: invoice.version,
    });
  }
  assertMoveAllowed(invoice, move, allowedFrom);
  return invoice;
}

/** Throws `invalid_transition` unless `move` is allowed from the invoice's status. */
export function assertMoveAllowed(
  invoice: Invoice,
  move: string,
  allowedFrom: readonly InvoiceStatus[],
): void {
  if (!allowedFrom.includes(invoice.status)) {
    throw new InvalidTransitionError({ status: invoice.status, move });
  }
}

/** Writes the next state of an invoice: one version up, stamped with the move's instant. */
export async function saveInvoice(
  scope: MoveScope,
  previous: Invoice,
  next: Invoice,
): Promise<Invoice> {
  const saved: Invoice = { ...next, version: previous.version + 1, updatedAt: scope.now };
  await scope.transaction.invoices.update({ record: saved, expectedVersion: previous.version });
  return saved;
}

/**
 * Writes the next state of an invoice that this move created and has not inserted yet: the same
 * record `saveInvoice` would write, one version up, inserted instead of updated.
 */
export async function insertInvoice(
  scope: MoveScope,
  previous: Invoice,
  next: Invoice,
): Promise<Invoice> {
  const saved: Invoice = { ...next, version: previous.version + 1, updatedAt: scope.now };
  await scope.transaction.invoices.insert({ record: saved });
  return saved;
}
