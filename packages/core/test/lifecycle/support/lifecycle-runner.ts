import { expect } from "vitest";
import {
  type Context,
  createOutboxWorker,
  type Invoice,
  type InvoiceDetails,
  type OutboxWorker,
  type RemitEvent,
} from "../../../src/index";
import { createHarness, type Harness, refusal, userContext } from "./harness";
import * as model from "./lifecycle-model";
import type { LineSpec, MoveDescriptor } from "./lifecycle-moves";

/** A tenant's settings, a start instant and the moves to make. */
export type Scenario = {
  timeZone: string;
  requireReview: boolean;
  numberFormat: string;
  start: string;
  /** The tenant's late-fee rule from the start, or none. */
  lateFees: model.LateFeeSpec | null;
  moves: MoveDescriptor[];
};

type MoveResult = { invoice: Invoice | null; events: RemitEvent[] };
type KeyedCall = {
  key: string;
  result: unknown;
  invoke(): Promise<unknown>;
  conflict(): Promise<unknown>;
};
export type Expected = { status: model.Status; events: string[]; versions?: number };

const cents = (amount: string) => Math.round(Number(amount) * 100);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
export const totalOf = (lines: LineSpec[]) => sum(lines.map((line) => line.quantity * line.cents));
export const toLines = (lines: LineSpec[]) =>
  lines.map((line, index) => ({
    kind: "service" as const,
    description: `Item ${index + 1}`,
    quantity: String(line.quantity),
    unitPrice: model.money(line.cents),
  }));

/** How often each kind of outcome happened over all runs, to show the generator reaches them. */
export const outcomes = new Map<string, number>();
export const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

/**
 * One run of a scenario: the service, the model of what it should hold, and the checks made after
 * every move (status, version, money, numbers, revisions and events; refused moves change nothing).
 * The moves themselves are in draft-steps.ts and money-steps.ts.
 */
export class LifecycleRun {
  readonly invoices: model.ModelInvoice[] = [];
  readonly sequences = new Map<string, number>();
  /** The credit-note series, like `sequences`: the last number of each. */
  readonly creditNoteSequences = new Map<string, number>();
  /** Credit applied between the customer's invoices. */
  creditApplications = 0;
  readonly keyed: KeyedCall[] = [];
  /** Events in the store, delivery reports left out. */
  totalEvents = 0;
  #keys = 0;

  private constructor(
    readonly harness: Harness,
    readonly scenario: Scenario,
    readonly worker: OutboxWorker,
  ) {}

  static async start(scenario: Scenario): Promise<LifecycleRun> {
    const harness = await createHarness({
      start: scenario.start,
      settings: {
        timeZone: scenario.timeZone,
        requireReview: scenario.requireReview,
        numberFormat: scenario.numberFormat,
        ...(scenario.lateFees ? { lateFees: lateFeeRuleOf(scenario.lateFees) } : {}),
      },
    });
    return new LifecycleRun(harness, scenario, createOutboxWorker({ remit: harness.remit }));
  }

  get remit() {
    return this.harness.remit;
  }

  get today(): string {
    return model.localDate(this.harness.clock.now(), this.scenario.timeZone);
  }

  target(index: number): model.ModelInvoice | undefined {
    return this.invoices[index % Math.max(1, this.invoices.length)];
  }

  newKey(): string {
    this.#keys++;
    return `key-${this.#keys}`;
  }

  keyFor(keyed: boolean): { idempotencyKey?: string } {
    return keyed ? { idempotencyKey: this.newKey() } : {};
  }

  remember(
    key: string | undefined,
    result: unknown,
    invoke: KeyedCall["invoke"],
    conflict: KeyedCall["conflict"],
  ) {
    if (key !== undefined) this.keyed.push({ key, result, invoke, conflict });
  }

  /** Everything a refused move or a replay must leave as it was. */
  async observe() {
    const state = this.harness.store.state;
    const rows = (table: { all(): Iterable<unknown> }) => [...table.all()].length;
    return {
      invoices: await Promise.all(
        this.invoices.map((invoice) => this.remit.invoices.get(userContext, { id: invoice.id })),
      ),
      events: rows(state.events),
      jobs: rows(state.jobs),
      payments: rows(state.payments),
      refunds: rows(state.refunds),
      deliveries: rows(state.deliveries),
      idempotency: rows(state.idempotency),
      sequences: rows(state.sequences),
      creditNotes: rows(state.creditNotes),
      creditApplications: rows(state.creditApplications),
    };
  }

