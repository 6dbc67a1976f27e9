import { PGlite } from "@electric-sql/pglite";
import { createPostgresStore, migrate } from "@remit/adapter-postgres";
import type Stripe from "stripe";
import { afterAll, beforeAll, expect, test } from "vitest";
import { handleStripeWebhook } from "../src/index";
import { createStripeTest, type StripeTest } from "../test/support/stripe-test-harness";

// Webhook events processed per second (signature verified with the `stripe` SDK, then recorded)
// on the PostgreSQL store, here PGlite in-process, with 10% of the deliveries duplicates. Not part
// of CI: `npm run bench -w @remit/adapter-stripe`.
//   BENCH_INVOICES  invoices paid by card, three events each (default 300)

const invoiceCount = Number(process.env.BENCH_INVOICES ?? 300);

let db: PGlite;
let t: StripeTest;
let deliveries: { rawBody: string; signature: string }[] = [];
let duplicateCount = 0;

/** A deterministic shuffle (mulberry32), so runs compare. */
function shuffled<T>(items: T[]): T[] {
  let state = 42;
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

beforeAll(async () => {
  db = await PGlite.create();
  await migrate(db);
  t = await createStripeTest({ store: createPostgresStore({ client: db }) });
  for (let index = 0; index < invoiceCount; index++) {
    const invoice = await t.issuedInvoice(`${100 + index}.00`);
    const session = await t.checkout(invoice.id);
    t.fake.pay(session.sessionId);
  }
  const events: Stripe.Event[] = t.fake.takeEvents();
  const duplicates = events.filter((_, index) => index % 9 === 0);
  duplicateCount = duplicates.length;
  deliveries = shuffled([...events, ...duplicates]).map((event) => t.sign(event));
});

afterAll(async () => {
  await t?.close();
  await db?.close();
});

test("webhooks per second on PGlite, 10% duplicates", async () => {
  const started = performance.now();
  for (const delivery of deliveries) await handleStripeWebhook(t.remit, t.payments, delivery);
  const seconds = (performance.now() - started) / 1000;

  const { items } = await t.remit.invoices.list(t.ctx, { status: "paid", limit: 200 });
  expect(items.length).toBe(Math.min(200, invoiceCount));
  console.info(
    [
      "| deliveries | duplicates | seconds | events/s |",
      "| --- | --- | --- | --- |",
      `| ${deliveries.length} | ${((duplicateCount / deliveries.length) * 100).toFixed(0)}% | ${seconds.toFixed(2)} | ${Math.round(deliveries.length / seconds)} |`,
    ].join("\n"),
  );
});
