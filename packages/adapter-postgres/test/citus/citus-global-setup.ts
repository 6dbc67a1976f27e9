import pg from "pg";
import type { TestProject } from "vitest/node";

/**
 * `npm run test:citus`: the suite runs on the Citus coordinator at `CITUS_URL`. Without it, or on
 * a server without Citus, the run fails here with what to do; it never skips.
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.CITUS_URL;
  if (!url) {
    throw new Error(
      "test:citus needs CITUS_URL, the connection string of a Citus coordinator (postgres://user:password@host:port/database). On this machine, scripts/start-citus-cluster.sh start starts a coordinator and two workers and prints it.",
    );
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ citus: string | null; server: string; workers: number }>(
      `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'citus') AS citus,
              current_setting('server_version') AS server,
              (SELECT count(*)::int FROM pg_dist_node
               WHERE groupid <> 0 AND noderole = 'primary' AND isactive) AS workers`,
    );
    const [cluster] = rows;
    if (!cluster?.citus) {
      throw new Error(`CITUS_URL (${new URL(url).host}) is a PostgreSQL server without Citus`);
    }
    console.log(
      `Citus ${cluster.citus} on PostgreSQL ${cluster.server}: a coordinator and ${cluster.workers} workers`,
    );
  } catch (error) {
    // Without pg_dist_node the query itself fails: no Citus either.
    if (error instanceof Error && /pg_dist_node/.test(error.message)) {
      throw new Error(`CITUS_URL (${new URL(url).host}) is a PostgreSQL server without Citus`);
    }
    throw error;
  } finally {
    await client.end();
  }
  project.provide("databaseUrl", url);
}
