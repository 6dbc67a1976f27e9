import { AsyncLocalStorage } from "node:async_hooks";
import { cpus, loadavg } from "node:os";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import pg from "pg";
import type Stripe from "stripe";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { recordingPool } from "../../adapter-postgres/test/support/recording-pool";
import { handleStripeWebhook, type StripeWebhookResult } from "../src/index";
import {
  connectSecret,
  createStripeTest,
  platformSecret,
  type StripeTest,
} from "../test/support/stripe-test-harness";

// Webhook events handled per second by `handleStripeWebhook` on the PostgreSQL store, on a real
// server with its default durability (fsync and synchronous_commit on; the server the bench starts,
// or DATABASE_URL), 8 deliveries at a time, 10% of them duplicates. The events are those of the
// replay tests (test/webhook-replay*.test.ts): card and ACH payments (settled and bounced), partial
// payments after a decline, refunds from Remit and from the dashboard (succeeded at once, or
// pending then succeeded or failed), and disputes (funds withdrawn, then reinstated), signed with
// the `stripe` SDK and verified by the handler; its Stripe API calls go to the fake Stripe. The
// same deliveries are then put through signature verification alone: the floor no handler can
// beat. Not part of CI: `npm run bench -w @remit/adapter-stripe`.
//   BENCH_INVOICES     invoices, ten stories in turn (default 1,000: about 6,000 deliveries)
//   BENCH_CONCURRENCY  deliveries at a time (default 8)
//   BENCH_POOL         connections in the store's pool (default 10, pg's default)
//   BENCH_TENANTS      connected accounts (tenants) the invoices are spread over (default 1: every
//                      move waits on the one tenant's feed position, held to commit)
//   BENCH_TRACE=1      also prints the statements of one delivery of each event type

