// The property test's moves on drafts and issued invoices: create, update, submit, request
// changes, issue (and save & send), send and cancel. Each predicts the outcome from the model,
// makes the move, and checks it.
import { expect } from "vitest";
import { userContext } from "./harness";
import * as model from "./lifecycle-model";
import type { MoveDescriptor } from "./lifecycle-moves";
import { count, type Expected, type LifecycleRun, toLines, totalOf } from "./lifecycle-runner";

export async function create(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "create" }>) {
  if (run.invoices.length >= 5) return;
  const key = run.keyFor(move.keyed);
  const args = {
    ...(move.withCustomer ? { customerId: run.harness.customer.id } : {}),
    terms: move.terms,
    lines: toLines(move.lines),
    ...key,
  };
  const result = await run.remit.invoices.create(userContext, args);
  expect(result.events.map((event) => event.type)).toEqual(["invoice.created"]);
  expect(result.invoice).toMatchObject({
    status: "pending_action",
    version: 1,
    revision: 1,
    total: model.money(totalOf(move.lines)),
    amountPaid: "0.00",
    number: null,
  });
  run.invoices.push({
    id: result.invoice.id,
    status: "pending_action",
    version: 1,
    totalCents: totalOf(move.lines),
    hasCustomer: move.withCustomer,
    lineCount: move.lines.length,
    revisions: 1,
    terms: move.terms,
    number: null,
    series: null,
    sequence: null,
    issueDate: null,
    dueDate: null,
    paidCents: 0,
    refundPendingCents: 0,
    creditNoteCents: 0,
    lateFeePeriods: 0,
    lateFeeCents: 0,
    hasLateFeeRule: false,
    payments: [],
    eventCount: 1,
  });
  run.totalEvents += 1;
  count("create");
  run.remember(
    key.idempotencyKey,
    result,
    () => run.remit.invoices.create(userContext, args),
    () => run.remit.invoices.create(userContext, { ...args, memo: "other arguments" }),
  );
}

export async function update(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "update" }>) {
  const target = run.target(move.target);
  if (!target) return;
  const expectedVersion = !move.stale
    ? target.version
    : target.version > 1
      ? target.version - 1
      : target.version + 1;
  const key = run.keyFor(move.keyed);
  // A credited invoice keeps its lines here: a credited line may not drop below what was credited
  // on it, which the credit-note tests check line by line.
  const lines = target.creditNoteCents > 0 ? null : move.lines;
  const args = {
    id: target.id,
    expectedVersion,
    ...(lines ? { lines: toLines(lines) } : {}),
    ...(move.terms ? { terms: move.terms } : {}),
    ...key,
  };
  const call = () => run.remit.invoices.update(userContext, args);
  if (move.stale) {
    return run.refused("version_conflict", call, {
      expectedVersion,
      actualVersion: target.version,
    });
  }
  if (!model.isAllowed(model.allowedFrom.update, target.status)) {
    return run.refused("invalid_transition", call, { status: target.status, move: "update" });
  }
  // Issue 19: after payments, an edit may not lower the total below the amount paid (a credit
  // note does that); an invoice already paid past its total keeps any total it does not lower.
  if (lines && totalOf(lines) < target.paidCents && totalOf(lines) < target.totalCents) {
    return run.refused("validation_error", call, { path: "lines" });
  }
  const terms = move.terms ?? target.terms;
  const next: model.ModelInvoice = {
    ...target,
    totalCents: lines ? totalOf(lines) : target.totalCents,
    lineCount: lines ? lines.length : target.lineCount,
    terms,
    dueDate:
      target.issueDate !== null && terms !== target.terms
        ? model.dueDateFor(terms, target.issueDate)
        : target.dueDate,
  };
  // After issue, an update settles the status by the payments rule (and a zero total is paid).
  const status = target.issueDate === null ? target.status : model.settledStatus(next, run.today);
  const events = [
    "invoice.updated",
    ...(status === "paid" && target.status !== "paid" ? ["invoice.paid"] : []),
  ];
  const result = await run.succeeded(userContext, target, { status, events }, call);
  Object.assign(target, {
    totalCents: next.totalCents,
    lineCount: next.lineCount,
    // New lines replace the late-fee lines too (a fee waived stays charged as a period).
    lateFeeCents: lines ? 0 : target.lateFeeCents,
    terms,
    dueDate: next.dueDate,
    revisions: target.revisions + 1,
  });
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.update(userContext, { ...args, expectedVersion: expectedVersion + 1000 }),
  );
}

