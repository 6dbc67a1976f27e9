import type { RemitEvent } from "@remit/core";
import pg from "pg";
import { createPostgresStore } from "../../src/index";
import { at, id } from "./records";

export type TailTheFeedOptions = {
  url: string;
  /** The schema `migrate` created. */
  schema: string;
  /** Writers take turns at these tenants; a reader tails each tenant's feed. */
  tenants: readonly string[];
  /** Rounds of writers, each round started, held open and committed before the next. */
  rounds: number;
  /** Writers per round, each a transaction on a connection of its own. */
  writers: number;
  /** Subjects per tenant that the writers' events are about. */
  subjects: number;
  /** The reader's page size. */
  pageSize: number;
  /** Seeds the shuffles, so a failing run can be replayed. */
  seed: number;
};

export type TailTheFeedResult = {
  /** Every event a writer committed, by tenant, in no particular order. */
  committed: Map<string, RemitEvent[]>;
  /** What the tenant's reader saw, in the order it saw it. */
  seen: Map<string, RemitEvent[]>;
  /** Pages read, all tenants together. */
  pages: number;
  /** How many events the last read of each tenant's feed found, once every writer had committed. */
  finalPages: Map<string, number>;
};

type Writer = {
  index: number;
  /** Whether its events are appended (not yet committed). */
  isAppended: () => boolean;
  /** The error that ended the writer's transaction, if one did. */
  failure: () => unknown;
  /** Lets the writer's transaction commit. */
  release: () => void;
  /** Resolves with the events once committed. */
  done: Promise<RemitEvent[]>;
};

const writerName = (index: number) => `remit_feed_writer_${index}`;

/**
 * Writers append events in transactions whose COMMIT the test holds back, then lets go in an
 * adversarial order, while a reader tails each tenant's feed with the cursor, a page after every
 * commit. Each round starts its writers one at a time, and starts the next only once the previous
 * one has appended its events or waits on a lock (`pg_stat_activity`): so the writers append in
 * start order where nothing makes them wait. The first round commits them last-started first (the
 * writer holding the earliest positions commits last), the others in a seeded shuffle. Each event
 * is about a subject whose version comes from a counter row locked by the writer
 * (`sequences.next`), as a move locks the record it changes. No step waits for a time: the only
 * polling waits for a writer to reach a state.
 */
export async function tailTheFeed(options: TailTheFeedOptions): Promise<TailTheFeedResult> {
  const random = seededRandom(options.seed);
  const monitor = new pg.Pool({ connectionString: options.url, max: 2 });
  const pools = Array.from(
    { length: options.writers },
    (_, index) =>
      new pg.Pool({ connectionString: options.url, max: 1, application_name: writerName(index) }),
  );
  const reader = createPostgresStore({ client: monitor, schema: options.schema });
  const committed = new Map(options.tenants.map((tenant) => [tenant, [] as RemitEvent[]]));
  const seen = new Map(options.tenants.map((tenant) => [tenant, [] as RemitEvent[]]));
  const cursors = new Map<string, string | undefined>();
  let pages = 0;
  let serial = 0;

  /** Reads the tenant's feed from its cursor until a page is short: caught up, for now. */
  const tail = async (tenantId: string) => {
    for (;;) {
      const page = await reader.transaction({
        tenantId,
        work: (transaction) =>
          transaction.events.list({ cursor: cursors.get(tenantId), limit: options.pageSize }),
      });
      pages++;
      seen.get(tenantId)?.push(...page.items);
      cursors.set(tenantId, page.nextCursor);
      if (page.items.length < options.pageSize) return;
    }
  };
  const tailAll = async () => {
    for (const tenantId of options.tenants) await tail(tenantId);
  };

  const waitsOnLock = async (index: number) => {
    const { rows } = await monitor.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE application_name = $1 AND wait_event_type = 'Lock'`,
      [writerName(index)],
    );
    return (rows[0]?.waiting ?? 0) > 0;
  };

  const startWriter = (index: number, round: number): Writer => {
    const tenantId = options.tenants[(index + round) % options.tenants.length] as string;
    const store = createPostgresStore({ client: pools[index] as pg.Pool, schema: options.schema });
    // One to three events; subjects locked in ascending order, as no two moves deadlock.
    const subjects = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      Math.floor(random() * options.subjects),
    ).sort((a, b) => a - b);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let appendedFlag = false;
    const done = store.transaction({
      tenantId,
      work: async (transaction) => {
        const events: RemitEvent[] = [];
        for (const subject of subjects) {
          const subjectId = id("inv", subject + 1);
          const version = await transaction.sequences.next({ series: `feed:${subjectId}` });
          events.push({
            id: id("evt", ++serial),
            type: "invoice.updated",
            specVersion: 1,
            tenantId,
            subject: { type: "invoice", id: subjectId, version },
            occurredAt: at,
            actor: { type: "user", id: "usr_1" },
            data: { writer: index, round },
          });
        }
        await transaction.events.append({ events, runAt: at });
        appendedFlag = true;
        await gate;
        return events;
      },
    });
    let failure: unknown;
    const recorded = done.then(
      (events) => {
        committed.get(tenantId)?.push(...events);
        return events;
      },
      (error: unknown) => {
        failure = error ?? new Error("the writer failed");
        throw error;
      },
    );
    // Rejections are awaited below; this keeps an early one from being reported as unhandled.
    recorded.catch(() => undefined);
    return {
      index,
      isAppended: () => appendedFlag,
      failure: () => failure,
      release,
      done: recorded,
    };
  };

  try {
    for (let round = 0; round < options.rounds; round++) {
      const writers: Writer[] = [];
      for (let index = 0; index < options.writers; index++) {
        const writer = startWriter(index, round);
        writers.push(writer);
        // Until it has appended, or waits for a lock another open writer holds.
        while (!writer.isAppended() && !(await waitsOnLock(index))) {
          if (writer.failure() !== undefined) throw writer.failure();
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
      const order = round === 0 ? [...writers].reverse() : shuffle(writers, random);
      for (const writer of order) {
        writer.release();
        // A writer that has appended commits now; one waiting on a lock goes on when it gets it.
        if (writer.isAppended()) await writer.done;
        await tailAll();
      }
      await Promise.all(writers.map((writer) => writer.done));
      await tailAll();
    }
    // Every writer has committed and the reader has caught up: one more page of each feed.
    const finalPages = new Map<string, number>();
    for (const tenantId of options.tenants) {
      const before = seen.get(tenantId)?.length ?? 0;
      await tail(tenantId);
      finalPages.set(tenantId, (seen.get(tenantId)?.length ?? 0) - before);
    }
    return { committed, seen, pages, finalPages };
  } finally {
    await Promise.all([monitor.end(), ...pools.map((pool) => pool.end())]);
  }
}

function seededRandom(seed: number): () => number {
  // mulberry32
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
