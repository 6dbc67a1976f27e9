import {
  createPostgresChangeFeed,
  createPostgresStore,
  migrate,
  type PostgresChange,
  type PostgresChangeFeed,
} from "@remit/adapter-postgres";
import { type Context, createRemit, type Invoice, type Remit } from "@remit/core";
import { createRemitHandler } from "@remit/server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const ctx: Context = { tenantId: "reyes", actor: { type: "user", id: "u_office" } };
const publicUrl = "https://pay.example.com";
const schema = `cache_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const channel = `${schema}_changes`;

const pools: pg.Pool[] = [];
const feeds: PostgresChangeFeed[] = [];
function newPool() {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 4 });
  pools.push(pool);
  return pool;
}

/**
 * One app process as deployed: its own pool, store, Remit, change feed and handler with the
 * hosted page's cache. `announces: false` is a process whose store was made without
 * `notifyChannel` (its moves are heard by no other process).
 */
async function startProcess(options: { announces: boolean }) {
  const store = createPostgresStore({
    client: newPool(),
    schema,
    ...(options.announces ? { notifyChannel: channel } : {}),
  });
  const remit: Remit = createRemit({ store });
  const changes = createPostgresChangeFeed({
    newClient: () => new pg.Client({ connectionString: inject("databaseUrl") }),
    channel,
  });
  feeds.push(changes);
  await changes.ready;
  const { fetch } = createRemitHandler({ remit, publicUrl, hostedPageCache: { changes } });
  const view = async (invoice: Invoice) => {
    const response = await fetch(new Request(`${publicUrl}/i/${invoice.publicToken}`));
    return { status: response.status, html: await response.text() };
  };
  return { remit, changes, view };
}

/** Resolves when `feed` next hears of a change of `tenantId` (after the cache, which subscribed first). */
function nextChangeOf(feed: PostgresChangeFeed, tenantId: string): Promise<PostgresChange> {
  return new Promise((resolve) => {
    const stop = feed.subscribe((change) => {
      if (change.tenantId !== tenantId) return;
      stop();
      resolve(change);
    });
  });
}

const statusOf = (html: string) => /id="status" data-status="([a-z_]+)"/.exec(html)?.[1];

describe("hosted page cache - two processes on one PostgreSQL", () => {
  let first: Awaited<ReturnType<typeof startProcess>>;
  let second: Awaited<ReturnType<typeof startProcess>>;
  let quiet: Awaited<ReturnType<typeof startProcess>>;

  beforeAll(async () => {
    const setupPool = newPool();
    await migrate(setupPool, { schema });
    first = await startProcess({ announces: true });
    second = await startProcess({ announces: true });
    quiet = await startProcess({ announces: false });
  });
  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.close()));
    await pools[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it("cache - a payment or a new token in one process: that process serves the new page at once, the other as soon as the commit's NOTIFY reaches it", async () => {
    const { remit } = first;
    await remit.tenants.upsert(ctx, { name: "Reyes Plumbing", currency: "USD" });
    const customer = await remit.customers.create(ctx, { name: "Dana Reyes" });
    const { invoice: draft } = await remit.invoices.create(ctx, {
      customerId: customer.id,
      lines: [{ kind: "labor", description: "Service call", quantity: "1", unitPrice: "120.00" }],
    });
    const { invoice } = await remit.invoices.issue(ctx, { id: draft.id });

    // Both processes render the page and keep it.
    expect(statusOf((await first.view(invoice)).html)).toBe("pending_payment");
    const before = (await second.view(invoice)).html;
    expect(statusOf(before)).toBe("pending_payment");

    // A process that does not announce its moves changes the branding: nobody hears of it, so
    // the second process keeps serving the page it has. (This is why every writer sets
    // notifyChannel, and it shows the page comes from the cache.)
    await quiet.remit.tenants.upsert(ctx, { branding: { primaryColor: "#0f766e" } });
    expect((await second.view(invoice)).html).toBe(before);

    // The first process records the payment. Its own cache is cleared before the call returns;
    // the second process's as soon as PostgreSQL delivers the commit's notification.
    const heardBySecond = nextChangeOf(second.changes, ctx.tenantId);
    await remit.invoices.recordPayment(ctx, {
      id: invoice.id,
      amount: "120.00",
      method: "check",
      idempotencyKey: "check-1001",
    });
    expect(statusOf((await first.view(invoice)).html)).toBe("paid");
    await heardBySecond;
    const after = (await second.view(invoice)).html;
    expect(statusOf(after)).toBe("paid");
    expect(after).toContain("--remit-primary:#0f766e");

    // The office revokes the link in the first process: the old token is served by neither.
    const heardAgain = nextChangeOf(second.changes, ctx.tenantId);
    const { invoice: rotated } = await remit.invoices.rotatePublicToken(ctx, { id: invoice.id });
    expect((await first.view(invoice)).status).toBe(404);
    await heardAgain;
    expect((await second.view(invoice)).status).toBe(404);
    expect(statusOf((await second.view(rotated)).html)).toBe("paid");
  });
});
