import fc from "fast-check";
import type { Terms } from "./lifecycle-model";

/** One line of a generated invoice: whole quantities and prices in cents, so totals are exact. */
export type LineSpec = { quantity: number; cents: number };

/** A move the property test makes, as data (fast-check shrinks it to the shortest failing run). */
export type MoveDescriptor =
  | { kind: "create"; withCustomer: boolean; lines: LineSpec[]; terms: Terms; keyed: boolean }
  | {
      kind: "update";
      target: number;
      stale: boolean;
      lines: LineSpec[] | null;
      terms: Terms | null;
      keyed: boolean;
    }
  | { kind: "submit"; target: number; keyed: boolean }
  | { kind: "requestChanges"; target: number; reason: string; keyed: boolean }
  | { kind: "issue"; target: number; send: boolean; keyed: boolean }
  | {
      kind: "send";
      target: number;
      channels: ("email" | "sms")[];
      laterHours: number | null;
      keyed: boolean;
    }
  | {
      kind: "pay";
      target: number;
      amount: "due" | number;
      actor: "user" | "provider";
      withVersion: boolean;
    }
  | {
      kind: "refund";
      target: number;
      payment: number;
      amount: "all" | "over" | number;
      actor: "user" | "provider";
    }
  | { kind: "cancel"; target: number; reason: string; keyed: boolean }
  | { kind: "creditNote"; target: number; amount: "rest" | number; keyed: boolean }
  | { kind: "writeOff"; target: number; keyed: boolean }
  | { kind: "applyCredit"; from: number; to: number; amount: "most" | number; keyed: boolean }
  /** The clock moves on; then `workers` past-due sweeps may run at once. */
  | { kind: "advance"; hours: number; sweep: boolean; workers: number }
  | { kind: "worker"; outcome: "succeeded" | "failed" }
  | { kind: "replay"; pick: number }
  | { kind: "conflict"; pick: number; otherMove: boolean }
  | { kind: "refusedCall"; target: number; call: RefusedCall }
  /** The natural next move for the target's status (issue a draft, pay an issued invoice, …). */
  | { kind: "progress"; target: number; variant: number };

/** Calls refused before any status rule: wrong actor, unknown invoice, bad key or reason. */
export type RefusedCall =
  | "providerCancels"
  | "systemPays"
  | "providerSweeps"
  | "systemIssues"
  | "userSubmitsUnknown"
  | "userPaysUnknown"
  | "emptyKey"
  | "longKey"
  | "longReason";

const target = fc.nat({ max: 9 });
const keyed = fc.boolean();
const terms = fc.constantFrom<Terms>("due_on_receipt", "net_1", "net_15", "net_30");
const line = fc.record({
  quantity: fc.integer({ min: 1, max: 3 }),
  cents: fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, fc.integer({ min: 1, max: 50_000 })),
});
const reason = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((text) => text.trim().length > 0 && !text.includes("conflict"));

export const moveDescriptor: fc.Arbitrary<MoveDescriptor> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record({ kind: fc.constant("progress" as const), target, variant: fc.nat(99) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      withCustomer: fc.oneof(
        { arbitrary: fc.constant(true), weight: 4 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
      lines: fc.array(line, { maxLength: 3 }),
      terms,
      keyed,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("update" as const),
      target,
      stale: fc.boolean(),
      lines: fc.option(fc.array(line, { minLength: 1, maxLength: 3 }), { nil: null }),
      terms: fc.option(terms, { nil: null }),
      keyed,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("submit" as const), target, keyed }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("requestChanges" as const), target, reason, keyed }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("issue" as const),
      target,
      send: fc.boolean(),
      keyed,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("send" as const),
      target,
      channels: fc.constantFrom<("email" | "sms")[]>(["email"], ["sms"], ["email", "sms"]),
      laterHours: fc.option(fc.integer({ min: 1, max: 72 }), { nil: null }),
      keyed,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("pay" as const),
      target,
      amount: fc.oneof(fc.constant("due" as const), fc.integer({ min: 1, max: 60_000 })),
      actor: fc.constantFrom("user" as const, "provider" as const),
      withVersion: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("refund" as const),
      target,
      payment: fc.nat({ max: 5 }),
      amount: fc.oneof(
        fc.constant("all" as const),
        fc.constant("over" as const),
        fc.integer({ min: 1, max: 30_000 }),
      ),
      actor: fc.constantFrom("user" as const, "provider" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("cancel" as const), target, reason, keyed }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("creditNote" as const),
      target,
      amount: fc.oneof(fc.constant("rest" as const), fc.integer({ min: 1, max: 60_000 })),
      keyed,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("writeOff" as const), target, keyed }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("applyCredit" as const),
      from: target,
      to: target,
      amount: fc.oneof(fc.constant("most" as const), fc.integer({ min: 1, max: 30_000 })),
      keyed,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      hours: fc.integer({ min: 1, max: 24 * 40 }),
      sweep: fc.boolean(),
      workers: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("worker" as const),
      outcome: fc.constantFrom("succeeded" as const, "failed" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("replay" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("conflict" as const),
      pick: fc.nat(),
      otherMove: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("refusedCall" as const),
      target,
      call: fc.constantFrom<RefusedCall>(
        "providerCancels",
        "systemPays",
        "providerSweeps",
        "systemIssues",
        "userSubmitsUnknown",
        "userPaysUnknown",
        "emptyKey",
        "longKey",
        "longReason",
      ),
    }),
  },
);
