// The property test's moves on money and time: payments, refunds, the clock and the past-due
// sweep, the outbox worker (provider refunds), idempotent replays and conflicts, and calls refused
// before any status rule.
import { expect } from "vitest";
import { providerContext, systemContext, userContext } from "./harness";
import * as model from "./lifecycle-model";
import type { MoveDescriptor, RefusedCall } from "./lifecycle-moves";
import { count, type LifecycleRun } from "./lifecycle-runner";

export async function pay(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "pay" }>) {
  const target = run.target(move.target);
  if (!target) return;
  const fromProvider = move.actor === "provider";
  const context = fromProvider ? providerContext : userContext;
  const key = run.newKey();
  const balances = model.balances(target);
  const owed = target.status === "uncollectible" ? balances.writtenOff : balances.amountDue;
  const amount = move.amount === "due" ? Math.max(1, owed) : move.amount;
  const args = {
    id: target.id,
    amount: model.money(amount),
    method: fromProvider ? ("card" as const) : ("check" as const),
    reference: fromProvider ? `ch_${key}` : `check ${key}`,
    idempotencyKey: key,
    ...(move.withVersion ? { expectedVersion: target.version } : {}),
  };
  const call = () => run.remit.invoices.recordPayment(context, args);
  const allowed = fromProvider
    ? model.allowedFrom.paymentFromProvider
    : model.allowedFrom.paymentFromUser;
  if (!model.isAllowed(allowed, target.status)) {
    return run.refused("invalid_transition", call, {
      status: target.status,
      move: "record payment",
    });
  }
  const status = model.settledStatus(
    { ...target, paidCents: target.paidCents + amount },
    run.today,
    true,
  );
  const paidNow = status === "paid" && target.status !== "paid";
  const events = ["invoice.payment_recorded", ...(paidNow ? ["invoice.paid"] : [])];
  if (target.status === "uncollectible" && status === "paid") count("written-off balance paid");
  const result = await run.succeeded(context, target, { status, events }, call);
  expect(result.payment).toMatchObject({ amount: args.amount, status: "succeeded" });
  target.paidCents += amount;
  target.payments.push({
    id: result.payment.id,
    cents: amount,
    provider: fromProvider ? "testpay" : null,
    refunds: [],
  });
  run.remember(key, result, call, () =>
    run.remit.invoices.recordPayment(context, { ...args, amount: model.money(amount + 1) }),
  );
}

export async function refund(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "refund" }>) {
  const target = run.target(move.target);
  if (!target) return;
  const context = move.actor === "provider" ? providerContext : userContext;
  const payment = target.payments[move.payment % Math.max(1, target.payments.length)];
  const left = payment ? model.unrefundedCents(payment) : 0;
  const amount =
    move.amount === "all" ? Math.max(1, left) : move.amount === "over" ? left + 1 : move.amount;
  const key = run.newKey();
  const args = {
    id: target.id,
    paymentId: payment?.id ?? "pay_unknown",
    amount: model.money(amount),
    reason: "requested_by_customer",
    idempotencyKey: key,
  };
  const call = () => run.remit.invoices.refund(context, args);
  if (!model.isAllowed(model.allowedFrom.refund, target.status))
    return run.refused("invalid_transition", call, { status: target.status, move: "refund" });
  if (!payment) return run.refused("not_found", call);
  if (amount > left) return run.refused("validation_error", call, { path: "amount" });
  // A user gives back at most what the invoice holds: credit applied elsewhere left with it.
  if (move.actor === "user" && amount > target.paidCents - target.refundPendingCents)
    return run.refused("validation_error", call, { path: "amount" });
  // A user's refund of money a refund-capable provider took goes through that provider.
  const viaProvider = move.actor === "user" && payment.provider === "testpay";
  const status = viaProvider
    ? target.status
    : model.settledStatus({ ...target, paidCents: target.paidCents - amount }, run.today);
  const events = ["invoice.refunded"];
  const result = await run.succeeded(context, target, { status, events }, call);
  const refundStatus = viaProvider ? "pending" : "succeeded";
  expect(result.refund).toMatchObject({ amount: args.amount, status: refundStatus });
  payment.refunds.push({ id: result.refund.id, cents: amount, status: refundStatus });
  if (viaProvider) target.refundPendingCents += amount;
  else target.paidCents -= amount;
  run.remember(key, result, call, () =>
    run.remit.invoices.refund(context, { ...args, amount: model.money(amount + 1) }),
  );
}

