import { applyCredit, creditNote, writeOff } from "./credit-steps";
import { cancel, create, issue, requestChanges, send, submit, update } from "./draft-steps";
import * as model from "./lifecycle-model";
import type { MoveDescriptor } from "./lifecycle-moves";
import type { LifecycleRun } from "./lifecycle-runner";
import { advance, conflict, pay, refund, refusedCall, replay, runWorker } from "./money-steps";

/** Makes one move of a scenario, then checks the whole service against the model. */
export async function step(run: LifecycleRun, move: MoveDescriptor): Promise<void> {
  await dispatch(run, move);
  await run.verify();
}

async function dispatch(run: LifecycleRun, move: MoveDescriptor): Promise<void> {
  switch (move.kind) {
    case "create":
      return create(run, move);
    case "update":
      return update(run, move);
    case "submit":
      return submit(run, move);
    case "requestChanges":
      return requestChanges(run, move);
    case "issue":
      return issue(run, move);
    case "send":
      return send(run, move);
    case "cancel":
      return cancel(run, move);
    case "pay":
      return pay(run, move);
    case "creditNote":
      return creditNote(run, move);
    case "writeOff":
      return writeOff(run, move);
    case "applyCredit":
      return applyCredit(run, move);
    case "refund":
      return refund(run, move);
    case "advance":
      return advance(run, move);
    case "worker":
      return runWorker(run, move);
    case "replay":
      return replay(run, move);
    case "conflict":
      return conflict(run, move);
    case "refusedCall":
      return refusedCall(run, move);
    case "progress": {
      const next = progress(run, move);
      return next ? dispatch(run, next) : undefined;
    }
  }
}

/** The move that takes the target one step along its usual road, varied by `variant`. */
function progress(
  run: LifecycleRun,
  { target: index, variant }: { target: number; variant: number },
): MoveDescriptor | null {
  const target = run.target(index);
  if (!target) {
    return {
      kind: "create",
      withCustomer: true,
      lines: [{ quantity: 1, cents: 10_000 + variant }],
      terms: "net_15",
      keyed: false,
    };
  }
  const keyed = variant % 3 === 0;
  if (target.refundPendingCents > 0)
    return { kind: "worker", outcome: variant % 3 === 0 ? "failed" : "succeeded" };
  if (target.dueDate !== null && variant % 7 === 0)
    return {
      kind: "advance",
      hours: 24 * (1 + (variant % 35)),
      sweep: true,
      workers: 1 + (variant % 3),
    };
  if (target.issueDate !== null && target.paidCents === 0 && variant % 11 === 0) {
    return {
      kind: "update",
      target: index,
      stale: false,
      lines: [{ quantity: 1, cents: variant % 2 === 0 ? 0 : 5_000 }],
      terms: variant % 3 === 0 ? "net_1" : null,
      keyed,
    };
  }
  switch (target.status) {
    case "pending_action":
      return run.scenario.requireReview
        ? { kind: "submit", target: index, keyed }
        : { kind: "issue", target: index, send: variant % 4 === 0, keyed };
    case "pending_review":
      return variant % 5 === 0
        ? { kind: "requestChanges", target: index, reason: "Add photos", keyed }
        : { kind: "issue", target: index, send: variant % 4 === 0, keyed };
    case "pending_payment":
    case "past_due":
      // Now and then the money moves another way: credit held elsewhere, a credit note, a
      // write-off.
      if (variant % 2 === 0) {
        const giver = run.invoices.findIndex(
          (invoice) => invoice.hasCustomer && model.balances(invoice).credit > 0,
        );
        if (giver >= 0)
          return { kind: "applyCredit", from: giver, to: index, amount: "most", keyed };
      }
      if (variant % 13 === 0)
        return { kind: "creditNote", target: index, amount: 1 + variant * 37, keyed };
      if (variant % 17 === 0) return { kind: "writeOff", target: index, keyed };
      return {
        kind: "pay",
        target: index,
        amount: variant % 2 === 0 ? "due" : 1 + ((variant * 997) % Math.max(1, target.totalCents)),
        actor: variant % 3 === 0 ? "provider" : "user",
        withVersion: variant % 4 === 0,
      };
    case "uncollectible":
      return {
        kind: "pay",
        target: index,
        amount: variant % 2 === 0 ? "due" : 1 + variant,
        actor: variant % 3 === 0 ? "provider" : "user",
        withVersion: false,
      };
    case "paid":
      // A credit note on a paid invoice leaves credit, and credit goes to an open invoice.
      if (variant % 2 === 0 && model.balances(target).credit > 0) {
        const open = run.invoices.findIndex((invoice) =>
          model.isAllowed(model.allowedFrom.receiveCredit, invoice.status),
        );
        if (open >= 0) return { kind: "applyCredit", from: index, to: open, amount: "most", keyed };
      }
      if (variant % 3 === 0)
        return { kind: "creditNote", target: index, amount: 1 + variant * 13, keyed };
      return {
        kind: "refund",
        target: index,
        payment: variant,
        amount: variant % 2 === 0 ? "all" : 1 + variant,
        actor: variant % 5 === 0 ? "provider" : "user",
      };
    case "cancelled":
      return {
        kind: "refund",
        target: index,
        payment: variant,
        amount: variant % 2 === 0 ? "all" : 1 + variant,
        actor: variant % 5 === 0 ? "provider" : "user",
      };
  }
}
