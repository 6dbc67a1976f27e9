import type { TestProject } from "vitest/node";
import { preparePGlite } from "./prepare-pglite";
import { startPostgres } from "./start-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests use: `DATABASE_URL`, or one started for this run. */
    databaseUrl: string;
    /** PGlite data folders (tar) to start from: fresh, and migrated to the latest schema. */
    pgliteBlank: string;
    pgliteMigrated: string;
  }
}

/**
 * Gives every test file a real PostgreSQL server: `DATABASE_URL` when set, otherwise a throwaway
 * server started here and stopped after the run. No server is a failure, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const [server, pglite] = await Promise.all([
    process.env.DATABASE_URL ? undefined : startPostgres(),
    preparePGlite(),
  ]);
  if (server) {
    console.log(
      `PostgreSQL for the tests from ${server.source}, ready in ${Date.now() - started} ms`,
    );
  }
  project.provide("databaseUrl", server?.url ?? (process.env.DATABASE_URL as string));
  project.provide("pgliteBlank", pglite.blank);
  project.provide("pgliteMigrated", pglite.migrated);
  return async () => {
    await Promise.all([server?.stop(), pglite.remove()]);
  };
}