export async function advance(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "advance" }>,
) {
  run.harness.clock.advance(move.hours * 3_600_000);
  if (!move.sweep) return;
  const today = run.today;
  const overdue = run.invoices.filter(
    (invoice) =>
      invoice.status === "pending_payment" && invoice.dueDate !== null && invoice.dueDate < today,
  );
  // Several workers sweep at once: each invoice moves once and each fee is added once.
  const sweeps = await Promise.all(
    Array.from({ length: move.workers }, () => run.remit.invoices.sweepPastDue(systemContext)),
  );
  for (const invoice of overdue) {
    invoice.status = "past_due";
    invoice.version++;
    invoice.eventCount++;
    run.totalEvents++;
    count("sweep moved one");
  }
  const fees = chargeLateFees(run, today);
  expect({
    moved: sweeps.reduce((total, sweep) => total + sweep.moved, 0),
    lateFeesAdded: sweeps.reduce((total, sweep) => total + sweep.lateFeesAdded, 0),
  }).toEqual({
    moved: overdue.length,
    lateFeesAdded: fees.size === 0 ? 0 : sum([...fees.values()].map((added) => added.length)),
  });
  for (const invoice of overdue) {
    const details = await run.remit.invoices.get(userContext, { id: invoice.id });
    const event = details.events.find((entry) => entry.type === "invoice.past_due");
    expect(event).toMatchObject({
      actor: { type: "system" },
      data: { status: "past_due", previousStatus: "pending_payment" },
    });
  }
  for (const [invoice, added] of fees) {
    const details = await run.remit.invoices.get(userContext, { id: invoice.id });
    const feeEvents = details.events
      .filter((event) => event.type === "invoice.late_fee_added")
      .slice(-added.length);
    expect(feeEvents.map((event) => [event.actor.type, event.data.amount])).toEqual(
      added.map((cents) => ["system", model.money(cents)]),
    );
    count("late fees added");
  }
  const before = await run.observe();
  expect(await run.remit.invoices.sweepPastDue(systemContext)).toEqual({
    moved: 0,
    lateFeesAdded: 0,
  });
  expect(await run.observe()).toEqual(before);
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The late fees the sweep owes on `today` by the model: for each past-due invoice issued under the
 * rule, every period reached and not charged yet, oldest first, each a new revision and event.
 * Returns the fees added per invoice.
 */
function chargeLateFees(run: LifecycleRun, today: string): Map<model.ModelInvoice, number[]> {
  const spec = run.scenario.lateFees;
  const added = new Map<model.ModelInvoice, number[]>();
  if (!spec) return added;
  for (const invoice of run.invoices) {
    if (invoice.status !== "past_due" || !invoice.hasLateFeeRule || invoice.dueDate === null)
      continue;
    const due = model.lateFeesDue(spec, invoice.dueDate, today);
    for (let period = invoice.lateFeePeriods + 1; period <= due; period++) {
      // No fee on a fee: the balance is what is due without the late fees on the invoice.
      const balance = model.balances(invoice).amountDue - invoice.lateFeeCents;
      const fee = model.lateFeeCents(spec, Math.max(0, balance), invoice.lateFeeCents);
      if (fee === null) continue;
      invoice.totalCents += fee;
      invoice.lateFeeCents += fee;
      invoice.lateFeePeriods = period;
      invoice.lineCount++;
      invoice.revisions++;
      invoice.version++;
      invoice.eventCount++;
      run.totalEvents++;
      added.set(invoice, [...(added.get(invoice) ?? []), fee]);
    }
  }
  return added;
}

export async function runWorker(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "worker" }>,
) {
  run.harness.testpay.answer(move.outcome);
  const report = await run.worker.runOnce();
  expect(report).toMatchObject({ retried: 0, dead: 0 });
  for (const invoice of run.invoices) {
    const pending = invoice.payments.flatMap((payment) =>
      payment.refunds.filter((refund) => refund.status === "pending"),
    );
    if (pending.length === 0) continue;
    for (const refund of pending) {
      refund.status = move.outcome;
      invoice.refundPendingCents -= refund.cents;
      if (move.outcome === "succeeded") invoice.paidCents -= refund.cents;
    }
    // A failed refund moved no money, so the status stays (the sweep marks it past due later).
    if (move.outcome === "succeeded") invoice.status = model.settledStatus(invoice, run.today);
    invoice.version += pending.length;
    invoice.eventCount += pending.length;
    run.totalEvents += pending.length;
    const details = await run.remit.invoices.get(userContext, { id: invoice.id });
    const resolved = details.events
      .filter((event) => event.type !== "invoice.delivery_updated")
      .slice(-pending.length);
    for (const event of resolved) {
      expect(event).toMatchObject({
        type: "invoice.refunded",
        actor: { type: "provider", name: "testpay" },
        data: { refundStatus: move.outcome },
      });
    }
    count("worker resolved refunds");
  }
}

