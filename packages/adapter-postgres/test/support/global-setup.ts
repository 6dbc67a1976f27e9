import type { TestProject } from "vitest/node";
import { startPostgres } from "./start-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server the tests use: `DATABASE_URL`, or one started for this run. */
    databaseUrl: string;
  }
}

/**
 * Gives every test file a real PostgreSQL server: `DATABASE_URL` when set, otherwise a throwaway
 * server started here and stopped after the run. No server is a failure, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide("databaseUrl", given);
    return async () => undefined;
  }
  const started = Date.now();
  const server = await startPostgres();
  console.log(
    `PostgreSQL for the tests from ${server.source}, ready in ${Date.now() - started} ms`,
  );
  project.provide("databaseUrl", server.url);
  return () => server.stop();
}
