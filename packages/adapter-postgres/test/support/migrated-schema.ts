import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { migrate } from "../../src/index";
import { uniqueSchema } from "./backends";

/**
 * A pool on the test server and a schema of its own, migrated to the latest version before the
 * file's (or describe block's) tests and dropped after them. Call it where `beforeAll` may be.
 */
export function migratedSchema(options: { max?: number } = {}): { pool: pg.Pool; schema: string } {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: options.max ?? 2 });
  pool.on("error", () => undefined);
  const schema = uniqueSchema();
  beforeAll(async () => {
    await migrate(pool, { schema });
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  return { pool, schema };
}

/**
 * Pending outbox jobs `from`..`to` in one statement, spread over 1,000 tenants: job n runs at
 * `base` plus n times `step` (an SQL interval, such as `1 second`).
 */
export async function insertPendingJobs(
  pool: pg.Pool,
  schema: string,
  jobs: { from: number; to: number; base: string; step: string },
): Promise<void> {
  await pool.query(
    `INSERT INTO "${schema}".outbox_jobs (tenant_id, id, kind, run_at, status, attempts, payload,
       state, created_at, updated_at)
     SELECT 't' || lpad((n % 1000)::text, 4, '0'), 'job_' || lpad(n::text, 26, '0'), 'event',
            $1::timestamptz + n * $4::interval, 'pending', 0,
            jsonb_build_object('event', jsonb_build_object('id', 'evt_' || n)), '{}'::jsonb,
            $1::timestamptz, $1::timestamptz
     FROM generate_series($2::integer, $3::integer) AS n`,
    [jobs.base, jobs.from, jobs.to, jobs.step],
  );
}
