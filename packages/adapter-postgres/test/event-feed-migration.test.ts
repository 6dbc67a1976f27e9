import type { RemitEvent } from "@remit/core";
import pg from "pg";
import { afterAll, describe, expect, inject, test } from "vitest";
import { createPostgresStore, migrate, type PostgresClient } from "../src/index";
import { runMigrations } from "../src/migrate";
import { migrations } from "../src/migrations/index";
import { openPGlite, uniqueSchema } from "./support/backends";
import { at, eventRecord, id } from "./support/records";

/** Rows as version 2 wrote them: `position` from the identity column, in INSERT order. */
async function insertAsVersion2(client: PostgresClient, schema: string, events: RemitEvent[]) {
  for (const event of events) {
    await client.query(
      `INSERT INTO "${schema}".events (tenant_id, id, type, spec_version, subject_type, subject_id,
         subject_version, occurred_at, actor, data)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9)`,
      [
        event.tenantId,
        event.id,
        event.type,
        event.subject.type,
        event.subject.id,
        event.subject.version,
        event.occurredAt,
        JSON.stringify(event.actor),
        JSON.stringify(event.data),
      ],
    );
  }
}

const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

/** Version 2's events of two tenants, interleaved, ids out of order: the feed is not by id. */
const oldEvents = [7, 3, 12, 1, 9, 4, 11].map((n, index) =>
  eventRecord(index % 3 === 2 ? "t2" : "t1", n, id("inv", 1 + (index % 2)), {
    subject: { type: "invoice", id: id("inv", 1 + (index % 2)), version: index + 1 },
  }),
);
const oldOf = (tenantId: string) => oldEvents.filter((event) => event.tenantId === tenantId);

async function checkUpgrade(client: PostgresClient, schema: string, options: { schema?: string }) {
  const upToVersion2 = migrations.filter((migration) => migration.version <= 2);
  expect(await runMigrations(client, schema, upToVersion2)).toEqual({
    applied: [1, 2],
    version: 2,
  });
  await insertAsVersion2(client, schema, oldEvents);

  const upgraded = await migrate(client, options);
  expect(upgraded.applied).toEqual(
    migrations.filter((migration) => migration.version >= 3).map((migration) => migration.version),
  );

  // Each tenant's counter starts at its highest old position.
  type Counter = { tenant_id: string; last_position: string };
  const counters = (
    await client.query(
      `SELECT tenant_id, last_position::text AS last_position FROM "${schema}".event_positions
       ORDER BY tenant_id`,
    )
  ).rows as Counter[];
  const maxima = (
    await client.query(
      `SELECT tenant_id, max(position)::text AS last_position FROM "${schema}".events
       GROUP BY tenant_id ORDER BY tenant_id`,
    )
  ).rows as Counter[];
  expect(counters).toEqual(maxima);
  expect(counters.map((counter) => counter.tenant_id)).toEqual(["t1", "t2"]);

  const store = createPostgresStore({ client, ...options });
  const inTenant = <T>(
    tenantId: string,
    work: Parameters<typeof store.transaction<T>>[0]["work"],
  ) => store.transaction({ tenantId, work });

  // The old events, in the order version 2 appended them, whole and a page at a time.
  const whole = await inTenant("t1", (transaction) => transaction.events.list({ limit: 100 }));
  expect(whole.items).toEqual(oldOf("t1"));
  const paged: RemitEvent[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await inTenant("t1", (transaction) =>
      transaction.events.list({ limit: 2, cursor }),
    );
    paged.push(...page.items);
    cursor = page.nextCursor;
    if (page.items.length < 2) break;
  }
  expect(ids(paged)).toEqual(ids(oldOf("t1")));
  // A reader that kept an event id from version 2 (`after`, deprecated) goes on from it.
  const [, second, ...rest] = oldOf("t1");
  expect(
    ids(
      (
        await inTenant("t1", (transaction) =>
          transaction.events.list({ limit: 100, after: second?.id }),
        )
      ).items,
    ),
  ).toEqual(ids(rest));

  // New appends come after the old events, on the cursor the reader already holds.
  const fresh = [20, 21].map((n) => eventRecord("t1", n, id("inv", 1)));
  await inTenant("t1", (transaction) => transaction.events.append({ events: fresh, runAt: at }));
  const next = await inTenant("t1", (transaction) =>
    transaction.events.list({ limit: 100, cursor }),
  );
  expect(ids(next.items)).toEqual(ids(fresh));
  expect(
    ids((await inTenant("t1", (transaction) => transaction.events.list({ limit: 100 }))).items),
  ).toEqual(ids([...oldOf("t1"), ...fresh]));
  // The other tenant's old events are untouched, and a tenant new to the feed starts it.
  expect(
    (await inTenant("t2", (transaction) => transaction.events.list({ limit: 100 }))).items,
  ).toEqual(oldOf("t2"));
  const first = eventRecord("t3", 30, id("inv", 3));
  await inTenant("t3", (transaction) => transaction.events.append({ events: [first], runAt: at }));
  expect(
    (await inTenant("t3", (transaction) => transaction.events.list({ limit: 100 }))).items,
  ).toEqual([first]);

  // A writer that does not take a position from the counter (Remit before version 3) is refused.
  await expect(
    insertAsVersion2(client, schema, [eventRecord("t1", 40, id("inv", 1))]),
  ).rejects.toThrow(/position/);
}

describe("pglite", () => {
  test("migrate 3 - the events of version 2 keep their order, and new appends come after them", async () => {
    const db = await openPGlite("blank");
    try {
      await checkUpgrade(db, "remit", {});
    } finally {
      await db.close();
    }
  });
});

describe("postgres", () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  const schema = uniqueSchema();
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  test("migrate 3 - the events of version 2 keep their order, and new appends come after them", async () => {
    await checkUpgrade(pool, schema, { schema });
  });
});