  /** A move that must be refused with `code` (and the error's `fields`), changing nothing. */
  async refused(code: string, call: () => Promise<unknown>, fields: Record<string, unknown> = {}) {
    const before = await this.observe();
    const error = await refusal(call());
    expect(error).toMatchObject({ code, ...fields });
    expect(await this.observe()).toEqual(before);
    count(`refused ${code}`);
  }

  /** A move that must succeed with the expected status and events, one version up per move. */
  async succeeded<Result extends MoveResult>(
    context: Context,
    target: model.ModelInvoice,
    expected: Expected,
    call: () => Promise<Result>,
  ): Promise<Result> {
    const result = await call();
    const versions = expected.versions ?? 1;
    const version = target.version + versions;
    expect(result.events.map((event) => event.type)).toEqual(expected.events);
    const invoice = result.invoice as Invoice;
    expect(invoice).toMatchObject({ id: target.id, status: expected.status, version });
    const now = this.harness.clock.now();
    // A credit note's own event (`credit_note.issued`) comes with the invoice's.
    const ownEvents = result.events.filter((event) => event.subject.type === "invoice");
    for (const [index, event] of ownEvents.entries()) {
      // Save & send is two moves: its second event is one version later.
      const subjectVersion =
        versions === 2 && index === ownEvents.length - 1 ? version : target.version + 1;
      expect(event).toMatchObject({
        specVersion: 1,
        tenantId: context.tenantId,
        subject: { type: "invoice", id: target.id, version: subjectVersion },
        occurredAt: now,
        actor: context.actor,
      });
      expect(event.data).toMatchObject({
        status: invoice.status,
        number: invoice.number,
        currency: invoice.currency,
        total: invoice.total,
        amountPaid: invoice.amountPaid,
        amountDue: invoice.amountDue,
        credit: invoice.credit,
        dueDate: invoice.dueDate,
      });
    }
    expect(ownEvents[0]?.data.previousStatus).toBe(target.status);
    const stored = await this.remit.invoices.get(userContext, { id: target.id });
    expect(stored.invoice).toEqual(invoice);
    expect(stored.events.slice(-ownEvents.length).map((event) => event.id)).toEqual(
      ownEvents.map((event) => event.id),
    );
    target.version = version;
    target.status = expected.status;
    target.eventCount += ownEvents.length;
    this.totalEvents += result.events.length;
    count(`${expected.events.join("+")} -> ${expected.status}`);
    return result;
  }

