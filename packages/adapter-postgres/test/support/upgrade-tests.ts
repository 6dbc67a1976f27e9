import pg from "pg";
import { afterAll, inject, test } from "vitest";
import type { PostgresClient } from "../../src/index";
import { openPGlite, uniqueSchema } from "./backends";

/**
 * One migration's upgrade test on both backends: `check(client, schema)` on a fresh schema of the
 * test server (dropped after) and on a blank PGlite (closed after). `title` ends each test's name.
 */
export function testUpgradeOnBothBackends(
  title: string,
  check: (client: PostgresClient, schema: string) => Promise<void>,
): void {
  const pools: pg.Pool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  test(`PostgreSQL: ${title}`, async () => {
    const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
    pools.push(pool);
    const schema = uniqueSchema();
    try {
      await check(pool, schema);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  test(`PGlite: ${title}`, async () => {
    const db = await openPGlite("blank");
    try {
      await check(db, "remit");
    } finally {
      await db.close();
    }
  });
}
