import type { RemitEvent } from "@remit/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createPostgresStore, migrate } from "../src/index";
import { uniqueSchema } from "../test/support/backends";
import { at, id } from "../test/support/records";
import { tailTheFeed } from "../test/support/tail-the-feed";

// The event feed at a larger size than CI's test/event-feed.test.ts, and what the per-tenant
// position counter costs appenders. Not part of CI.
//   BENCH_FEED_ROUNDS   rounds of held-open writers in the tailing run (default 200)
//   BENCH_FEED_APPENDS  one-event moves per append run (default 4,000)

const rounds = Number(process.env.BENCH_FEED_ROUNDS ?? 200);
const appends = Number(process.env.BENCH_FEED_APPENDS ?? 4_000);
const clients = 8;
const results: [string, string][] = [];

let pool: pg.Pool;
let schema: string;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: clients });
  pool.on("error", () => undefined);
  schema = uniqueSchema();
  await migrate(pool, { schema });
});

afterAll(async () => {
  console.log(
    `\nRemit's event feed on PostgreSQL (${(await pool.query("SHOW server_version")).rows[0]?.server_version})\n${results.map(([name, value]) => `  ${name.padEnd(58)} ${value}`).join("\n")}\n`,
  );
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

describe("event feed", () => {
  test("tailing - every committed event seen once, commits let go in adversarial order", async () => {
    const started = performance.now();
    const result = await tailTheFeed({
      url: inject("databaseUrl"),
      schema,
      tenants: ["feed_a", "feed_b", "feed_c"],
      rounds,
      writers: 12,
      subjects: 8,
      pageSize: 5,
      seed: Date.now() % 1_000_000,
    });
    let total = 0;
    for (const [tenantId, committed] of result.committed) {
      const seen = result.seen.get(tenantId) ?? [];
      const ids = (events: RemitEvent[]) => events.map((event) => event.id).sort();
      expect(ids(seen)).toEqual(ids(committed));
      const last = new Map<string, number>();
      for (const event of seen) {
        expect(event.subject.version).toBeGreaterThan(last.get(event.subject.id) ?? 0);
        last.set(event.subject.id, event.subject.version);
      }
      total += committed.length;
    }
    const seconds = (performance.now() - started) / 1000;
    results.push([
      `tailing: ${rounds} rounds of 12 writers, 3 tenants`,
      `${total} events, ${result.pages} pages, ${seconds.toFixed(1)} s, none skipped or repeated`,
    ]);
  });

  test("appends - one-event moves per second, 8 clients, on one tenant and on eight", async () => {
    const store = createPostgresStore({ client: pool, schema });
    let serial = 0;
    const run = async (tenants: number) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, client) => {
          for (let index = next++; index < appends; index = next++) {
            const tenantId = `append_${tenants}_${client % tenants}`;
            const subjectId = id("inv", index + 1);
            const event: RemitEvent = {
              id: id("evt", ++serial),
              type: "invoice.updated",
              specVersion: 1,
              tenantId,
              subject: { type: "invoice", id: subjectId, version: 1 },
              occurredAt: at,
              actor: { type: "user", id: "usr_1" },
              data: {},
            };
            await store.transaction({
              tenantId,
              work: (transaction) => transaction.events.append({ events: [event], runAt: at }),
            });
          }
        }),
      );
      return appends / ((performance.now() - started) / 1000);
    };
    const oneTenant = await run(1);
    const eightTenants = await run(8);
    results.push([`appends: ${appends} moves, 8 clients, 1 tenant`, `${oneTenant.toFixed(0)}/s`]);
    results.push([
      `appends: ${appends} moves, 8 clients, 8 tenants`,
      `${eightTenants.toFixed(0)}/s`,
    ]);
  });
});
