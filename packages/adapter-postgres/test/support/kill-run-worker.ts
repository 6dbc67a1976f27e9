/**
 * One OS process of the kill run: `run-processes-under-kills.ts` bundles this file with the
 * adapter's source (tsup) and starts it with `fork`. It issues invoices and records their
 * payments through `createRemit` on its own `pg.Pool`, while the test process terminates its
 * backends and may SIGKILL it. Every move carries an idempotency key and a failed move is tried
 * again with the same key while the error is retryable. The pool gets no `error` listener:
 * keeping the process alive when the server drops a connection is the store's job, and an
 * uncaught error ends this process with a non-zero code, which the test reports.
 */
import { createRemit, RemitError } from "@remit/core";
import pg from "pg";
import { createPostgresStore } from "../../src/index";
import {
  type KillRunStopMessage,
  type KillRunWorkerConfig,
  type KillRunWorkerMessage,
  type KillRunWorkerReport,
  killRunMove,
  workerConfigVariable,
} from "./kill-run-protocol";

const config = JSON.parse(process.env[workerConfigVariable] ?? "null") as KillRunWorkerConfig;
if (!config || !process.send) throw new Error("start this file with fork() from the kill run");

let stopped = false;
process.on("message", (message: KillRunStopMessage) => {
  if (message.type === "stop") stopped = true;
});
// The test process is gone (a timeout, a crash): stop after the current move, never run on alone.
let orphaned = false;
process.on("disconnect", () => {
  orphaned = true;
});
const send = (message: KillRunWorkerMessage) =>
  new Promise<void>((resolve) => process.send?.(message, () => resolve()));

const report: KillRunWorkerReport = {
  invoices: 0,
  moves: 0,
  retries: {},
  mostAttempts: 0,
  givenUp: [],
};

async function withRetries<Result>(
  move: string,
  run: () => Promise<Result>,
): Promise<Result | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await run();
      report.moves++;
      report.mostAttempts = Math.max(report.mostAttempts, attempt);
      return result;
    } catch (error) {
      const code = RemitError.isInstance(error) ? error.code : "not_a_remit_error";
      if (RemitError.isInstance(error) && error.retryable && attempt < config.maxAttempts) {
        report.retries[code] = (report.retries[code] ?? 0) + 1;
        continue;
      }
      report.givenUp.push(`${move} after ${attempt} attempts: ${code}: ${String(error)}`);
      return undefined;
    }
  }
}

const pool = new pg.Pool({
  connectionString: config.url,
  max: 2,
  application_name: config.applicationName,
});
// The store first: it watches the pool's connections from their start. A connection opened
// before, and held here while the next one connects, would have no `error` listener at all.
const remit = createRemit({ store: createPostgresStore({ client: pool, schema: config.schema }) });
// Two connections: a worker makes one move at a time and the pool hands out the connection
// released last, so the other one stays idle in the pool, where a kill reaches it. (A warm-up
// connection the killer ends is no matter: the store opens another.)
const warm = await Promise.allSettled([pool.connect(), pool.connect()]);
for (const connection of warm) if (connection.status === "fulfilled") connection.value.release();
const customers = new Map(config.tenants.map((tenant) => [tenant.tenantId, tenant.customerId]));
const tenantIds = config.tenants.map((tenant) => tenant.tenantId);
const lines = [
  { kind: "labor" as const, description: "Labor", quantity: "1.5", unitPrice: "95.00" },
  { kind: "material" as const, description: "Parts", quantity: "2", unitPrice: "12.35" },
];

for (let index = 0; !orphaned && (index < config.invoices || !stopped); index++) {
  await send({ type: "starting", index });
  const move = killRunMove(config.worker, index, tenantIds);
  const ctx = { tenantId: move.tenantId, actor: { type: "user" as const, id: "user_1" } };
  report.invoices = index + 1;
  const created = await withRetries(`issue ${move.invoiceKey}`, () =>
    remit.invoices.create(ctx, {
      customerId: customers.get(move.tenantId),
      lines,
      issue: true,
      idempotencyKey: move.invoiceKey,
    }),
  );
  if (!created) continue;
  await withRetries(`payment ${move.paymentKey}`, () =>
    remit.invoices.recordPayment(ctx, {
      id: created.invoice.id,
      amount: created.invoice.amountDue,
      method: "check",
      idempotencyKey: move.paymentKey,
    }),
  );
}

await pool.end();
await send({ type: "done", report });
if (process.connected) process.disconnect();