const invoiceCount = Number(process.env.BENCH_INVOICES ?? 1_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const poolSize = Number(process.env.BENCH_POOL ?? 10);
const trace = process.env.BENCH_TRACE === "1";
const tenantCount = Math.max(1, Number(process.env.BENCH_TENANTS ?? 1));

type Delivery = { type: string; rawBody: string; signature: string };
type Timing = { type: string; milliseconds: number; outcome: string };
type Expected = { status: string; amountPaid: string };

let pool: pg.Pool;
let schema: string;
let t: StripeTest;
const expected = new Map<string, Expected>();
/** The tenant of each invoice. */
const tenantOf = new Map<string, StripeTest["main"]>();
/** Which delivery a statement or a Stripe request belongs to (deliveries run concurrently). */
const current = new AsyncLocalStorage<{
  statements: number;
  stripeCalls: number;
  texts: string[];
}>();
const traced = new Map<string, string[]>();

/** A deterministic shuffle (mulberry32), so runs compare. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/** The events, signed, plus every ninth again (10% of the deliveries), shuffled. */
function deliveriesOf(events: Stripe.Event[], seed: number): Delivery[] {
  const duplicates = events.filter((_, index) => index % 9 === 0);
  return shuffled([...events, ...duplicates], seed).map((event) => ({
    type: event.type,
    ...t.sign(event),
  }));
}

/** Runs `deliveries` on `concurrency` loops; returns the seconds it took. */
async function run(deliveries: Delivery[], job: (delivery: Delivery) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < deliveries.length; index = next++) {
        await job(deliveries[index] as Delivery);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

const timings: Timing[] = [];
const perType = new Map<string, { statements: number; stripeCalls: number }>();

async function handleAll(deliveries: Delivery[]): Promise<number> {
  return await run(deliveries, async (delivery) => {
    const counts = { statements: 0, stripeCalls: 0, texts: [] as string[] };
    const started = performance.now();
    const result: StripeWebhookResult = await current.run(counts, () =>
      handleStripeWebhook(t.remit, t.payments, delivery),
    );
    timings.push({
      type: delivery.type,
      milliseconds: performance.now() - started,
      outcome: result.outcome,
    });
    const sum = perType.get(delivery.type) ?? { statements: 0, stripeCalls: 0 };
    sum.statements += counts.statements;
    sum.stripeCalls += counts.stripeCalls;
    perType.set(delivery.type, sum);
    if (
      trace &&
      result.outcome !== "duplicate" &&
      !traced.has(`${delivery.type} ${result.outcome}`)
    )
      traced.set(`${delivery.type} ${result.outcome}`, counts.texts);
  });
}

let phases: Delivery[][] = [];

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: poolSize });
  pool.on("error", () => undefined);
  schema = `bench_${Date.now().toString(36)}`;
  await migrate(pool, { schema });
  const counted = recordingPool(pool, (text) => {
    const counts = current.getStore();
    if (!counts) return;
    counts.statements += 1;
    if (trace) counts.texts.push(text.replace(/\s+/g, " ").slice(0, 160));
  });
  t = await createStripeTest({
    store: createPostgresStore({ client: counted, schema }),
    payments: { paymentMethods: ["card", "ach"] },
    tenant: { allowPartialOnlinePayment: true },
  });
  t.stripe.on("request", () => {
    const counts = current.getStore();
    if (counts) counts.stripeCalls += 1;
  });

  const total = (index: number) => `${100 + index}.50`;
  const less = (index: number, amount: number) => `${100 + index - amount}.50`;
  const tenants = [t.main];
  for (let index = 1; index < tenantCount; index++) {
    tenants.push(await t.addTenant(`bench-${index}`, { allowPartialOnlinePayment: true }));
  }
  const paid = async (invoiceId: string) => {
    const session = await t.checkout(invoiceId, undefined, tenantOf.get(invoiceId));
    t.fake.pay(session.sessionId);
    return String(t.fake.state.sessions.get(session.sessionId)?.session.payment_intent);
  };
  /** Remit refunds whose outcome comes later, and the dashboard refunds still pending. */
  const remitRefunds: [string, "succeeded" | "failed"][] = [];
  const outcomes: [string, "succeeded" | "failed", boolean][] = [];
  for (let index = 0; index < invoiceCount; index++) {
    const tenant = tenants[index % tenants.length] ?? t.main;
    const invoice = await t.issuedInvoice(total(index), tenant);
    tenantOf.set(invoice.id, tenant);
    const kind = index % 10;
    t.fake.state.refundStatus = "succeeded";
    let want: Expected = { status: "paid", amountPaid: total(index) };
    if (kind === 0) {
      await paid(invoice.id);
    } else if (kind === 1 || kind === 2) {
      // ACH: processing, then settled or bounced.
      const session = await t.checkout(invoice.id, undefined, tenant);
      t.fake.pay(session.sessionId, { outcome: "processing" });
      t.fake.settle(session.sessionId, kind === 1 ? "succeeded" : "failed");
      if (kind === 2) want = { status: "pending_payment", amountPaid: "0.00" };
    } else if (kind === 3) {
      // Two partial payments, the first declined once before it went through.
      const first = await t.checkout(invoice.id, "50.00", tenant);
      t.fake.pay(first.sessionId, { outcome: "declined" });
      t.fake.pay(first.sessionId);
      const second = await t.checkout(invoice.id, "25.00", tenant);
      t.fake.pay(second.sessionId);
      want = { status: "pending_payment", amountPaid: "75.00" };
    } else if (kind === 4) {
      // Refunded in the dashboard, succeeded at once.
      t.fake.refundInDashboard(await paid(invoice.id), 1000);
      want = { status: "pending_payment", amountPaid: less(index, 10) };
    } else if (kind === 5 || kind === 6) {
      // Refunded from Remit (the payment's own event first: Remit refunds only what it knows);
      // Stripe answers pending, and the refund succeeds or fails later.
      const intentId = await paid(invoice.id);
      const event = t.fake.state.outbox.find(
        (candidate) =>
          candidate.type === "payment_intent.succeeded" &&
          (candidate.data.object as Stripe.PaymentIntent).id === intentId,
      );
      await t.deliver([event as Stripe.Event]);
      const details = await t.remit.invoices.get(tenant.ctx, { id: invoice.id });
      const { refund } = await t.remit.invoices.refund(tenant.ctx, {
        id: invoice.id,
        paymentId: details.payments[0]?.id as string,
        amount: "20.00",
        idempotencyKey: `refund-${index}`,
      });
      remitRefunds.push([refund.id, kind === 5 ? "succeeded" : "failed"]);
      if (kind === 5) want = { status: "pending_payment", amountPaid: less(index, 20) };
    } else if (kind === 7 || kind === 8) {
      // Refunded in the dashboard, pending at charge.refunded, then succeeded or failed.
      const intentId = await paid(invoice.id);
      t.fake.state.refundStatus = "pending";
      const { refund } = t.fake.refundInDashboard(intentId, 1000);
      outcomes.push([refund.id, kind === 7 ? "succeeded" : "failed", index % 4 === 0]);
      if (kind === 7) want = { status: "pending_payment", amountPaid: less(index, 10) };
    } else {
      // Disputed: the funds are withdrawn, then reinstated when the dispute is won.
      const { dispute } = t.fake.dispute(await paid(invoice.id));
      t.fake.winDispute(dispute.id);
    }
    expected.set(invoice.id, want);
  }
  // The outbox worker asks Stripe for Remit's refunds: Stripe answers pending.
  t.fake.state.refundStatus = "pending";
  const worker = t.worker();
  while ((await worker.runOnce()).claimed > 0);
  for (const [refundId, outcome] of remitRefunds) {
    const entry = [...t.fake.state.refunds.values()].find(
      (candidate) => candidate.refund.metadata?.remit_refund_id === refundId,
    );
    if (entry?.refund.status !== "pending") throw new Error(`refund ${refundId} is not pending`);
    outcomes.push([entry.refund.id, outcome, false]);
  }
  phases = [deliveriesOf(t.fake.takeEvents(), 42)];
  // The refunds' outcomes are delivered after the events before them, as they happen later.
  for (const [refundId, outcome, chargeRefundUpdated] of outcomes) {
    t.fake.updateRefund(refundId, outcome, { chargeRefundUpdated });
  }
  phases.push(deliveriesOf(t.fake.takeEvents(), 43));
}, 1_800_000);

