// An independent model of the lifecycle spec for the property test: statuses, money in cents,
// dates by plain calendar arithmetic and Intl, numbers by the format's tokens. It shares no code
// with packages/core/src, so a bug there cannot hide in the model.

export type Status =
  | "pending_action"
  | "pending_review"
  | "pending_payment"
  | "past_due"
  | "paid"
  | "uncollectible"
  | "cancelled";

export type Terms = "due_on_receipt" | `net_${number}`;

export type ModelRefund = { id: string; cents: number; status: "pending" | "succeeded" | "failed" };

export type ModelPayment = {
  id: string;
  cents: number;
  /** The provider that reported it (`testpay`), or null for a manual payment by a user. */
  provider: string | null;
  refunds: ModelRefund[];
};

export type ModelInvoice = {
  id: string;
  status: Status;
  version: number;
  totalCents: number;
  hasCustomer: boolean;
  lineCount: number;
  /** Revisions stored: one at create and one per update. */
  revisions: number;
  terms: Terms;
  number: string | null;
  series: string | null;
  sequence: number | null;
  issueDate: string | null;
  dueDate: string | null;
  /** `amountPaid`: payments less succeeded refunds, plus credit applied in, less credit applied out. */
  paidCents: number;
  refundPendingCents: number;
  /** The credit notes issued on it, with tax. */
  creditNoteCents: number;
  /** Late-fee periods charged (`lateFee.periodsCharged`); none when issued without a rule. */
  lateFeePeriods: number;
  /** The `late_fee` lines in its current revision (an edit of the lines drops them). */
  lateFeeCents: number;
  /** Issued while the tenant had a late-fee rule, which it keeps. */
  hasLateFeeRule: boolean;
  payments: ModelPayment[];
  /** Events of this invoice, delivery reports left out. */
  eventCount: number;
};

/** The moves' allowed "from" statuses, as the spec's Moves table writes them. */
export const allowedFrom = {
  // Issue 19: an issued invoice with payments can be edited, paid ones too.
  update: ["pending_action", "pending_review", "pending_payment", "past_due", "paid"],
  submit: ["pending_action"],
  requestChanges: ["pending_review"],
  issueWithReview: ["pending_review"],
  issueWithoutReview: ["pending_review", "pending_action"],
  send: ["pending_payment", "past_due"],
  paymentFromUser: ["pending_payment", "past_due", "paid", "uncollectible"],
  paymentFromProvider: ["pending_payment", "past_due", "paid", "uncollectible", "cancelled"],
  refund: ["paid", "pending_payment", "past_due", "uncollectible", "cancelled"],
  cancel: ["pending_action", "pending_review", "pending_payment", "past_due"],
  // Issue 19: credit notes, write-offs and customer credit.
  creditNote: ["pending_payment", "past_due", "paid", "uncollectible"],
  writeOff: ["pending_payment", "past_due"],
  giveCredit: ["pending_payment", "past_due", "paid", "uncollectible", "cancelled"],
  receiveCredit: ["pending_payment", "past_due", "uncollectible"],
} as const satisfies Record<string, readonly Status[]>;

export function isAllowed(from: readonly Status[], status: Status): boolean {
  return from.includes(status);
}

/** `YYYY-MM-DD` in `timeZone` at a UTC instant, by Intl (not date-fns, which core uses). */
export function localDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A calendar date plus `days`, by UTC date arithmetic. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function dueDateFor(terms: Terms, issueDate: string): string {
  return terms === "due_on_receipt" ? issueDate : addDays(issueDate, Number(terms.slice(4)));
}

/** Cents as a decimal string with two digits (USD). */
export function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

/** The series of a number format at an issue date, and the number for a sequence in it. */
export function numbering(format: string, issueDate: string) {
  const [year = "", month = ""] = issueDate.split("-");
  const dated = format
    .split("{YYYY}")
    .join(year)
    .split("{YY}")
    .join(year.slice(2))
    .split("{MM}")
    .join(month);
  const token = /\{SEQ(?::(\d+))?\}/.exec(dated);
  if (!token) throw new Error(`format ${format} has no {SEQ}`);
  const width = token[1] === undefined ? 0 : Number(token[1]);
  const series = dated.replace(token[0], "{SEQ}");
  return {
    series,
    numberFor: (sequence: number) => series.replace("{SEQ}", String(sequence).padStart(width, "0")),
  };
}

/** What the invoice bills now: its total less its credit notes. */
export function netCents(invoice: ModelInvoice): number {
  return invoice.totalCents - invoice.creditNoteCents;
}

/**
 * The balances issue 19 defines: nothing is due while `uncollectible` (the unpaid rest is written
 * off), and what was paid past the net total is credit. So always
 * amountDue − credit = total − credit notes − paid − written off, none negative.
 */
export function balances(invoice: ModelInvoice) {
  const unpaid = Math.max(0, netCents(invoice) - invoice.paidCents);
  const uncollectible = invoice.status === "uncollectible";
  return {
    amountDue: uncollectible ? 0 : unpaid,
    credit: Math.max(0, invoice.paidCents - netCents(invoice)),
    writtenOff: uncollectible ? unpaid : 0,
  };
}

/**
 * The status after money moved (or an issued invoice was edited), by the rule under Payments.
 * Cancelled and uncollectible invoices keep their status, except that money coming in
 * (`moneyIn`: a payment, credit received) that covers a written-off balance makes it paid.
 */
export function settledStatus(invoice: ModelInvoice, today: string, moneyIn = false): Status {
  if (invoice.status === "cancelled") return "cancelled";
  if (invoice.status === "uncollectible")
    return moneyIn && invoice.paidCents >= netCents(invoice) ? "paid" : "uncollectible";
  if (invoice.paidCents >= netCents(invoice)) return "paid";
  if (invoice.dueDate !== null && today > invoice.dueDate) return "past_due";
  return "pending_payment";
}

/** What can still be refunded of a payment: pending refunds count, failed ones do not. */
export function unrefundedCents(payment: ModelPayment): number {
  return payment.refunds
    .filter((refund) => refund.status !== "failed")
    .reduce((left, refund) => left - refund.cents, payment.cents);
}

/** The tenant's late-fee rule in a scenario: untaxed, in cents, with a flat or a percent charge. */
export type LateFeeSpec = {
  charge: { flatCents: number } | { percent: number };
  graceDays: number;
  repeatEveryDays: number | null;
  maxCount: number;
  capCents: number | null;
};

/** Whole days from one calendar date to a later one. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * How many fees are due on `today`: the first on the first day after `graceDays` past the due
 * date, then one every `repeatEveryDays`, at most `maxCount`.
 */
export function lateFeesDue(spec: LateFeeSpec, dueDate: string, today: string): number {
  const late = daysBetween(dueDate, today) - spec.graceDays;
  if (late < 1) return 0;
  if (spec.repeatEveryDays === null) return 1;
  return Math.min(spec.maxCount, 1 + Math.floor((late - 1) / spec.repeatEveryDays));
}

/**
 * One fee in cents, or null for none: flat, or the percent of the balance without late fees
 * (half up), cut to what the cap leaves of the fees charged so far.
 */
export function lateFeeCents(spec: LateFeeSpec, balanceCents: number, earlierCents: number) {
  if (balanceCents <= 0) return null;
  let fee =
    "flatCents" in spec.charge
      ? spec.charge.flatCents
      : Math.floor((balanceCents * spec.charge.percent + 50) / 100);
  if (spec.capCents !== null) fee = Math.min(fee, spec.capCents - earlierCents);
  return fee > 0 ? fee : null;
}
