import { type Context, createRemit } from "@remit/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  createPostgresChangeFeed,
  createPostgresStore,
  type PostgresChange,
  type PostgresChangeFeed,
} from "../src/index";
import { openBackend, openPGlite, type TestBackend } from "./support/backends";

const user = (tenantId: string): Context => ({ tenantId, actor: { type: "user", id: "u_1" } });

/** The changes a feed hears, in order; `next()` waits for the next one (no timers). */
function recordChanges(feed: PostgresChangeFeed) {
  const heard: PostgresChange[] = [];
  const waiting: ((change: PostgresChange) => void)[] = [];
  feed.subscribe((change) => {
    const waiter = waiting.shift();
    if (waiter) waiter(change);
    else heard.push(change);
  });
  return {
    next: () =>
      new Promise<PostgresChange>((resolve) => {
        const change = heard.shift();
        if (change) resolve(change);
        else waiting.push(resolve);
      }),
  };
}

describe("postgres - change notifications", () => {
  let backend: TestBackend;
  let feed: PostgresChangeFeed;
  beforeAll(async () => {
    backend = await openBackend("postgres");
    feed = createPostgresChangeFeed({
      newClient: () => new pg.Client({ connectionString: inject("databaseUrl") }),
      channel: `${backend.schema}_changes`,
    });
    await feed.ready;
  });
  afterAll(async () => {
    await feed?.close();
    await backend?.close();
  });

  const storeWith = (notifyChannel?: string) =>
    createPostgresStore({
      client: backend.newPool(4),
      schema: backend.schema,
      ...(notifyChannel ? { notifyChannel } : {}),
    });

  test("notifyChannel - each committed move announces its tenant on the channel; a refused move and a store without the option announce nothing", async () => {
    const changes = recordChanges(feed);
    expect(feed.listening).toBe(true);
    const notifying = createRemit({ store: storeWith(`${backend.schema}_changes`) });
    const silent = createRemit({ store: storeWith() });

    await silent.customers.create(user("silent-tenant"), { name: "Not announced" });
    // Rolled back inside the transaction: a version conflict after the tenant's row was read.
    await notifying.tenants.upsert(user("refused-tenant"), { name: "First" });
    expect(await changes.next()).toEqual({ tenantId: "refused-tenant" });
    await expect(
      notifying.tenants.upsert(user("refused-tenant"), { name: "Stale", expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: "version_conflict" });
    await notifying.customers.create(user("acme"), { name: "Dana Reyes" });

    // Notifications arrive in commit order: the next one is acme's, nothing came in between.
    expect(await changes.next()).toEqual({ tenantId: "acme" });
  });

  test("createPostgresChangeFeed - a lost connection is reported ({}), and the feed listens again", async () => {
    const channel = `${backend.schema}_again`;
    let sessions = 0;
    const own = createPostgresChangeFeed({
      newClient: () => {
        sessions += 1;
        return new pg.Client({
          connectionString: inject("databaseUrl"),
          application_name: `remit-feed-${channel}`,
        });
      },
      channel,
      reconnectDelay: 10,
    });
    try {
      await own.ready;
      const changes = recordChanges(own);
      await backend.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
        [`remit-feed-${channel}`],
      );
      expect(await changes.next()).toEqual({}); // lost: anything may have been missed
      expect(own.listening).toBe(false);
      expect(await changes.next()).toEqual({}); // listening again
      expect(own.listening).toBe(true);
      expect(sessions).toBe(2);
      const remit = createRemit({ store: storeWith(channel) });
      await remit.customers.create(user("after-reconnect"), { name: "Sam Ortiz" });
      expect(await changes.next()).toEqual({ tenantId: "after-reconnect" });
    } finally {
      await own.close();
    }
  });
});

describe("pglite - change notifications", () => {
  test("notifyChannel - the same statement announces the move on PGlite", async () => {
    const db = await openPGlite("migrated");
    try {
      const heard: string[] = [];
      await db.listen("remit_changes", (payload) => heard.push(payload));
      const remit = createRemit({
        store: createPostgresStore({ client: db, notifyChannel: "remit_changes" }),
      });
      await remit.customers.create(user("acme"), { name: "Dana Reyes" });
      await db.query("SELECT 1"); // PGlite hands notifications over after a query returns
      expect(heard).toEqual(["acme"]);
    } finally {
      await db.close();
    }
  });

  test("notifyChannel - a name LISTEN could not take unquoted is refused", () => {
    expect(() =>
      createPostgresStore({ client: {} as never, notifyChannel: "Remit Changes" }),
    ).toThrow(/notifyChannel/);
  });
});