  async verify(): Promise<void> {
    const issued: { series: string; sequence: number; number: string }[] = [];
    const creditNotes: { series: string; sequence: number; number: string }[] = [];
    let customerCredit = 0;
    for (const target of this.invoices) {
      const details = await this.remit.invoices.get(userContext, { id: target.id });
      const { invoice } = details;
      const balances = model.balances(target);
      expect(invoice).toMatchObject({
        status: target.status,
        version: target.version,
        revision: target.revisions,
        total: model.money(target.totalCents),
        creditNoteTotal: model.money(target.creditNoteCents),
        amountPaid: model.money(target.paidCents),
        amountDue: model.money(balances.amountDue),
        credit: model.money(balances.credit),
        writtenOff: model.money(balances.writtenOff),
        refundPending: model.money(target.refundPendingCents),
        number: target.number,
        series: target.series,
        sequence: target.sequence,
        issueDate: target.issueDate,
        dueDate: target.dueDate,
      });
      verifyLedger(details);
      verifyMoneyIdentity(invoice);
      if (target.hasCustomer) customerCredit += balances.credit;
      for (const note of details.creditNotes)
        creditNotes.push({ series: note.series, sequence: note.sequence, number: note.number });
      expect(details.revisions.map((revision) => revision.revision)).toEqual(
        Array.from({ length: target.revisions }, (_, index) => index + 1),
      );
      const moveEvents = details.events.filter(
        (event) => event.type !== "invoice.delivery_updated",
      );
      expect(moveEvents).toHaveLength(target.eventCount);
      // Every move raised the version by exactly one and emitted its events at the new version.
      expect([...new Set(moveEvents.map((event) => event.subject.version))]).toEqual(
        Array.from({ length: invoice.version }, (_, index) => index + 1),
      );
      if (invoice.number !== null && invoice.series !== null && invoice.sequence !== null)
        issued.push({ series: invoice.series, sequence: invoice.sequence, number: invoice.number });
    }
    // Invoice and credit-note numbers never collide, and every series is gapless.
    const numbers = [...issued, ...creditNotes].map((entry) => entry.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expectGapless(issued, this.sequences);
    expectGapless(creditNotes, this.creditNoteSequences);
    const credit = await this.remit.customers.getCredit(userContext, {
      id: this.harness.customer.id,
    });
    const usd = credit.balances.find((balance) => balance.currency === "USD");
    expect(usd?.amount ?? "0.00").toBe(model.money(customerCredit));
    expect(credit.applications).toHaveLength(this.creditApplications);
    // The model follows invoices; settings and customers have events of their own.
    const stored = [...this.harness.store.state.events.all()].filter(
      (event) =>
        event.type !== "invoice.delivery_updated" &&
        event.subject.type !== "tenant" &&
        event.subject.type !== "customer",
    );
    expect(stored).toHaveLength(this.totalEvents);
  }
}

/** The scenario's late-fee rule as the tenant setting. */
function lateFeeRuleOf(spec: model.LateFeeSpec) {
  return {
    charge:
      "flatCents" in spec.charge
        ? { type: "flat" as const, amount: model.money(spec.charge.flatCents) }
        : { type: "percent" as const, percent: String(spec.charge.percent) },
    graceDays: spec.graceDays,
    ...(spec.repeatEveryDays === null ? {} : { repeatEveryDays: spec.repeatEveryDays }),
    maxCount: spec.maxCount,
    ...(spec.capCents === null ? {} : { maximumTotal: model.money(spec.capCents) }),
  };
}

/** Each series holds exactly the numbers 1…last. */
function expectGapless(
  entries: { series: string; sequence: number }[],
  lastBySeries: Map<string, number>,
): void {
  expect(new Set(entries.map((entry) => entry.series))).toEqual(new Set(lastBySeries.keys()));
  for (const [series, last] of lastBySeries) {
    const sequences = entries
      .filter((entry) => entry.series === series)
      .map((entry) => entry.sequence)
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: last }, (_, index) => index + 1));
  }
}

/**
 * Issue 19's money identity, on the figures as read back:
 * amountDue − credit = total − credit notes − amountPaid − written off, none of them negative.
 */
function verifyMoneyIdentity(invoice: Invoice): void {
  const [due, credit, total, credited, paid, writtenOff] = [
    invoice.amountDue,
    invoice.credit,
    invoice.total,
    invoice.creditNoteTotal,
    invoice.amountPaid,
    invoice.writtenOff,
  ].map(cents) as [number, number, number, number, number, number];
  expect(due - credit).toBe(total - credited - paid - writtenOff);
  for (const figure of [due, credit, writtenOff]) expect(figure).toBeGreaterThanOrEqual(0);
}

/**
 * `amountPaid` = payments − succeeded refunds + credit received − credit given, `refundPending` =
 * pending refunds, and `creditNoteTotal` = the credit notes' totals, as read back.
 */
function verifyLedger(details: InvoiceDetails): void {
  const paid = sum(
    details.payments
      .filter((payment) => payment.status === "succeeded")
      .map((payment) => cents(payment.amount)),
  );
  const refunded = sum(
    details.refunds
      .filter((refund) => refund.status === "succeeded")
      .map((refund) => cents(refund.amount)),
  );
  const pending = sum(
    details.refunds
      .filter((refund) => refund.status === "pending")
      .map((refund) => cents(refund.amount)),
  );
  const id = details.invoice.id;
  const received = sum(
    details.creditApplications
      .filter((application) => application.toInvoiceId === id)
      .map((application) => cents(application.amount)),
  );
  const given = sum(
    details.creditApplications
      .filter((application) => application.fromInvoiceId === id)
      .map((application) => cents(application.amount)),
  );
  expect(details.invoice.amountPaid).toBe(model.money(paid - refunded + received - given));
  expect(details.invoice.refundPending).toBe(model.money(pending));
  const credited = sum(details.creditNotes.map((note) => cents(note.total)));
  expect(details.invoice.creditNoteTotal).toBe(model.money(credited));
}
