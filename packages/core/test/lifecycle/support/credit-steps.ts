// The property test's moves from issue 19: credit notes, write-offs and customer credit applied
// from one invoice to another. Each predicts the outcome from the model, makes the move, and
// checks it (the runner then checks the whole service, with the money identity).
import { expect } from "vitest";
import { userContext } from "./harness";
import * as model from "./lifecycle-model";
import type { MoveDescriptor } from "./lifecycle-moves";
import { count, type LifecycleRun } from "./lifecycle-runner";

/** The tenant's default credit-note number format (the harness sets none). */
const creditNoteFormat = "CN-{SEQ:4}";

export async function creditNote(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "creditNote" }>,
) {
  const target = run.target(move.target);
  if (!target) return;
  const left = model.netCents(target);
  const amount = move.amount === "rest" ? Math.max(1, left) : move.amount;
  const key = run.keyFor(move.keyed);
  const args = {
    id: target.id,
    amount: model.money(amount),
    reason: "Work not done",
    ...key,
  };
  const call = () => run.remit.invoices.issueCreditNote(userContext, args);
  if (!model.isAllowed(model.allowedFrom.creditNote, target.status)) {
    return run.refused("invalid_transition", call, {
      status: target.status,
      move: "issue credit note",
    });
  }
  // Never more than the total less earlier credit notes.
  if (amount > left) return run.refused("validation_error", call, { path: "amount" });
  const next = { ...target, creditNoteCents: target.creditNoteCents + amount };
  const status = model.settledStatus(next, run.today);
  const paidNow = status === "paid" && target.status !== "paid";
  const events = ["credit_note.issued", "invoice.credited", ...(paidNow ? ["invoice.paid"] : [])];
  const result = await run.succeeded(userContext, target, { status, events }, call);
  const numbering = model.numbering(creditNoteFormat, run.today);
  const sequence = (run.creditNoteSequences.get(numbering.series) ?? 0) + 1;
  expect(result.creditNote).toMatchObject({
    invoiceId: target.id,
    invoiceNumber: target.number,
    number: numbering.numberFor(sequence),
    total: args.amount,
  });
  run.creditNoteSequences.set(numbering.series, sequence);
  target.creditNoteCents = next.creditNoteCents;
  count(`credit note -> ${status}`);
  if (status === "pending_payment" || status === "past_due") count("credit note, still owed");
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.issueCreditNote(userContext, { ...args, reason: "Another reason" }),
  );
}

export async function writeOff(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "writeOff" }>,
) {
  const target = run.target(move.target);
  if (!target) return;
  const key = run.keyFor(move.keyed);
  const args = { id: target.id, reason: "Customer moved away", ...key };
  const call = () => run.remit.invoices.writeOff(userContext, args);
  if (!model.isAllowed(model.allowedFrom.writeOff, target.status))
    return run.refused("invalid_transition", call, { status: target.status, move: "write off" });
  const expected = { status: "uncollectible" as const, events: ["invoice.written_off"] };
  const result = await run.succeeded(userContext, target, expected, call);
  expect(result.invoice.writtenOff).toBe(model.money(model.balances(target).writtenOff));
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.writeOff(userContext, { ...args, reason: "Another reason" }),
  );
}

export async function applyCredit(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "applyCredit" }>,
) {
  const from = run.target(move.from);
  const to = run.target(move.to);
  if (!from || !to) return;
  const key = run.keyFor(move.keyed);
  const fromBalances = model.balances(from);
  const toBalances = model.balances(to);
  const owed = to.status === "uncollectible" ? toBalances.writtenOff : toBalances.amountDue;
  const most = Math.min(fromBalances.credit, owed);
  const amount = move.amount === "most" ? null : move.amount;
  const args = {
    id: from.id,
    toInvoiceId: to.id,
    ...(amount === null ? {} : { amount: model.money(amount) }),
    ...key,
  };
  const call = () => run.remit.invoices.applyCredit(userContext, args);
  const refusal = refusalOfApplyCredit(
    from,
    to,
    { credit: fromBalances.credit, owed, most },
    amount,
  );
  if (refusal) return run.refused(refusal.code, call, refusal.fields);

  const applied = amount ?? most;
  const gave = { ...from, paidCents: from.paidCents - applied };
  const took = { ...to, paidCents: to.paidCents + applied };
  const toStatus = model.settledStatus(took, run.today, true);
  const paidNow = toStatus === "paid" && to.status !== "paid";
  const result = await call();
  expect(result.events.map((event) => event.type)).toEqual([
    "invoice.credit_applied",
    "invoice.credit_received",
    ...(paidNow ? ["invoice.paid"] : []),
  ]);
  // Giving at most its credit leaves the source's status as it was.
  expect(result.invoice).toMatchObject({ status: from.status, version: from.version + 1 });
  expect(result.toInvoice).toMatchObject({ status: toStatus, version: to.version + 1 });
  expect(result.creditApplication).toMatchObject({
    fromInvoiceId: from.id,
    toInvoiceId: to.id,
    amount: model.money(applied),
  });
  Object.assign(from, { paidCents: gave.paidCents, version: from.version + 1 });
  from.eventCount += 1;
  Object.assign(to, { paidCents: took.paidCents, status: toStatus, version: to.version + 1 });
  to.eventCount += paidNow ? 2 : 1;
  run.totalEvents += result.events.length;
  run.creditApplications += 1;
  count(`credit applied -> ${toStatus}`);
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.applyCredit(userContext, { ...args, amount: model.money(applied + 1) }),
  );
}

type Refusal = { code: string; fields: Record<string, unknown> };

/** Why applying credit is refused, in the order the move checks, or null when it goes through. */
function refusalOfApplyCredit(
  from: model.ModelInvoice,
  to: model.ModelInvoice,
  figures: { credit: number; owed: number; most: number },
  amount: number | null,
): Refusal | null {
  if (from.id === to.id) return { code: "validation_error", fields: { path: "toInvoiceId" } };
  // Both invoices are held in id order, each checked as it is loaded.
  const checks = [
    () =>
      model.isAllowed(model.allowedFrom.receiveCredit, to.status)
        ? null
        : { code: "invalid_transition", fields: { status: to.status, move: "receive credit" } },
    () =>
      model.isAllowed(model.allowedFrom.giveCredit, from.status)
        ? null
        : { code: "invalid_transition", fields: { status: from.status, move: "apply credit" } },
  ];
  if (from.id < to.id) checks.reverse();
  for (const check of checks) {
    const refusal = check();
    if (refusal) return refusal;
  }
  // A cancelled draft may have had no customer: its credit (none) belongs to nobody.
  if (!from.hasCustomer || !to.hasCustomer)
    return { code: "validation_error", fields: { path: "toInvoiceId" } };
  if (figures.credit === 0) return { code: "validation_error", fields: { path: "id" } };
  if (figures.owed === 0) return { code: "validation_error", fields: { path: "toInvoiceId" } };
  if (amount !== null && amount > figures.most)
    return { code: "validation_error", fields: { path: "amount" } };
  return null;
}