afterAll(async () => {
  await t?.close();
  await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

test("webhooks per second on PostgreSQL (default durability), 8 at a time, 10% duplicates", async () => {
  const deliveries = phases.flat();
  const duplicates = deliveries.length - new Set(deliveries.map((each) => each.rawBody)).size;
  const load = loadavg();
  const { rows } = await pool.query(
    "SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit",
  );
  const server = rows[0] as { version: string; fsync: string; synchronous_commit: string };

  // The floor: the same deliveries through signature verification alone, each secret in turn as
  // the handler tries them, at the same concurrency.
  const receivedAt = Date.parse(t.clock.now());
  const floorSeconds = await run(deliveries, async ({ rawBody, signature }) => {
    for (const secret of [platformSecret, connectSecret]) {
      try {
        t.stripe.webhooks.constructEvent(rawBody, signature, secret, 300, undefined, receivedAt);
        return;
      } catch {
        // the next secret
      }
    }
    throw new Error("a delivery did not verify");
  });

  let seconds = 0;
  const cpuBefore = process.cpuUsage();
  for (const phase of phases) seconds += await handleAll(phase);
  const cpu = process.cpuUsage(cpuBefore);
  const loadAfter = loadavg();

  for (const [id, want] of expected) {
    const { invoice } = await t.remit.invoices.get(tenantOf.get(id)?.ctx ?? t.ctx, { id });
    expect({ status: invoice.status, amountPaid: invoice.amountPaid }, `invoice ${id}`).toEqual(
      want,
    );
  }

  const rate = (count: number, time: number) => Math.round(count / time).toLocaleString("en-US");
  const types = [...new Set(timings.map((timing) => timing.type))].sort();
  const lines = types.map((type) => {
    const mine = timings.filter((timing) => timing.type === type);
    const sorted = mine.map((timing) => timing.milliseconds).sort((a, b) => a - b);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
    const outcomes = Object.entries(
      mine.reduce<Record<string, number>>((counts, timing) => {
        counts[timing.outcome] = (counts[timing.outcome] ?? 0) + 1;
        return counts;
      }, {}),
    )
      .map(([outcome, count]) => `${count} ${outcome}`)
      .join(", ");
    const counts = perType.get(type) ?? { statements: 0, stripeCalls: 0 };
    return `| ${type} | ${mine.length} | ${rate(concurrency * 1000, mean)} | ${mean.toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${(counts.statements / mine.length).toFixed(1)} | ${(counts.stripeCalls / mine.length).toFixed(1)} | ${outcomes} |`;
  });
  const statements = [...perType.values()].reduce((sum, each) => sum + each.statements, 0);
  const stripeCalls = [...perType.values()].reduce((sum, each) => sum + each.stripeCalls, 0);
  console.info(
    [
      "",
      `PostgreSQL ${server.version} (fsync ${server.fsync}, synchronous_commit ${server.synchronous_commit}), pool ${poolSize}, ${concurrency} deliveries at a time, ${tenantCount} tenant(s), ${cpus().length} cores, load average ${load.map((value) => value.toFixed(2)).join(" ")} before, ${loadAfter.map((value) => value.toFixed(2)).join(" ")} after`,
      "",
      "| run | deliveries | duplicates | seconds | events/s |",
      "| --- | --- | --- | --- | --- |",
      `| handleStripeWebhook | ${deliveries.length} | ${((duplicates / deliveries.length) * 100).toFixed(0)}% | ${seconds.toFixed(2)} | ${rate(deliveries.length, seconds)} |`,
      `| floor: signature only | ${deliveries.length} | ${((duplicates / deliveries.length) * 100).toFixed(0)}% | ${floorSeconds.toFixed(2)} | ${rate(deliveries.length, floorSeconds)} |`,
      "",
      `Per event type (events/s: ${concurrency} at a time ÷ mean time, the rate of a stream of that type alone at this mix's contention); statements and Stripe calls per delivery (${(statements / timings.length).toFixed(1)} and ${(stripeCalls / timings.length).toFixed(1)} over all); this process's CPU (handler, pg client and the fake Stripe) ${((cpu.user + cpu.system) / 1000 / deliveries.length).toFixed(2)} ms per delivery:`,
      "",
      "| event type | deliveries | events/s | mean ms | p95 ms | statements | Stripe calls | outcomes |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...lines,
      "",
      ...[...traced].flatMap(([what, texts]) => [`${what}:`, ...texts.map((text) => `  ${text}`)]),
    ].join("\n"),
  );
});
