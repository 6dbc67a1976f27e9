import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { openBackend, type TestBackend } from "./support/backends";
import { tailTheFeed } from "./support/tail-the-feed";

// The feed on a real server: PGlite is one connection, whose transactions run one after another,
// so there no commit can overtake another. The larger run is in bench/event-feed.bench.test.ts.
describe("postgres", () => {
  let backend: TestBackend | undefined;
  beforeAll(async () => {
    backend = await openBackend("postgres");
  });
  afterAll(() => backend?.close());

  test("events.list - a reader tailing the feed sees every committed event once, whatever the commit order", async () => {
    const { schema } = backend as TestBackend;
    const seed = 20_260_301;
    const result = await tailTheFeed({
      url: inject("databaseUrl"),
      schema,
      tenants: ["t1", "t2"],
      rounds: 6,
      writers: 6,
      subjects: 4,
      pageSize: 3,
      seed,
    });
    for (const [tenantId, committed] of result.committed) {
      const seen = result.seen.get(tenantId) ?? [];
      const ids = (events: { id: string }[]) => events.map((event) => event.id).sort();
      expect(committed.length, `tenant ${tenantId}, seed ${seed}`).toBeGreaterThan(10);
      // Exactly once: nothing skipped, nothing repeated.
      expect(ids(seen), `tenant ${tenantId}, seed ${seed}`).toEqual(ids(committed));
      expect(new Set(ids(seen)).size).toBe(seen.length);
      // A subject's versions only go up along the feed.
      const lastVersion = new Map<string, number>();
      for (const event of seen) {
        expect(event.subject.version).toBeGreaterThan(lastVersion.get(event.subject.id) ?? 0);
        lastVersion.set(event.subject.id, event.subject.version);
      }
      expect(result.finalPages.get(tenantId)).toBe(0);
    }
  });
});