export async function replay(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "replay" }>) {
  const call = run.keyed[move.pick % Math.max(1, run.keyed.length)];
  if (!call) return;
  const before = await run.observe();
  expect(await call.invoke()).toEqual(call.result);
  expect(await run.observe()).toEqual(before);
  count("replay");
}

export async function conflict(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "conflict" }>,
) {
  const call = run.keyed[move.pick % Math.max(1, run.keyed.length)];
  if (!call) return;
  const other = () =>
    run.remit.invoices.cancel(userContext, {
      id: run.invoices[0]?.id ?? "inv_unknown",
      reason: "conflict: another move with the same key",
      idempotencyKey: call.key,
    });
  await run.refused("idempotency_conflict", move.otherMove ? other : call.conflict, {
    idempotencyKey: call.key,
  });
}

export async function refusedCall(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "refusedCall" }>,
) {
  const id = run.target(move.target)?.id ?? "inv_unknown";
  const invoices = run.remit.invoices;
  const payment = { id, amount: "1.00", method: "cash" as const, idempotencyKey: run.newKey() };
  const calls: Record<RefusedCall, [string, () => Promise<unknown>, Record<string, unknown>]> = {
    providerCancels: [
      "validation_error",
      () => invoices.cancel(providerContext, { id, reason: "not theirs" }),
      { path: "actor" },
    ],
    systemPays: [
      "validation_error",
      () => invoices.recordPayment(systemContext, payment),
      { path: "actor" },
    ],
    providerSweeps: [
      "validation_error",
      () => invoices.sweepPastDue(providerContext),
      { path: "actor" },
    ],
    systemIssues: [
      "validation_error",
      () => invoices.issue(systemContext, { id }),
      { path: "actor" },
    ],
    userSubmitsUnknown: [
      "not_found",
      () => invoices.submit(userContext, { id: "inv_unknown" }),
      {},
    ],
    userPaysUnknown: [
      "not_found",
      () => invoices.recordPayment(userContext, { ...payment, id: "inv_unknown" }),
      {},
    ],
    emptyKey: [
      "validation_error",
      () => invoices.recordPayment(userContext, { ...payment, idempotencyKey: "" }),
      { path: "idempotencyKey" },
    ],
    longKey: [
      "validation_error",
      () => invoices.cancel(userContext, { id, reason: "x", idempotencyKey: "k".repeat(256) }),
      { path: "idempotencyKey" },
    ],
    longReason: [
      "validation_error",
      () => invoices.cancel(userContext, { id, reason: "r".repeat(1_001) }),
      { path: "reason" },
    ],
  };
  const [code, call, fields] = calls[move.call];
  await run.refused(code, call, fields);
}

/** Checks every invoice against the model, the ledger against the figures, and the numbering. */