export async function submit(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "submit" }>) {
  const target = run.target(move.target);
  if (!target) return;
  const key = run.keyFor(move.keyed);
  const args = { id: target.id, ...key };
  const call = () => run.remit.invoices.submit(userContext, args);
  if (!model.isAllowed(model.allowedFrom.submit, target.status))
    return run.refused("invalid_transition", call, { status: target.status, move: "submit" });
  if (!target.hasCustomer) return run.refused("validation_error", call, { path: "customerId" });
  if (target.lineCount === 0) return run.refused("validation_error", call, { path: "lines" });
  const expected = { status: "pending_review" as const, events: ["invoice.submitted"] };
  const result = await run.succeeded(userContext, target, expected, call);
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.submit(userContext, { ...args, expectedVersion: 1000 }),
  );
}

export async function requestChanges(
  run: LifecycleRun,
  move: Extract<MoveDescriptor, { kind: "requestChanges" }>,
) {
  const target = run.target(move.target);
  if (!target) return;
  const key = run.keyFor(move.keyed);
  const args = { id: target.id, reason: move.reason, ...key };
  const call = () => run.remit.invoices.requestChanges(userContext, args);
  if (!model.isAllowed(model.allowedFrom.requestChanges, target.status)) {
    return run.refused("invalid_transition", call, {
      status: target.status,
      move: "request changes",
    });
  }
  const expected = { status: "pending_action" as const, events: ["invoice.changes_requested"] };
  const result = await run.succeeded(userContext, target, expected, call);
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.requestChanges(userContext, { ...args, reason: `${move.reason}!` }),
  );
}

export async function issue(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "issue" }>) {
  const target = run.target(move.target);
  if (!target) return;
  const key = run.keyFor(move.keyed);
  const args = {
    id: target.id,
    ...(move.send ? { send: { channels: ["email" as const] } } : {}),
    ...key,
  };
  const call = () => run.remit.invoices.issue(userContext, args);
  const allowed = run.scenario.requireReview
    ? model.allowedFrom.issueWithReview
    : model.allowedFrom.issueWithoutReview;
  if (!model.isAllowed(allowed, target.status))
    return run.refused("invalid_transition", call, { status: target.status, move: "issue" });
  if (!target.hasCustomer) return run.refused("validation_error", call, { path: "customerId" });
  if (target.lineCount === 0) return run.refused("validation_error", call, { path: "lines" });
  const zero = target.totalCents === 0;
  // Save & send of an invoice that the issue makes paid sends nothing: there is nothing to collect.
  const sends = move.send && !zero;
  const issueDate = run.today;
  const numbering = model.numbering(run.scenario.numberFormat, issueDate);
  const sequence = (run.sequences.get(numbering.series) ?? 0) + 1;
  const expected: Expected = {
    status: zero ? "paid" : "pending_payment",
    events: [
      "invoice.issued",
      ...(zero ? ["invoice.paid"] : []),
      ...(sends ? ["invoice.sent"] : []),
    ],
    versions: sends ? 2 : 1,
  };
  const result = await run.succeeded(userContext, target, expected, call);
  run.sequences.set(numbering.series, sequence);
  Object.assign(target, {
    number: numbering.numberFor(sequence),
    series: numbering.series,
    sequence,
    issueDate,
    dueDate: model.dueDateFor(target.terms, issueDate),
    hasLateFeeRule: run.scenario.lateFees !== null,
  });
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.issue(userContext, { ...args, expectedVersion: 1000 }),
  );
}

export async function send(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "send" }>) {
  const target = run.target(move.target);
  if (!target) return;
  const key = run.keyFor(move.keyed);
  const at =
    move.laterHours === null
      ? {}
      : {
          at: new Date(
            Date.parse(run.harness.clock.now()) + move.laterHours * 3_600_000,
          ).toISOString(),
        };
  const args = { id: target.id, channels: move.channels, ...at, ...key };
  const call = () => run.remit.invoices.send(userContext, args);
  if (!model.isAllowed(model.allowedFrom.send, target.status))
    return run.refused("invalid_transition", call, { status: target.status, move: "send" });
  const expected = { status: target.status, events: ["invoice.sent"] };
  const result = await run.succeeded(userContext, target, expected, call);
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.send(userContext, { ...args, expectedVersion: 1000 }),
  );
}

export async function cancel(run: LifecycleRun, move: Extract<MoveDescriptor, { kind: "cancel" }>) {
  const target = run.target(move.target);
  if (!target) return;
  const key = run.keyFor(move.keyed);
  const args = { id: target.id, reason: move.reason, ...key };
  const call = () => run.remit.invoices.cancel(userContext, args);
  if (
    !model.isAllowed(model.allowedFrom.cancel, target.status) ||
    target.paidCents !== 0 ||
    target.refundPendingCents > 0
  ) {
    return run.refused("invalid_transition", call, { status: target.status, move: "cancel" });
  }
  const expected = { status: "cancelled" as const, events: ["invoice.cancelled"] };
  const result = await run.succeeded(userContext, target, expected, call);
  run.remember(key.idempotencyKey, result, call, () =>
    run.remit.invoices.cancel(userContext, { ...args, reason: `${move.reason}!` }),
  );
}
